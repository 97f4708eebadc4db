// The three ways to compute the same outputs. Figures and the `trace` command name them.
import type { Mat } from './linalg';
import type { StepRecord } from './rule';

export const VIEWS = ['parallel', 'recurrent', 'chunkwise'] as const;
export type View = (typeof VIEWS)[number];

/** What any view of any mechanism returns (float64 here; the ONNX runtime returns the same shape). */
export interface ViewResult {
  /** T × d_v outputs (mamba: T × D). */
  o: Mat;
  /** Final memory S_T (d_v × d_k; mamba D × N); null for softmax attention, which keeps no fixed-size state. */
  S_final: Mat | null;
  /** Recurrent view: one record per step (softmax attention: absent). */
  steps?: StepRecord[];
  /** Parallel view: the T × T weight matrix M with O = M V (mask ⊙ decay ⊙ QKᵀ, or softmax weights),
   *  when the gate does not depend on the value channel; otherwise null (mamba). For the delta family
   *  (DeltaNet, Gated DeltaNet) it is the effective matrix (tril(QKᵀ) ⊙ D)(I + L)⁻¹ diag(β) of the UT
   *  form, formed only for T ≤ DELTA_WEIGHTS_MAX_T (it costs O(T³)); null beyond. */
  M?: Mat | null;
}
