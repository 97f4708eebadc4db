// AccuracyChart draws the numbers it is given: a point per (difficulty, accuracy) on a fixed 0–1 axis,
// the highlighted series last, and the learner's own result as a labelled mark that stays inside.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AccuracyChart } from './AccuracyChart';

const series = [
  { id: 'deltanet', label: 'DeltaNet', color: '#E69F00', points: [{ x: 2, y: 1 }, { x: 16, y: 1 }] },
  { id: 'linear_attention', label: 'Linear attention', color: '#0072B2', points: [{ x: 2, y: 1 }, { x: 16, y: 0.5 }] },
];
const draw = (live: { x: number; y: number; label: string } | null) =>
  renderToStaticMarkup(<AccuracyChart series={series} highlight="deltanet" live={live} chance={0.2} xLabel="moves" yLabel="accuracy" label="chart" width={400} height={200} testId="c" />);

describe('AccuracyChart', () => {
  it('puts each point where its numbers say, on a fixed 0–1 axis', () => {
    const m = draw(null);
    // x: 2 → left margin (48), 16 → 400 − 14; y: 1 → top margin (14), 0.5 → halfway down the plot (14 + 146/2).
    expect(m).toContain('cx="48" cy="14"');
    expect(m).toContain('cx="386" cy="87"');
    // The highlighted series is drawn last, so it sits on top.
    expect(m.lastIndexOf('data-series="deltanet"')).toBeGreaterThan(m.indexOf('data-series="linear_attention"'));
  });

  it('keeps the live mark’s label inside the plot at the right edge', () => {
    const right = draw({ x: 16, y: 0.5, label: 'this sequence' });
    expect(right).toMatch(/<text x="376"[^>]*text-anchor="end"[^>]*>this sequence<\/text>/);
    const left = draw({ x: 2, y: 0.5, label: 'this sequence' });
    expect(left).toMatch(/<text x="58"[^>]*text-anchor="start"[^>]*>this sequence<\/text>/);
  });
});
