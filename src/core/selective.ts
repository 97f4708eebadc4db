// Selection (Mamba-1, S6): Δ, B and C are computed from each token instead of being fixed, so the model
// decides per token how much to forget and what to write. From a token embedding e_t (length E):
//   x_t = W_x e_t          (D channels)
//   Δ_t = softplus(W_Δ e_t + b_Δ)   (one step size per channel, always > 0)
//   B_t = W_B e_t,  C_t = W_C e_t  (N each, shared by the channels)
// and per channel d and state n:  h_t[d,n] = exp(Δ_t[d] A[d,n]) h_{t−1}[d,n] + Δ_t[d] B_t[n] x_t[d],
//   y_t[d] = Σ_n C_t[n] h_t[d,n]  — mechanism 'mamba' in cases.ts, with the state D × N.
// Large Δ_t: exp(Δ_t A) ≈ 0, the memory is reset to this token. Δ_t → 0: exp(Δ_t A) → 1 and the
// write Δ_t B_t x_t → 0, the token is skipped and the memory kept.
import type { CaseOf } from './cases';
import type { Mat, Vec } from './linalg';
import { matVec } from './linalg';
import type { Affine } from './scan';

/** softplus(z) = log(1 + e^z), computed without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export interface SelectiveWeights {
  /** D × E. */
  Wx: Mat;
  /** D × E. */
  Wdt: Mat;
  /** D. */
  bdt: Vec;
  /** N × E. */
  WB: Mat;
  /** N × E. */
  WC: Mat;
  /** D × N, every entry < 0. */
  A: Mat;
}

/** The Mamba-1 case for a sequence of token embeddings (T × E). */
export function selectiveCase(embeddings: Mat, w: SelectiveWeights): CaseOf<'mamba'> {
  return {
    mechanism: 'mamba',
    x: embeddings.map((e) => matVec(w.Wx, e)),
    dt: embeddings.map((e) => matVec(w.Wdt, e).map((z, d) => softplus(z + w.bdt[d]))),
    A: w.A.map((row) => row.slice()),
    B: embeddings.map((e) => matVec(w.WB, e)),
    C: embeddings.map((e) => matVec(w.WC, e)),
  };
}

/** The same case with one fixed Δ for every token and channel: no selection (time-invariant, like S4). */
export function fixedStepCase(c: CaseOf<'mamba'>, dt: number): CaseOf<'mamba'> {
  return { ...c, dt: c.dt.map((row) => row.map(() => dt)) };
}

/** exp(Δ_t[d] A[d,n]): how much of entry (d, n) survives step t. */
export function keepFactor(c: CaseOf<'mamba'>, t: number, d: number, n: number): number {
  return Math.exp(c.dt[t][d] * c.A[d][n]);
}

/** One entry (d, n) of the state as a scalar recurrence h_t = a_t h_{t−1} + b_t (for the scan). */
export function entryRecurrence(c: CaseOf<'mamba'>, d: number, n: number): Affine[] {
  return c.x.map((x, t) => ({ a: keepFactor(c, t, d, n), b: c.dt[t][d] * c.B[t][n] * x[d] }));
}
