// scripts/train/model.py's TinyModel, forward only, in TensorFlow.js ops: tfjs's autodiff gives the
// gradients (docs/training-engine.md). Same names, same formulas, same parallel / step-by-step split:
//   embedding → per layer: h = [x_t ; x_{t−1}] → the mechanism's q, k, v, gates → the one rule → x + out(o)
//   → readout.
// The parallel form (linear attention, RetNet, Mamba-2, GLA) and the step-by-step form (delta family,
// Mamba-1) compute the same rule S_t = (S_{t−1} ⊙ G_t)(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ, o_t = S_t q_t.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; the union package @tensorflow/tfjs imports this for its users.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { DELTA, NORMALIZED, SSM } from './params';
import type { Ablations, TrainMechanism } from './types';

export const EPS = 1e-6;
export type Params = Record<string, tf.Tensor>;

export interface ForwardOptions {
  mechanism: TrainMechanism;
  layers: number;
  ablations?: Partial<Ablations>;
}

/** Layer 0's own inputs, kept for the probe: q, k, v (Mamba: C, B, Δ·x) and per-step gates. */
export interface Features {
  q: tf.Tensor3D;
  k: tf.Tensor3D;
  v: tf.Tensor3D;
  /** Log of the forget gate per step ([B, T] scalar or [B, T, d_k] for GLA), null where none. */
  log: tf.Tensor | null;
  beta?: tf.Tensor2D;
  /** Mamba's Δ [B, T, channels] (Mamba-2: [B, T, 1]). */
  dt?: tf.Tensor3D;
  /** Mamba-1's per-channel, per-state A [d_v, d_k]. */
  A?: tf.Tensor2D;
}

export const softplus = (x: tf.Tensor) => tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
/** log σ(x) = −softplus(−x), from the ops above rather than tf.logSigmoid: that one is a customGrad whose
 *  backward pass, on tfjs-backend-wasm 4.22, reads an input the backend has already released when the input
 *  is an intermediate tensor (GLA's and Gated DeltaNet's gate; RetNet's is a variable, so it trained) and
 *  fails with "Cannot read properties of undefined (reading 'backend')". wasmGates.test.ts holds the fix. */
export const logSigmoid = (x: tf.Tensor) => tf.neg(softplus(tf.neg(x)));
const l2norm = (x: tf.Tensor3D) => tf.div(x, tf.sqrt(tf.add(tf.sum(tf.square(x), -1, true), EPS))) as tf.Tensor3D;

function linear(h: tf.Tensor3D, P: Params, name: string): tf.Tensor3D {
  const [B, T, n] = h.shape;
  const W = P[`${name}.W`] as tf.Tensor2D;
  let y: tf.Tensor = tf.matMul(tf.reshape(h, [B * T, n]), W);
  const b = P[`${name}.b`];
  if (b) y = tf.add(y, b);
  return tf.reshape(y, [B, T, W.shape[1]]);
}

/** x_{t−1} with x_{−1} = 0. */
function shift(x: tf.Tensor3D): tf.Tensor3D {
  const [B, T, d] = x.shape;
  return tf.concat([tf.zeros([B, 1, d]), tf.slice(x, [0, 0, 0], [B, T - 1, d])], 1);
}

function features(m: TrainMechanism, h: tf.Tensor3D, P: Params, i: number, ab: Partial<Ablations>): Features {
  const p = `l${i}.`;
  if (SSM.has(m)) {
    const A = tf.neg(tf.exp(P[`${p}a_log`]));
    const dt = softplus(linear(h, P, `${p}dt`)) as tf.Tensor3D; // [B, T, 1] or [B, T, d_v]
    const v = tf.mul(linear(h, P, `${p}x`), dt) as tf.Tensor3D;
    const q = linear(h, P, `${p}C`);
    const k = linear(h, P, `${p}B`);
    if (m === 'mamba2') {
      const log = ab.noGate ? null : tf.mul(tf.squeeze(dt, [2]), A);
      return { q, k, v, log, dt };
    }
    return { q, k, v, log: null, dt, A: ab.noGate ? undefined : (A as tf.Tensor2D) };
  }
  let q = linear(h, P, `${p}q`);
  let k = linear(h, P, `${p}k`);
  const v = linear(h, P, `${p}v`);
  if (NORMALIZED.has(m)) {
    q = l2norm(q);
    k = l2norm(k);
  }
  const f: Features = { q, k, v, log: null };
  if (m === 'retnet' && !ab.noGate) {
    const [B, T] = q.shape;
    f.log = tf.mul(logSigmoid(P[`${p}gamma_logit`]), tf.ones([B, T]));
  }
  if (m === 'gla' && !ab.noGate) f.log = logSigmoid(linear(h, P, `${p}gate`));
  if (m === 'gated_deltanet' && !ab.noGate) f.log = tf.squeeze(logSigmoid(linear(h, P, `${p}gate`)), [2]);
  if (DELTA.has(m) && !ab.noDelta) f.beta = tf.squeeze(tf.sigmoid(linear(h, P, `${p}beta`)), [2]) as tf.Tensor2D;
  return f;
}

/** 1 on and below the diagonal (s ≤ t), else 0: [T, T]. */
const lowerMask = (T: number) => tf.linalg.bandPart(tf.ones([T, T]), -1, 0);

/** O = (QKᵀ ⊙ Γ) V with Γ[t, s] = ∏_{r=s+1..t} g_r (s ≤ t), else 0 — model.py parallel() without the delta solve. */
function parallel(f: Features): tf.Tensor3D {
  const { q, k, v, log } = f;
  const T = q.shape[1];
  const mask = lowerMask(T);
  if (log === null) return tf.matMul(tf.mul(tf.matMul(q, k, false, true), mask), v);
  // Cumsum along the last axis only: tfjs 4.22's Cumsum gradient returns a wrongly shaped tensor for
  // an inner axis of a rank-3 input (gradients.test.ts caught it), so GLA's [B, T, d_k] goes via [B, d_k, T].
  const c = log.rank === 3 ? tf.transpose(tf.cumsum(tf.transpose(log, [0, 2, 1]), 2), [0, 2, 1]) : tf.cumsum(log, 1);
  if (log.rank === 3) {
    // GLA: one gate per key dimension, Γ [B, T, T, d_k]. The mask zeroes the exponent above the diagonal
    // (where c_t − c_s > 0 could overflow) and then the weight itself.
    const m4 = tf.expandDims(tf.expandDims(mask, 0), 3);
    const diff = tf.sub(tf.expandDims(c, 2), tf.expandDims(c, 1));
    const G = tf.mul(tf.exp(tf.mul(diff, m4)), m4);
    const W = tf.sum(tf.mul(tf.mul(tf.expandDims(q, 2), tf.expandDims(k, 1)), G), -1) as tf.Tensor3D;
    return tf.matMul(W, v);
  }
  const diff = tf.sub(tf.expandDims(c, 2), tf.expandDims(c, 1));
  const G = tf.mul(tf.exp(tf.mul(diff, mask)), mask);
  return tf.matMul(tf.mul(tf.matMul(q, k, false, true), G), v);
}

/** The rule step by step (model.py memory()): the delta family and Mamba-1. S [B, d_v, d_k], S₀ = 0. */
function recurrent(m: TrainMechanism, f: Features): tf.Tensor3D {
  const { q, k, v, log, beta } = f;
  const [B, T] = k.shape;
  const qs = tf.unstack(q, 1);
  const ks = tf.unstack(k, 1);
  const vs = tf.unstack(v, 1);
  const gs = log ? tf.unstack(tf.exp(log), 1) : null;
  const bs = beta ? tf.unstack(beta, 1) : null;
  const dts = m === 'mamba' && f.dt ? tf.unstack(f.dt, 1) : null;
  // S₀ = 0 is left implicit: the first step writes S₁ = β₁ v₁ k₁ᵀ (decay and recall of a zero memory are zero),
  // with the same values and gradients and one matMul fewer.
  let S: tf.Tensor3D | null = null; // [B, d_v, d_k]
  const outs: tf.Tensor[] = [];
  for (let t = 0; t < T; t++) {
    const kt = tf.expandDims(ks[t], 1) as tf.Tensor3D; // [B, 1, d_k]
    let write = tf.expandDims(vs[t], 2) as tf.Tensor3D; // [B, d_v, 1]
    let kept: tf.Tensor3D | null = S;
    if (kept !== null) {
      if (gs) kept = tf.mul(kept, tf.reshape(gs[t], [B, 1, 1])) as tf.Tensor3D;
      if (dts && f.A) kept = tf.mul(kept, tf.exp(tf.mul(tf.expandDims(dts[t], 2), f.A))) as tf.Tensor3D;
      if (bs) write = tf.sub(write, tf.matMul(kept, kt, false, true)) as tf.Tensor3D; // v_t − S k_t
    }
    if (bs) write = tf.mul(write, tf.reshape(bs[t], [B, 1, 1])) as tf.Tensor3D;
    const added = tf.matMul(write, kt) as tf.Tensor3D;
    const next: tf.Tensor3D = kept === null ? added : (tf.add(kept, added) as tf.Tensor3D);
    outs.push(tf.squeeze(tf.matMul(next, tf.expandDims(qs[t], 2)), [2]));
    S = next;
  }
  return tf.stack(outs, 1) as tf.Tensor3D;
}

/** Causal softmax attention with the learned recency bias −softplus(slope)·(t − s). */
function softmaxAttention(f: Features, slope: tf.Tensor): tf.Tensor3D {
  const { q, k, v } = f;
  const T = q.shape[1];
  const pos = tf.range(0, T);
  const dist = tf.sub(tf.expandDims(pos, 1), tf.expandDims(pos, 0));
  const future = tf.mul(tf.sub(1, lowerMask(T)), -1e9);
  const scores = tf.add(tf.sub(tf.matMul(q, k, false, true), tf.mul(softplus(slope), dist)), future);
  return tf.matMul(tf.softmax(scores), v);
}

/** Logits [B, T, vocab] and layer 0's features. */
export function forward(P: Params, tokens: tf.Tensor2D, { mechanism: m, layers, ablations = {} }: ForwardOptions) {
  // The embedding as one-hot × table: gather's gradient (UnsortedSegmentSum) takes ~1 s per step on
  // tfjs's cpu backend at the bench size, the matmul's a few milliseconds.
  const [B, T] = tokens.shape;
  const vocab = P.embed.shape[0];
  let x = tf.reshape(tf.matMul(tf.oneHot(tf.reshape(tokens, [B * T]) as tf.Tensor1D, vocab), P.embed), [B, T, -1]) as tf.Tensor3D;
  let first: Features | null = null;
  for (let i = 0; i < layers; i++) {
    const h = tf.concat([x, shift(x)], -1);
    const f = features(m, h, P, i, ablations);
    if (i === 0) first = f;
    const o =
      m === 'softmax_attention' ? softmaxAttention(f, P[`l${i}.slope`]) : DELTA.has(m) || m === 'mamba' ? recurrent(m, f) : parallel(f);
    x = tf.add(x, linear(o, P, `l${i}.out`));
  }
  const logits = linear(x, P, 'readout');
  return { logits, features: first! };
}

/** Mean cross-entropy over the positions whose target is not IGNORE (−1), as train.py. */
export function loss(logits: tf.Tensor3D, targets: tf.Tensor2D): tf.Scalar {
  const [B, T, V] = logits.shape;
  const flat = tf.reshape(targets, [B * T]);
  const mask = tf.cast(tf.notEqual(flat, -1), 'float32');
  const picked = tf.sum(tf.mul(tf.oneHot(tf.maximum(flat, tf.zerosLike(flat)) as tf.Tensor1D, V), tf.logSoftmax(tf.reshape(logits, [B * T, V]))), -1);
  return tf.div(tf.neg(tf.sum(tf.mul(picked, mask))), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
}
