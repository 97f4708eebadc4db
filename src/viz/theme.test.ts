import { describe, expect, it } from 'vitest';
import { rgb } from 'd3';
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
    expect(textOn(0.1, 1)).toBe('#111');
  });
});
