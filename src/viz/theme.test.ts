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
    expect(textOn(0.1, 1)).toBe('#000');
  });
  it('every cell colour keeps its text at WCAG AA contrast (≥ 4.5:1)', () => {
    const luminance = (css: string) => {
      const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(css);
      const [r, g, b] = (m ? m.slice(1) : ['0', '0', '0']).map((x) => {
        const u = Number(x) / 255;
        return u <= 0.03928 ? u / 12.92 : ((u + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let x = -1; x <= 1.0001; x += 0.01) {
      const bg = luminance(divergingColor(x, 1));
      const fg = textOn(x, 1) === '#fff' ? 1 : 0;
      const ratio = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
      expect(ratio, `x = ${x.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
