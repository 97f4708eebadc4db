// CapacityPlot draws the numbers it is given: one point per n, exact values in data-value, values above
// the axis marked as clipped, the d_k marker and the selected n where the caller put them.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CapacityPlot, MarkerSwatch } from './CapacityPlot';
import { mechanismColor } from './theme';

const attrs = (markup: string, name: string) => [...markup.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('CapacityPlot', () => {
  const series = [
    { id: 'linear_attention', label: 'Linear attention', color: mechanismColor.linear_attention, marker: 'circle' as const, values: [0, 0, 0.5, 3.25], sources: ['wasm', 'wasm', 'wasm', 'reference'] },
    { id: 'deltanet', label: 'DeltaNet', color: mechanismColor.deltanet, marker: 'triangle' as const, values: [0, 0, 0.25, 1] },
  ];
  const m = renderToStaticMarkup(
    <CapacityPlot series={series} yMax={2} xLabel="n" yLabel="error" mark={{ x: 2, label: 'n = d_k' }} reference={{ y: 1, label: 'empty' }} selectedX={3} onSelectX={() => {}} label="Recall error" />,
  );
  it('is an image with a name, one point per n and series, exact values kept', () => {
    expect(m).toContain('role="img"');
    expect(m).toContain('aria-label="Recall error"');
    expect(attrs(m, 'data-value')).toEqual(['0', '0', '0.5', '3.25', '0', '0', '0.25', '1']);
    expect(attrs(m, 'data-x').filter((_, i) => i >= 2)).toEqual(['1', '2', '3', '4', '1', '2', '3', '4']);
    expect(attrs(m, 'data-source')).toEqual(['wasm', 'wasm', 'wasm', 'reference']);
  });
  it('marks values above the axis as clipped, and only those', () => {
    expect(attrs(m, 'data-clipped')).toEqual(['true']);
  });
  it('draws the d_k marker and the selected n, in each series colour', () => {
    expect(m).toContain('data-testid="capacity-plot-mark" data-x="2"');
    expect(m).toContain('data-testid="capacity-plot-selected" data-x="3"');
    expect(m).toContain(`stroke="${mechanismColor.linear_attention}"`);
    expect(m).toContain(`stroke="${mechanismColor.deltanet}"`);
    expect(m).toContain('data-y-max="2"');
  });
  it('legend swatches are decorative', () => {
    expect(renderToStaticMarkup(<MarkerSwatch kind="square" color="#000" />)).toContain('aria-hidden="true"');
  });
});
