// One step of the delta rule read as learning (chapter 8): the memory takes one gradient step on
//   L(S) = ½‖S k − v‖²,   ∇L(S) = (S k − v) kᵀ,
// so S_t = S − β (S k − v) kᵀ, starting from S = S_{t−1} (or α S_{t−1} once a forget gate has acted).
// In three beats: read the old value S k, form the error v − S k, write the correction β·error·kᵀ.
// Because S_t k − v = (1 − β‖k‖²)(S k − v), the loss after the step is (1 − β‖k‖²)² times the loss
// before: 0 for β = 1 and a unit key, unchanged (the error only flips sign) for β = 2.
import { type Mat, type Vec, dot } from './linalg';
import type { StepRecord } from './rule';

/** L(S) = ½‖S k − v‖²: how far the memory's answer for key k is from the value v. */
export function deltaLoss(S: Mat, k: Vec, v: Vec): number {
  return 0.5 * S.reduce((sum, row, i) => sum + (dot(row, k) - v[i]) ** 2, 0);
}

export interface DeltaStepTerms {
  /** S k: what the memory held under k before the write (after the gate, if any). */
  oldValue: Vec;
  /** v − S k: what the write must add along k. */
  error: Vec;
  /** β (v − S k) kᵀ = −β ∇L: the correction the step writes. */
  correction: Mat;
  /** L on the memory the step starts from. */
  lossBefore: number;
  /** L on the memory after the step, S_t. */
  lossAfter: number;
  /** (1 − β‖k‖²)²: the factor the step multiplies the loss by. */
  factor: number;
  /** False when k = 0: the step writes nothing and only reads. */
  writes: boolean;
}

/** The delta step of one recorded step: `rec.decayed` is the memory it starts from, `rec.S` where it ends. */
export function deltaStepTerms(rec: Pick<StepRecord, 'decayed' | 'S'>, k: Vec, v: Vec, beta: number): DeltaStepTerms {
  const oldValue = rec.decayed.map((row) => dot(row, k));
  const error = v.map((vi, i) => vi - oldValue[i]);
  const kk = dot(k, k);
  return {
    oldValue,
    error,
    correction: error.map((e) => k.map((kj) => beta * e * kj)),
    lossBefore: deltaLoss(rec.decayed, k, v),
    lossAfter: deltaLoss(rec.S, k, v),
    factor: (1 - beta * kk) ** 2,
    writes: kk > 0,
  };
}

export type BetaRegime = 'none' | 'partial' | 'exact' | 'overshoot' | 'reflect' | 'diverge';

/** What a step of size β does to the error along a unit key: (1 − β) times it. */
export function betaRegime(beta: number, eps = 1e-9): BetaRegime {
  if (Math.abs(beta) <= eps) return 'none';
  if (Math.abs(beta - 1) <= eps) return 'exact';
  if (Math.abs(beta - 2) <= eps) return 'reflect';
  if (beta < 1) return 'partial';
  if (beta < 2) return 'overshoot';
  return 'diverge';
}
