import { describe, expect, it } from 'vitest';
import { rgb } from 'd3';
import { contrast } from './colorMath';
import { divergingColor, textOn } from './theme';

describe('divergingColor', () => {
  it('is near-white at 0 (PuOr’s own midpoint), orange for positive and purple for negative values', () => {
    const zero = rgb(divergingColor(0, 1));
    expect(Math.min(zero.r, zero.g, zero.b)).toBeGreaterThan(230);
    const pos = rgb(divergingColor(1, 1));
    const neg = rgb(divergingColor(-1, 1));
    expect(pos.r).toBeGreaterThan(pos.b); // orange: red over blue
    expect(neg.b).toBeGreaterThan(neg.g); // purple: blue over green
  });
  it('is fixed by the limit: the same value keeps its colour, beyond the limit it saturates', () => {
    expect(divergingColor(0.5, 2)).toBe(divergingColor(0.25, 1));
    expect(divergingColor(5, 1)).toBe(divergingColor(1, 1));
  });
  it('picks readable text on dark cells', () => {
    expect(textOn(0.9, 1)).toBe('#fff');
    expect(textOn(0.1, 1)).toBe('#000');
  });
  it('every cell colour keeps its text at WCAG AA contrast (≥ 4.5:1)', () => {
    for (let x = -1; x <= 1.0001; x += 0.01) {
      // formatHex of d3's parse: an unparsable colour would be NaN, and contrast() throws on it.
      const cell = rgb(divergingColor(x, 1)).formatHex();
      const text = textOn(x, 1) === '#fff' ? '#ffffff' : '#000000';
      expect(contrast(cell, text), `x = ${x.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('has no silent fallback: a colour it cannot read is an error, not black', () => {
    expect(() => contrast('rgb(1, 2, 3)', '#000000')).toThrow();
    expect(() => contrast('#abcdeg', '#000000')).toThrow();
  });
});
