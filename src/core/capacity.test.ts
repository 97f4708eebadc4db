import { describe, expect, it } from 'vitest';
import {
  CAPACITY_MECHANISMS,
  EXACT_ERROR,
  SOFTMAX_SHARPNESS,
  capacityCase,
  capacityCurve,
  capacityPairs,
  capacityPoint,
  firstFailure,
  readsOf,
  recallError,
  recallErrors,
} from './capacity';
import { parseCase } from './cases';
import { runReference } from './index';

const oneHot = (dk: number, count = 2 * dk + 2, seed = 1) => capacityPairs({ dk, dv: 4, count, keys: 'one-hot', seed });

describe('capacityPairs', () => {
  it('one-hot keys walk the axes and wrap around after d_k', () => {
    const { keys } = oneHot(3, 5);
    expect(keys).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });
  it('values and random keys are unit vectors, seeded, and prefix-stable', () => {
    const a = capacityPairs({ dk: 5, dv: 3, count: 6, keys: 'random', seed: 7 });
    const b = capacityPairs({ dk: 5, dv: 3, count: 9, keys: 'random', seed: 7 });
    expect(b.keys.slice(0, 6)).toEqual(a.keys);
    expect(b.values.slice(0, 6)).toEqual(a.values);
    for (const row of [...a.keys, ...a.values]) expect(Math.hypot(...row)).toBeCloseTo(1, 12);
    expect(capacityPairs({ dk: 5, dv: 3, count: 6, keys: 'random', seed: 8 }).keys).not.toEqual(a.keys);
  });
  it('the values do not change with d_k or the kind of key', () => {
    const values = capacityPairs({ dk: 4, dv: 3, count: 5, keys: 'random', seed: 2 }).values;
    expect(capacityPairs({ dk: 9, dv: 3, count: 5, keys: 'one-hot', seed: 2 }).values).toEqual(values);
  });
});

describe('capacityCase', () => {
  it('writes n pairs with q = 0, then reads each stored key with k = v = 0 (DeltaNet: β = 1, then 0)', () => {
    const pairs = oneHot(2, 3);
    const c = capacityCase('deltanet', pairs, 2);
    expect(c.q).toEqual([[0, 0], [0, 0], [1, 0], [0, 1]]);
    expect(c.k).toEqual([[1, 0], [0, 1], [0, 0], [0, 0]]);
    expect(c.v.slice(0, 2)).toEqual(pairs.values.slice(0, 2));
    expect(c.v.slice(2)).toEqual([[0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(c.beta).toEqual([1, 1, 0, 0]);
    expect(() => parseCase(c)).not.toThrow();
  });
  it('softmax reads with τ·key; the other mechanisms with the key itself', () => {
    const pairs = oneHot(2, 2);
    expect(capacityCase('softmax_attention', pairs, 1).q[1]).toEqual([SOFTMAX_SHARPNESS, 0]);
    expect(capacityCase('linear_attention', pairs, 1).q[1]).toEqual([1, 0]);
  });
  it('refuses n outside the drawn pairs', () => {
    expect(() => capacityCase('linear_attention', oneHot(2, 3), 4)).toThrow(/1…3/);
    expect(() => capacityCase('linear_attention', oneHot(2, 3), 0)).toThrow();
  });
});

describe('recall error', () => {
  it('is the mean of ‖o − v‖² over the pairs (hand-worked)', () => {
    // pair 1: (1, 0) vs (1, 0) → 0; pair 2: (0.5, 0) vs (0, 1) → 0.25 + 1 = 1.25; mean 0.625
    const reads = [[1, 0], [0.5, 0]];
    const values = [[1, 0], [0, 1]];
    expect(recallErrors(reads, values)).toEqual([0, 1.25]);
    expect(recallError(reads, values)).toBe(0.625);
  });
  it('reads are the last n outputs', () => {
    expect(readsOf([[1], [2], [3], [4]], 2)).toEqual([[3], [4]]);
  });
});

describe('the capacity cliff', () => {
  it('linear attention with one-hot keys recalls exactly for every n ≤ d_k', () => {
    for (const dk of [1, 3, 8]) {
      const pairs = oneHot(dk);
      for (let n = 1; n <= dk; n++) expect(capacityPoint('linear_attention', pairs, n)).toBe(0);
    }
  });
  it('…and fails at n = d_k + 1: two values share one column, each read returns their sum', () => {
    for (const dk of [1, 3, 8]) {
      const pairs = oneHot(dk);
      const e = capacityPoint('linear_attention', pairs, dk + 1);
      expect(e).toBeGreaterThan(0);
      // pairs 1 and d_k+1 share e₁: each read returns v₁ + v_{d_k+1}; its error is the other unit value's ‖·‖² = 1.
      expect(e).toBeCloseTo(2 / (dk + 1), 12);
      expect(firstFailure(capacityCurve('linear_attention', pairs))).toBe(dk + 1);
    }
  });
  it('worked example: d_k = 1, n = 2 — S = v₁ + v₂, both reads return the sum', () => {
    const pairs = capacityPairs({ dk: 1, dv: 2, count: 2, keys: 'one-hot', seed: 3 });
    const [v1, v2] = pairs.values;
    const o = runReference(capacityCase('linear_attention', pairs, 2), 'recurrent').o;
    const sum = [v1[0] + v2[0], v1[1] + v2[1]];
    expect(readsOf(o, 2)[0][0]).toBeCloseTo(sum[0], 14);
    expect(readsOf(o, 2)[1][1]).toBeCloseTo(sum[1], 14);
  });
  it('DeltaNet with orthonormal keys recalls exactly; with a repeated key it keeps only the newest value', () => {
    const dk = 4;
    const pairs = oneHot(dk);
    for (let n = 1; n <= dk; n++) expect(capacityPoint('deltanet', pairs, n)).toBeLessThan(1e-24);
    // n = d_k + 1: key e₁ was rewritten, so read 1 returns v_{d_k+1} (error ‖v_{d_k+1} − v₁‖²), read d_k+1 is exact.
    const o = runReference(capacityCase('deltanet', pairs, dk + 1), 'recurrent').o;
    const reads = readsOf(o, dk + 1);
    const e = recallErrors(reads, pairs.values.slice(0, dk + 1));
    reads[0].forEach((x, i) => expect(x).toBeCloseTo(pairs.values[dk][i], 12));
    expect(e[dk]).toBeLessThan(1e-24);
    expect(e.slice(1, dk).every((x) => x < 1e-24)).toBe(true);
  });
  it('DeltaNet with rotated orthonormal (not one-hot) keys also recalls exactly', () => {
    const c = Math.SQRT1_2;
    const keys = [[c, c, 0], [c, -c, 0], [0, 0, 1]];
    const values = [[1, 0], [0, 1], [0.6, 0.8]];
    for (let n = 1; n <= 3; n++) expect(capacityPoint('deltanet', { keys, values }, n)).toBeLessThan(1e-24);
  });
  it('softmax keeps one-hot pairs apart up to d_k (weights off the match are e^{−τ})', () => {
    const pairs = oneHot(6);
    for (let n = 1; n <= 6; n++) expect(capacityPoint('softmax_attention', pairs, n)).toBeLessThan(EXACT_ERROR);
    // Beyond d_k two pairs share a key; softmax returns their average (error ‖v_a − v_b‖²/4 each).
    const n = 7;
    const reads = readsOf(runReference(capacityCase('softmax_attention', pairs, n), 'recurrent').o, n);
    const avg = pairs.values[0].map((x, i) => (x + pairs.values[6][i]) / 2);
    reads[0].forEach((x, i) => expect(x).toBeCloseTo(avg[i], 5));
  });
  it('with random unit keys, softmax recalls far better than linear attention once n > d_k', () => {
    const pairs = capacityPairs({ dk: 8, dv: 4, count: 24, keys: 'random', seed: 1 });
    const [linear, softmax, delta] = CAPACITY_MECHANISMS.map((m) => capacityPoint(m, pairs, 20));
    expect(softmax).toBeLessThan(0.05);
    expect(linear).toBeGreaterThan(1);
    expect(delta).toBeLessThan(linear);
  });
});
