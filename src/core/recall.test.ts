import { describe, expect, it } from 'vitest';
import { readBreakdown } from './recall';

describe('readBreakdown (S q term by term)', () => {
  it('orthogonal unit keys: the read returns the wanted value, crosstalk 0', () => {
    // S = v1 k1ᵀ + v2 k2ᵀ with k1 = e1, k2 = e2; q = e1 → S q = v1·1 + v2·0 = v1
    const r = readBreakdown([[1, 0], [0, 1]], [[3, 4], [5, 6]], [1, 0]);
    expect(r.terms.map((t) => t.overlap)).toEqual([1, 0]);
    expect(r.total).toEqual([3, 4]);
    expect(r.wanted).toBe(0);
    expect(r.crosstalk).toEqual([0, 0]);
  });
  it('overlapping keys: crosstalk is the other value times the overlap', () => {
    // k2 = (0.8, 0.6), q = k1 = e1 → k2ᵀq = 0.8; S q = v1 + 0.8·v2 = (1,0) + (0, 0.8) = (1, 0.8)
    const r = readBreakdown([[1, 0], [0.8, 0.6]], [[1, 0], [0, 1]], [1, 0]);
    expect(r.total[0]).toBeCloseTo(1, 15);
    expect(r.total[1]).toBeCloseTo(0.8, 15);
    expect(r.wanted).toBe(0);
    expect(r.crosstalk[1]).toBeCloseTo(0.8, 15);
  });
  it('q = 0 reads nothing and wants nothing', () => {
    const r = readBreakdown([[1, 0]], [[2, 2]], [0, 0]);
    expect(r.total).toEqual([0, 0]);
    expect(r.wanted).toBe(-1);
  });
});
