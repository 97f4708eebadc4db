import { describe, expect, it } from 'vitest';
import { interpolatePuOr } from 'd3-scale-chromatic';
import { divergingColor } from './diverging';

describe('divergingColor: the PuOr scale written out', () => {
  it('is d3-scale-chromatic’s interpolatePuOr at every step of 1/200 across [-1, 1]', () => {
    for (let i = 0; i <= 200; i++) {
      const x = -1 + i / 100;
      expect(divergingColor(x, 1)).toBe(interpolatePuOr(0.5 + x / 2));
    }
  });
});
