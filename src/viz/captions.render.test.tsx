// Captions, axes and legends, rendered to static HTML: each figure names its quantity, numbers its
// axes and explains its tints — the value colours with the numbers of their fixed scale, the decay as
// hatching (never a colour of the cell).
import { renderToStaticMarkup } from 'react-dom/server';
import { rgb } from 'd3-color';
import { describe, expect, it } from 'vitest';
import { AttentionMatrix, stepTicks } from './AttentionMatrix';
import { DECAY_HATCH } from './attentionImage';
import { TimeCursorProvider } from './cursor';
import { DECAY_LEGEND_STEPS, DecayLegend, hatchBackground, MaskLegend, ValueLegend, valueGradient, valueLegendTicks } from './Legend';
import { LogLogPlot } from './LogLogPlot';
import { MatrixHeatmap } from './MatrixHeatmap';
import { MemoryStateFigure, type MemoryLabels } from './MemoryStateFigure';
import { memoryLabels } from './testLabels';
import { FigureRegion } from './PlaybackControls';
import { GateShapeFigure } from './GateShapeFigure';
import { SignalPlot } from './SignalPlot';
import { divergingColor, symbolColor } from './theme';
import { runReference } from '../core';
import { randomCase } from '../core/random';
import { makeTrace } from '../trace/trace';

const html = (el: React.ReactElement) => renderToStaticMarkup(el);
const attrs = (markup: string, name: string) => [...markup.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
/** Text of every element with this class, in order. */
const texts = (markup: string, cls: string) => [...markup.matchAll(new RegExp(`class="${cls}"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1]);

describe('AttentionMatrix: caption, axes, legends', () => {
  const labels = {
    matrix: 'Weights M',
    row: 'step {t}',
    decay: 'decay D',
    rowAxis: 't (query step)',
    colAxis: 's (key step)',
    valueLegend: 'Colour = value',
    maskLegend: 'masked',
    decayLegend: 'Hatching = γ^(t−s)',
  };
  const M = [
    [1, 0, 0],
    [0.5, 0, 0],
    [0.25, 0, -2],
  ];
  const D = [
    [1, 0, 0],
    [0.5, 1, 0],
    [0.25, 0.5, 1],
  ];
  it('is a figure whose caption names the quantity, with numbered t and s axes', () => {
    const m = html(<AttentionMatrix values={M} labels={labels} caption="Weights M = tril(QKᵀ) ⊙ D" testId="att" />);
    expect(m).toMatch(/^<figure class="attention"/);
    expect(m).toContain('<figcaption class="attention-caption">Weights M = tril(QKᵀ) ⊙ D</figcaption>');
    expect(m).toContain('t (query step) →');
    expect(m).toContain('s (key step) →');
    const axis = (a: string) => {
      const start = m.indexOf(`data-axis="${a}"`);
      return attrs(m.slice(start, m.indexOf('</div>', start)), 'data-tick');
    };
    expect(axis('t')).toEqual(['1', '2', '3']);
    expect(axis('s')).toEqual(['1', '2', '3']);
  });
  it('falls back to the matrix name as its caption', () => {
    expect(html(<AttentionMatrix values={M} labels={{ matrix: 'Weights M', row: 'step {t}' }} />)).toContain('<figcaption class="attention-caption">Weights M</figcaption>');
  });
  it('shows the value scale with the numbers of its fixed limit, the mask and, only with a decay, the hatching', () => {
    const plain = html(<AttentionMatrix values={M} labels={labels} limit={2} testId="att" />);
    expect(plain).toContain('data-testid="att-value-legend"');
    expect(texts(plain, 'value-legend-tick')).toEqual(['−2.00', '−1.00', '0.00', '1.00', '2.00']);
    expect(plain).toContain('data-testid="att-mask-legend"');
    expect(plain).not.toContain('att-decay-legend');
    const decayed = html(<AttentionMatrix values={M} labels={labels} decay={D} limit={2} testId="att" />);
    expect(decayed).toContain('data-testid="att-decay-legend"');
    expect(decayed).toContain('Hatching = γ^(t−s)');
    expect(attrs(decayed, 'data-decay')).toEqual(['1', '0.5', '0.1']);
  });
  it('numbers every step up to 32, then 1 and round multiples (never more than 17 numbers)', () => {
    expect(stepTicks(12)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(stepTicks(32)).toHaveLength(32);
    expect(stepTicks(64).map((i) => i + 1)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(stepTicks(256).map((i) => i + 1)).toEqual([1, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240]);
    for (const T of [33, 100, 257, 1000, 4096]) expect(stepTicks(T).length, `T = ${T}`).toBeLessThanOrEqual(17);
  });
});

describe('Legends', () => {
  it('the value scale runs −limit … 0 … limit, white in the middle, purple to orange', () => {
    expect(valueLegendTicks(1.5)).toEqual([-1.5, -0.75, 0, 0.75, 1.5]);
    expect(valueLegendTicks(0)).toEqual([-1, -0.5, 0, 0.5, 1]); // an all-zero figure still gets a scale
    const g = valueGradient();
    expect(g.startsWith('linear-gradient(to right, ')).toBe(true);
    const stops = g.slice('linear-gradient(to right, '.length, -1).split(/, (?=rgb)/);
    expect(stops).toHaveLength(11);
    expect(stops[0]).toBe(divergingColor(-1, 1));
    expect(stops[5]).toBe(divergingColor(0, 1));
    expect(stops[10]).toBe(divergingColor(1, 1));
    const m = html(<ValueLegend limit={0.5} label="Colour = value" digits={1} testId="v" />);
    expect(m).toContain('Colour = value');
    expect(texts(m, 'value-legend-tick')).toEqual(['−0.5', '−0.3', '0.0', '0.3', '0.5']);
  });
  it('the decay legend shows stripes in γ’s colour: none at 1, stronger as D falls', () => {
    const c = rgb(symbolColor.gamma);
    expect(hatchBackground(1)).toContain(`rgba(${c.r}, ${c.g}, ${c.b}, 0.00)`);
    expect(hatchBackground(0)).toContain(`rgba(${c.r}, ${c.g}, ${c.b}, ${DECAY_HATCH.maxAlpha.toFixed(2)})`);
    const m = html(<DecayLegend label="Hatching = ∏ γ_r" testId="d" />);
    expect(m).toContain('Hatching = ∏ γ_r');
    expect(attrs(m, 'data-decay').map(Number)).toEqual([...DECAY_LEGEND_STEPS]);
    expect(html(<MaskLegend label="masked" />)).toContain('masked');
  });
  it('the strongest stripes stand out from a white 0 cell at ≥ 3:1 (WCAG graphics)', () => {
    const lin = (u: number) => (u / 255 <= 0.03928 ? u / 255 / 12.92 : ((u / 255 + 0.055) / 1.055) ** 2.4);
    const L = (x: { r: number; g: number; b: number }) => 0.2126 * lin(x.r) + 0.7152 * lin(x.g) + 0.0722 * lin(x.b);
    const zero = rgb(divergingColor(0, 1));
    const g = rgb(symbolColor.gamma);
    const a = DECAY_HATCH.maxAlpha;
    const stripe = { r: zero.r + (g.r - zero.r) * a, g: zero.g + (g.g - zero.g) * a, b: zero.b + (g.b - zero.b) * a };
    const ratio = (L(zero) + 0.05) / (L(stripe) + 0.05);
    expect(ratio).toBeGreaterThanOrEqual(3);
  });
});

describe('MatrixHeatmap axis titles', () => {
  it('puts the column title over the numbers and the row title in the corner', () => {
    const m = html(<MatrixHeatmap values={[[1, 0], [0, 1]]} caption="Memory S_t" rowAxis="i (value channel)" colAxis="j (key dimension)" />);
    expect(m).toContain('<caption>Memory S_t</caption>');
    expect(m).toContain('colSpan="2"');
    expect(m).toContain('j (key dimension) →');
    expect(m).toContain('i (value channel) ↓');
    expect(texts(m, 'heatmap-col-axis')).toHaveLength(1);
  });
  it('draws no axis row without titles', () => {
    expect(html(<MatrixHeatmap values={[[1]]} caption="x" />)).not.toContain('heatmap-axis');
  });
});

describe('MemoryStateFigure caption, axes and legend', () => {
  const labels: MemoryLabels = {
    ...memoryLabels,
    caption: 'Memory S_t after step t',
    rowAxis: 'i (value channel)',
    colAxis: 'j (key dimension)',
    valueLegend: 'Colour = value',
  };
  const input = randomCase('retnet', { T: 3, dk: 2, dv: 2, seed: 3 });
  const trace = makeTrace(input, runReference(input, 'recurrent'), { view: 'recurrent', backend: 'reference', ms: 0 });
  it('names what it shows, titles S’s axes and shows its fixed value scale', () => {
    const m = html(<MemoryStateFigure trace={trace} step={1} labels={labels} limit={2} />);
    expect(m).toContain('<span class="memory-name">Memory S_t after step t</span>');
    expect(m).toContain('j (key dimension) →');
    expect(m).toContain('i (value channel) ↓');
    expect(m).toContain('data-testid="memory-value-legend"');
    expect(texts(m, 'value-legend-tick')).toEqual(['−2.00', '−1.00', '0.00', '1.00', '2.00']);
  });
});

describe('FigureRegion caption', () => {
  it('shows the caption and describes the region with it', () => {
    const m = html(
      <TimeCursorProvider T={3}>
        <FigureRegion label="Live figure" caption="Left: M; right: S_t">
          <p>body</p>
        </FigureRegion>
      </TimeCursorProvider>,
    );
    const id = attrs(m, 'aria-describedby')[0];
    expect(id).toBeTruthy();
    expect(m).toContain(`<p class="figure-caption" id="${id}">Left: M; right: S_t</p>`);
  });
  it('has no description without a caption', () => {
    const m = html(
      <TimeCursorProvider T={3}>
        <FigureRegion label="Live figure">
          <p>body</p>
        </FigureRegion>
      </TimeCursorProvider>,
    );
    expect(m).not.toContain('aria-describedby');
  });
});

describe('Plot captions', () => {
  it('LogLogPlot shows its title as the figure caption, axis names included', () => {
    const m = html(
      <LogLogPlot
        title="Time per run against T"
        xLabel="sequence length T"
        yLabel="milliseconds per run"
        xDomain={[1, 100]}
        yDomain={[1, 100]}
        xTicks={[1, 10, 100]}
        yTicks={[1, 10, 100]}
        formatX={String}
        formatY={(y) => `${y} ms`}
        series={[]}
      />,
    );
    expect(m).toContain('<figcaption class="loglog-title">Time per run against T</figcaption>');
    expect(m).toContain('milliseconds per run');
    expect(m).toContain('>10 ms<');
  });
  it('SignalPlot shows its title as the caption and names both panels’ axes', () => {
    const m = html(
      <SignalPlot
        curve={{ tau: [0, 1], y: [0, 0.5] }}
        samples={{ tau: [1], y: [0.5] }}
        input={[0, 1]}
        held={{ dt: 1, x: [1] }}
        yLimit={1}
        xLimit={1}
        labels={{ title: 'Output over time', curve: 'y(τ)', samples: 'y_k', input: 'x(τ)', held: 'x_k', time: 'time τ', yAxis: 'output y', xAxis: 'input x' }}
      />,
    );
    expect(m).toContain('<span class="signal-title">Output over time</span>');
    expect(m).toMatch(/data-axis="y"[^>]*>output y</);
    expect(m).toMatch(/data-axis="x"[^>]*>input x</);
    expect(m).toContain('time τ');
  });
});

describe('GateShapeFigure legends', () => {
  it('shows the gate’s 0 … 1 scale and the memory’s fixed scale', () => {
    const m = html(
      <GateShapeFigure
        gate={[[0.5]]}
        before={[[2]]}
        after={[[1]]}
        shape="scalar"
        limit={2}
        labels={{ title: 'Step 1', gate: 'G', before: 'S before', after: 'S after', gateLegend: 'G scale', stateLegend: 'S scale' }}
      />,
    );
    expect(m).toContain('G scale');
    expect(m).toContain('S scale');
    expect(texts(m, 'value-legend-tick')).toEqual(['−1.00', '−0.50', '0.00', '0.50', '1.00', '−2.00', '−1.00', '0.00', '1.00', '2.00']);
  });
});
