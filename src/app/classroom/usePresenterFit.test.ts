import { describe, expect, it } from 'vitest';
import { fitScale } from './usePresenterFit';

describe('fitScale (presenter mode: how much a figure part grows)', () => {
  it('takes the tighter of width and height, rounded down to a tenth', () => {
    expect(fitScale({ width: 600, height: 300 }, { width: 1800, height: 780 })).toBe(2.6); // 3 and 2.6
    expect(fitScale({ width: 900, height: 300 }, { width: 1800, height: 780 })).toBe(2); // 2 and 2.6
    expect(fitScale({ width: 700, height: 340 }, { width: 1832, height: 770 })).toBe(2.2); // 2.617 and 2.265
  });
  it('never shrinks below the drawn size and stops at the cap', () => {
    expect(fitScale({ width: 2000, height: 300 }, { width: 1800, height: 780 })).toBe(1);
    expect(fitScale({ width: 100, height: 100 }, { width: 1800, height: 780 })).toBe(2.6);
    expect(fitScale({ width: 100, height: 100 }, { width: 1800, height: 780 }, 4, 0.5)).toBe(4);
  });
  it('a box not laid out (hidden) keeps the drawn size', () => {
    expect(fitScale({ width: 0, height: 0 }, { width: 1800, height: 780 })).toBe(1);
  });
});
