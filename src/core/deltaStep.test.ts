// The delta step as one gradient step: losses before and after, by hand and against the rule.
import { describe, expect, it } from 'vitest';
import { betaRegime, deltaLoss, deltaStepTerms } from './deltaStep';
import { l2normalise } from './story';
import { step } from './rule';
import { expectClose } from './test-utils';

describe('deltaLoss', () => {
  it('is ½‖S k − v‖², by hand', () => {
    // S k = (1·1 + 2·0, 3·1 + 4·0) = (1, 3); v = (0, 1); error (1, 2); ½(1 + 4) = 2.5
    expect(deltaLoss([[1, 2], [3, 4]], [1, 0], [0, 1])).toBe(2.5);
    expect(deltaLoss([[0, 0], [0, 0]], [1, 0], [0, 1])).toBe(0.5);
  });
});

describe('deltaStepTerms', () => {
  const S0 = [[0.5, -1, 0.25], [2, 0, 1]];
  const k = l2normalise([1, 2, 2]); // (1, 2, 2)/3
  const v = [1, -1];

  for (const beta of [0, 0.3, 1, 1.5, 2]) {
    it(`β = ${beta}: the rule's step lowers the loss by (1 − β)² for a unit key`, () => {
      const rec = step(S0, { q: k, k, v, beta, gate: { shape: 'none' } }, true);
      const terms = deltaStepTerms(rec, k, v, beta);
      expect(terms.writes).toBe(true);
      expect(terms.factor).toBeCloseTo((1 - beta) ** 2, 14);
      expect(terms.lossAfter).toBeCloseTo(terms.factor * terms.lossBefore, 12);
      // The three beats rebuild the step: S_t = S + β (v − S k) kᵀ.
      expectClose(
        rec.S,
        S0.map((row, i) => row.map((s, j) => s + terms.correction[i][j])),
        1e-14,
      );
      expectClose(terms.oldValue, rec.recalled, 1e-15);
      expectClose(terms.error, v.map((x, i) => x - rec.recalled[i]), 1e-15);
    });
  }

  it('β = 1 with a unit key: the loss after the step is 0 (hand-derived)', () => {
    // From S = 0: old value 0, error v, correction v kᵀ; S_t k = v (k unit) → L = 0.
    const rec = step([[0, 0], [0, 0]], { q: [1, 0], k: [0.6, 0.8], v: [2, -1], beta: 1, gate: { shape: 'none' } }, true);
    const terms = deltaStepTerms(rec, [0.6, 0.8], [2, -1], 1);
    expect(terms.lossBefore).toBeCloseTo(2.5, 14); // ½(4 + 1)
    expect(terms.lossAfter).toBeCloseTo(0, 14);
    expectClose(terms.correction, [[1.2, 1.6], [-0.6, -0.8]], 1e-14);
  });

  it('with a forget gate the step starts from α S_{t−1}', () => {
    const rec = step(S0, { q: k, k, v, beta: 1, gate: { shape: 'scalar', value: 0.5 } }, true);
    const terms = deltaStepTerms(rec, k, v, 1);
    expect(terms.lossBefore).toBeCloseTo(deltaLoss(S0.map((r) => r.map((s) => 0.5 * s)), k, v), 14);
    expect(terms.lossAfter).toBeCloseTo(0, 14);
  });

  it('a step with k = 0 writes nothing', () => {
    const rec = step(S0, { q: k, k: [0, 0, 0], v: [0, 0], beta: 1, gate: { shape: 'none' } }, true);
    const terms = deltaStepTerms(rec, [0, 0, 0], [0, 0], 1);
    expect(terms.writes).toBe(false);
    expect(terms.lossBefore).toBe(0);
    expect(terms.lossAfter).toBe(0);
  });
});

describe('betaRegime', () => {
  it('names what β does to the error (1 − β)', () => {
    expect([0, 0.4, 1, 1.3, 2, 2.5].map((b) => betaRegime(b))).toEqual(['none', 'partial', 'exact', 'overshoot', 'reflect', 'diverge']);
  });
});
