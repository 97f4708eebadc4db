import { describe, expect, it } from 'vitest';
import { rgb } from 'd3';
import { DECAY_HATCH, attentionImage, cellRGB, decayHatchAlpha } from './attentionImage';
import { divergingColor } from './theme';

const px = (img: Uint8ClampedArray, cols: number, t: number, s: number) => Array.from(img.slice((t * cols + s) * 4, (t * cols + s) * 4 + 4));

describe('cellRGB', () => {
  it('matches the diverging palette at 0 and at the limits', () => {
    for (const v of [-2, 0, 2]) {
      const c = rgb(divergingColor(v, 2));
      expect(cellRGB(v, 2).map(Math.round)).toEqual([c.r, c.g, c.b].map(Math.round));
    }
  });
  it('clamps beyond the limit and greys out non-finite values', () => {
    expect(cellRGB(10, 1)).toEqual(cellRGB(1, 1));
    expect(cellRGB(Number.NaN, 1)).toEqual([0x77, 0x77, 0x77]);
  });
});

describe('attentionImage', () => {
  const M = [
    [1, 9],
    [-1, 0.5],
  ];
  it('leaves the causal mask transparent (the hatch shows through) and paints the rest', () => {
    const img = attentionImage(M, 1);
    expect(img.length).toBe(2 * 2 * 4);
    expect(px(img, 2, 0, 1)[3]).toBe(0);
    expect(px(img, 2, 0, 0)[3]).toBe(255);
    expect(px(img, 2, 1, 0).slice(0, 3)).toEqual(cellRGB(-1, 1).map((x) => Math.round(x)));
  });
  it('paints every cell when not causal', () => {
    expect(px(attentionImage(M, 1, { causal: false }), 2, 0, 1)[3]).toBe(255);
  });
  it('colours a cell by its value only: a decayed zero stays the white of 0', () => {
    const img = attentionImage([[0]], 1);
    expect(px(img, 1, 0, 0).slice(0, 3)).toEqual(cellRGB(0, 1).map((x) => Math.round(x)));
    expect(Math.min(...px(img, 1, 0, 0).slice(0, 3))).toBeGreaterThan(230);
  });
  it('hatches the decay: no stripes at D = 1, the strongest at D = 0, in between in order', () => {
    expect(decayHatchAlpha(1)).toBe(0);
    expect(decayHatchAlpha(0)).toBe(DECAY_HATCH.maxAlpha);
    expect(decayHatchAlpha(0.5)).toBeCloseTo(DECAY_HATCH.maxAlpha / 2, 12);
    expect(decayHatchAlpha(0.9)).toBeLessThan(decayHatchAlpha(0.1));
    expect(decayHatchAlpha(Number.NaN)).toBe(0);
  });
  it('handles T = 256 quickly (65,536 cells)', () => {
    const T = 256;
    const big = Array.from({ length: T }, (_, t) => Array.from({ length: T }, (_, s) => Math.sin(t * 7 + s)));
    const start = performance.now();
    attentionImage(big, 1);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
