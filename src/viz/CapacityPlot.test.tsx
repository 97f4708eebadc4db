// CapacityPlot draws the numbers it is given: one point per n, exact values in data-value, values above
// the axis marked as clipped, the d_k marker and the selected n where the caller put them.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CapacityPlot, MarkerSwatch, referenceLabelSpot } from './CapacityPlot';
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

describe('the reference line\'s label', () => {
  const label = 'an empty memory (o = 0) scores 1';
  /** Marker centres (circles) and the label's anchor, read back from the drawing. */
  const read = (markup: string) => {
    const circles = [...markup.matchAll(/<circle cx="([^"]+)" cy="([^"]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    const text = markup.match(/<text x="([^"]+)" y="([^"]+)" text-anchor="(start|end)" class="plot-reference-label"/);
    if (!text) throw new Error('no reference label');
    return { circles, x: Number(text[1]), y: Number(text[2]), anchor: text[3] };
  };
  it('is never covered by a marker, even when the first points sit on the line', () => {
    // Errors of exactly 1 (the empty memory's score) for the first n: the points lie on the reference line.
    const values = [1, 1, 1, 1, 1, 1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    const m = renderToStaticMarkup(
      <CapacityPlot series={[{ id: 'linear_attention', label: 'L', color: '#000', marker: 'circle', values }]} yMax={2} xLabel="n" yLabel="e" reference={{ y: 1, label }} label="plot" />,
    );
    const { circles, x, y, anchor } = read(m);
    const width = 6.2 * label.length;
    const left = anchor === 'start' ? x : x - width;
    const covered = circles.filter((c) => c.x + 4.5 > left && c.x - 4.5 < left + width && c.y + 4.5 > y - 9 && c.y - 4.5 < y + 2);
    expect(covered).toEqual([]);
  });
  it('is not crossed by the d_k line either', () => {
    const m = renderToStaticMarkup(
      <CapacityPlot series={[{ id: 'l', label: 'L', color: '#000', marker: 'circle', values: Array.from({ length: 24 }, () => 0) }]} yMax={2} xLabel="n" yLabel="e" mark={{ x: 8, label: 'n = d_k' }} reference={{ y: 1, label }} label="plot" />,
    );
    const { x, anchor } = read(m);
    const markX = Number(/<line x1="([^"]+)"[^>]*><\/line><text[^>]*>n = d_k/.exec(m)?.[1] ?? /class="plot-mark"[^]*?<line x1="([^"]+)"/.exec(m)?.[1]);
    expect(Number.isFinite(markX)).toBe(true);
    const width = 6.2 * label.length;
    const left = anchor === 'start' ? x : x - width;
    expect(markX < left || markX > left + width, `d_k line at ${markX}, label ${left}…${left + width}`).toBe(true);
  });
  it('keeps its usual place (left, above the line) when nothing is there', () => {
    const spot = referenceLabelSpot([{ x: 600, y: 10 }], 100, label, { left: 52, right: 624 });
    expect(spot).toMatchObject({ x: 58, y: 95, anchor: 'start' });
  });
});
