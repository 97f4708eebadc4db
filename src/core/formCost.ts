// The playground's cost counter: what each of the three forms computes and holds for one sequence,
// so a learner sees O(T²) against O(T) against O(T·C) move as T and the chunk size C change. The
// parallel and recurrent counts are chapter 0's (cost.ts); the chunkwise form is new here.
// Counts are exact for the graphs the site runs (src/models): a chunkwise run pads T up to a
// multiple of C, so it counts ⌈T/C⌉ whole chunks.
import { gateSpread, keepsCache, type Mechanism } from './cases';
import { kvCacheFloats, parallelMacs, recurrentMacs, scoreMatrixFloats, stateFloats, type Widths } from './cost';

export const FORMS = ['parallel', 'recurrent', 'chunkwise'] as const;
export type Form = (typeof FORMS)[number];

export interface FormCost {
  /** Floating-point operations for the whole sequence: 2 per multiply–add. */
  flops: number;
  /** Numbers (float32) the form holds at once for its mixing: scores and / or the state. */
  memory: number;
  /** Steps that must run one after another (the rest runs in parallel inside a step). */
  sequentialSteps: number;
}

/** Chunks of C steps covering T steps (the last one padded). */
export const chunkCount = (T: number, C: number): number => Math.ceil(T / C);

/**
 * Numbers per (query step, key step) pair of the scores: one when the gate is shared by the whole
 * state, d_k when it differs per key dimension (GLA: the decay cannot be pulled out of qᵀk), d_v·d_k
 * when it differs per state entry (Mamba-1: one weight matrix per value channel).
 */
export function scoreWidth(mechanism: Mechanism, { dk, dv }: Widths): number {
  const spread = gateSpread(mechanism);
  return spread === 'perEntry' ? dk * dv : spread === 'perKey' ? dk : 1;
}

/** Multiply–adds of the parallel form's scores and mixing for one block of n steps. */
function blockMacs(n: number, mechanism: Mechanism, w: Widths): number {
  // Mamba-1: per channel d, Σ_n C_t[n] B_s[n] Γ[t,s,d,n] (d_v d_k per pair), then its own weights on V (d_v).
  return gateSpread(mechanism) === 'perEntry' ? n * n * w.dv * (w.dk + 1) : parallelMacs(n, w);
}

/**
 * The three forms at length T, chunk size C (clamped to 1..T) and widths d_k, d_v. Softmax attention
 * has no fixed-size state: its recurrent form reads a cache that grows with T, and its chunkwise form
 * (online softmax over chunks of keys) still pairs every query with every key.
 */
export function formCosts(T: number, C: number, w: Widths, mechanism: Mechanism = 'linear_attention'): Record<Form, FormCost> {
  const c = Math.max(1, Math.min(T, C));
  const n = chunkCount(T, c);
  const { dk, dv } = w;
  if (keepsCache(mechanism))
    return {
      parallel: { flops: 2 * parallelMacs(T, w), memory: scoreMatrixFloats(T), sequentialSteps: 1 },
      // Step t reads t cached keys and values; the cache ends T (d_k + d_v) long.
      recurrent: { flops: T * (T + 1) * (dk + dv), memory: kvCacheFloats(T, w), sequentialSteps: T },
      // All T queries against one chunk of C keys at a time; a T × C block and the running outputs.
      chunkwise: { flops: 2 * T * n * c * (dk + dv), memory: T * c + T * dv, sequentialSteps: n },
    };
  const a = scoreWidth(mechanism, w);
  return {
    // The T × T scores (× their gate axes), all of it at once, in one step.
    parallel: { flops: 2 * blockMacs(T, mechanism, w), memory: a * scoreMatrixFloats(T), sequentialSteps: 1 },
    // One d_v × d_k state, updated T times in a row.
    recurrent: { flops: 2 * recurrentMacs(T, w), memory: stateFloats(w), sequentialSteps: T },
    // Per chunk the parallel form on its C steps; between chunks its C queries read the carried state
    // and its C keys and values are written into it (2 C d_k d_v). C = 1 is the recurrent count plus
    // T (d_k + d_v); C = T the parallel count plus 2 T d_k d_v. ⌈T/C⌉ chunks in a row.
    chunkwise: {
      flops: 2 * (n * blockMacs(c, mechanism, w) + n * 2 * c * dk * dv),
      memory: a * scoreMatrixFloats(c) + stateFloats(w),
      sequentialSteps: n,
    },
  };
}

/**
 * The largest single tensor a form's graph builds, in numbers. A gate that differs per key dimension
 * (GLA) cannot be pulled out of qᵀk, so the scores carry a key axis: T × T × d_k. A gate per state
 * entry (Mamba-1) carries both axes: T × T × d_v × d_k. The chunkwise form builds the same per chunk
 * (C instead of T); the recurrent form stacks the T per-step states it reports.
 */
export function largestTensor(mechanism: Mechanism, form: Form, T: number, C: number, { dk, dv }: Widths): number {
  if (form === 'recurrent') return keepsCache(mechanism) ? T * Math.max(T, dk + dv) : T * dk * dv;
  const n = form === 'parallel' ? T : Math.max(1, Math.min(T, C));
  return n * n * scoreWidth(mechanism, { dk, dv });
}

/**
 * The largest tensor the page will ask the browser for: 2²⁵ float32 numbers = 128 MiB, the size
 * WebGPU guarantees for one storage buffer binding by default. A form above it is not run; the page
 * says why (the cost counter's lesson made concrete).
 */
export const LIVE_TENSOR_BUDGET = 2 ** 25;

export const fitsBudget = (mechanism: Mechanism, form: Form, T: number, C: number, w: Widths): boolean =>
  largestTensor(mechanism, form, T, C, w) <= LIVE_TENSOR_BUDGET;
