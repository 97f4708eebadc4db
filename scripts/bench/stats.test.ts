import { describe, expect, it } from 'vitest';
import { logLogSlope, median, quantile, sample } from './stats';

describe('bench statistics', () => {
  it('median and nearest-rank quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const xs = Array.from({ length: 10 }, (_, i) => 10 - i); // 10 … 1
    expect(quantile(xs, 0.9)).toBe(9);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('log–log slope recovers a power law and needs two points', () => {
    const pts = [64, 256, 1024].map((x) => ({ x, y: 0.5 * x ** 2 }));
    expect(logLogSlope(pts)).toBeCloseTo(2, 12);
    expect(logLogSlope([{ x: 64, y: 1 }])).toBeNull();
  });

  it('sampling runs at least once and stops at maxN', async () => {
    let calls = 0;
    const once = (): number => (calls++, 1000);
    expect(await sample(once, 1000, { budgetMs: 10, maxN: 5, warmup: 3 })).toHaveLength(1);
    expect(calls).toBe(1); // no warm-up for an expensive run
    expect(await sample(() => 0, 0, { budgetMs: 1e9, maxN: 5, warmup: 0 })).toHaveLength(5);
  });
});
