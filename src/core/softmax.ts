// Causal softmax attention, the baseline every other chapter is measured against.
//   o_t = Σ_{s≤t} softmax_s(q_tᵀ k_s) v_s       (no 1/√d_k scaling, docs/design.md §2)
// It keeps no fixed-size memory: its "state" is the whole KV cache, which grows with t.
// Every form subtracts the largest score before exponentiating, so big scores never overflow.
import type { Mat, Vec } from './linalg';
import { dot } from './linalg';
import type { ViewResult } from './views';

/** Queries, keys (T × d_k) and values (T × d_v): any attention-shaped case. */
export interface Attention {
  q: Mat;
  k: Mat;
  v: Mat;
}

/** softmax of a score vector, shifted by its maximum. */
export function softmax(scores: Vec): Vec {
  const m = Math.max(...scores);
  const e = scores.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** Recurrent view: append (k_t, v_t) to the cache, then read it with q_t. O(t) work at step t. */
export function softmaxRecurrent(c: Attention): ViewResult {
  const cacheK: Vec[] = [];
  const cacheV: Vec[] = [];
  const o = c.q.map((q, t) => {
    cacheK.push(c.k[t]);
    cacheV.push(c.v[t]);
    const w = softmax(cacheK.map((k) => dot(q, k)));
    return weightedSum(w, cacheV);
  });
  return { o, S_final: null };
}

/** Parallel view: M = softmax(mask(QKᵀ)) row by row (−∞ above the diagonal), O = M V. */
export function softmaxParallel(c: Attention): ViewResult {
  const T = c.q.length;
  const M = c.q.map((q, t) => {
    const row = softmax(c.k.slice(0, t + 1).map((k) => dot(q, k)));
    for (let s = t + 1; s < T; s++) row.push(0); // exp(−∞) = 0: the future gets no weight
    return row;
  });
  return { o: M.map((w) => weightedSum(w, c.v)), S_final: null, M };
}

/**
 * Chunkwise view (flash-attention style): queries and keys in blocks of `chunk`. For each query the
 * key blocks are visited in order, keeping a running max m, a running sum ℓ of exp(score − m) and an
 * unnormalised output acc. A new block with a larger max rescales ℓ and acc by exp(m_old − m_new);
 * the T × T matrix is never formed.
 */
export function softmaxChunkwise(c: Attention, chunk: number): ViewResult {
  checkChunk(chunk);
  const T = c.q.length;
  const dv = c.v[0]?.length ?? 0;
  const o: Mat = [];
  for (let q0 = 0; q0 < T; q0 += chunk) {
    const q1 = Math.min(q0 + chunk, T);
    const m = new Array<number>(q1 - q0).fill(Number.NEGATIVE_INFINITY);
    const l = new Array<number>(q1 - q0).fill(0);
    const acc: Mat = Array.from({ length: q1 - q0 }, () => new Array<number>(dv).fill(0));
    // Causality: only key blocks that start at or before the last query of this block.
    for (let k0 = 0; k0 < q1; k0 += chunk) {
      const k1 = Math.min(k0 + chunk, T);
      for (let t = q0; t < q1; t++) {
        const i = t - q0;
        const last = Math.min(k1, t + 1); // within the diagonal block, keys after t are masked
        if (last <= k0) continue;
        const scores: Vec = [];
        for (let s = k0; s < last; s++) scores.push(dot(c.q[t], c.k[s]));
        const mNew = Math.max(m[i], ...scores);
        const rescale = Math.exp(m[i] - mNew); // exp(−∞) = 0 on the first block
        l[i] *= rescale;
        for (let j = 0; j < dv; j++) acc[i][j] *= rescale;
        scores.forEach((x, n) => {
          const p = Math.exp(x - mNew);
          l[i] += p;
          const vs = c.v[k0 + n];
          for (let j = 0; j < dv; j++) acc[i][j] += p * vs[j];
        });
        m[i] = mNew;
      }
    }
    acc.forEach((row, i) => o.push(row.map((a) => a / l[i])));
  }
  return { o, S_final: null };
}

function weightedSum(w: Vec, V: Mat): Vec {
  const out = new Array<number>(V[0]?.length ?? 0).fill(0);
  w.forEach((ws, s) => {
    if (ws === 0) return;
    V[s].forEach((x, j) => (out[j] += ws * x));
  });
  return out;
}

/** A chunk size must be a whole number ≥ 1. */
export function checkChunk(chunk: number): void {
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`chunk size must be a whole number ≥ 1, got ${chunk}`);
}
