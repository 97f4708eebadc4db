// Chapter 4's experiment: how many key → value pairs can one memory hold?
//
// The case (T = 2n steps, the same for every mechanism so their numbers compare):
//   write phase, t = 1 … n:    k_t = key_t,  v_t = value_t,  q_t = 0,  β_t = 1
//   read phase,  t = n+1 … 2n: k_t = 0,      v_t = 0,        q_t = key_{t−n} (softmax: τ·key_{t−n}), β_t = 0
// In the read phase nothing is written (k = 0, v = 0, and for DeltaNet β = 0), so every read sees the
// memory exactly as the n writes left it: o_{n+j} = S_n key_j for linear attention and DeltaNet.
// Softmax attention keeps every pair in its cache; the read-phase steps add (0, 0) entries whose score
// is q·0 = 0, so its query is sharpened by τ (SOFTMAX_SHARPNESS) to make those — and every other
// non-matching key — get a negligible weight e^{−τ(1 − cos)} instead of a share of the average.
//
// Recall error of pair j: ‖o_{n+j} − value_j‖². Values are unit vectors, so 0 is perfect recall and 1
// is what an empty memory (o = 0) would score. The curve plots the mean over the n pairs.
import type { Case, CaseOf } from './cases';
import type { Mat, Vec } from './linalg';
import { randn, rng, type Rng } from './random';
import { runReference } from './index';
import { float32Tolerance } from './float32';

export const CAPACITY_MECHANISMS = ['linear_attention', 'softmax_attention', 'deltanet'] as const;
export type CapacityMechanism = (typeof CAPACITY_MECHANISMS)[number];

/** one-hot: key s is the axis e_{s mod d_k} (beyond d_k the axes repeat); random: unit vectors. */
export type KeyKind = 'one-hot' | 'random';

/** τ: softmax reads with q = τ·key. Large enough that a non-matching one-hot key weighs e^{−16} ≈ 1e-7. */
export const SOFTMAX_SHARPNESS = 16;

/** Below this mean squared error a recall counts as exact (float32 leaves about 1e-12 here). */
export const EXACT_ERROR = 1e-6;

export interface PairOptions {
  dk: number;
  dv: number;
  /** How many pairs to draw; the first n of them are the pairs of the n-pair case. */
  count: number;
  keys: KeyKind;
  seed: number;
}

export interface PairSet {
  keys: Mat;
  values: Mat;
}

function unitVector(r: Rng, d: number): Vec {
  for (;;) {
    const x = Array.from({ length: d }, () => randn(r));
    const norm = Math.hypot(...x);
    if (norm > 1e-9) return x.map((xi) => xi / norm);
  }
}

/**
 * The pairs to store. Values come from their own stream, so changing d_k or the key kind keeps the
 * same values; both streams are drawn row by row, so n pairs are always a prefix of n + 1 pairs.
 */
export function capacityPairs({ dk, dv, count, keys, seed }: PairOptions): PairSet {
  if (!Number.isInteger(dk) || dk < 1) throw new Error(`d_k must be a whole number ≥ 1, got ${dk}`);
  const valueRng = rng(seed);
  const keyRng = rng((seed ^ 0x9e3779b9) >>> 0);
  const values = Array.from({ length: count }, () => unitVector(valueRng, dv));
  const keyRows =
    keys === 'one-hot'
      ? Array.from({ length: count }, (_, s) => Array.from({ length: dk }, (_, j) => (j === s % dk ? 1 : 0)))
      : Array.from({ length: count }, () => unitVector(keyRng, dk));
  return { keys: keyRows, values };
}

/** The 2n-step case that stores the first n pairs and then reads each of them back, in order. */
export function capacityCase<M extends CapacityMechanism>(mechanism: M, pairs: PairSet, n: number): CaseOf<M> {
  return buildCase(mechanism, pairs, n) as CaseOf<M>;
}

function buildCase(mechanism: CapacityMechanism, pairs: PairSet, n: number): Case {
  if (!Number.isInteger(n) || n < 1 || n > pairs.keys.length) throw new Error(`n must be a whole number in 1…${pairs.keys.length}, got ${n}`);
  const dk = pairs.keys[0].length;
  const dv = pairs.values[0].length;
  const zk = () => new Array<number>(dk).fill(0);
  const zv = () => new Array<number>(dv).fill(0);
  const keys = pairs.keys.slice(0, n);
  const values = pairs.values.slice(0, n);
  const scale = mechanism === 'softmax_attention' ? SOFTMAX_SHARPNESS : 1;
  const q = [...keys.map(zk), ...keys.map((key) => key.map((x) => scale * x))];
  const k = [...keys.map((key) => key.slice()), ...keys.map(zk)];
  const v = [...values.map((val) => val.slice()), ...values.map(zv)];
  if (mechanism === 'deltanet') {
    const beta = [...keys.map(() => 1), ...keys.map(() => 0)];
    return { mechanism, q, k, v, beta };
  }
  return { mechanism, q, k, v };
}

/** The read phase's outputs: o_{n+1} … o_{2n} (row j is the read of pair j). */
export function readsOf(o: Mat, n: number): Mat {
  return o.slice(n, 2 * n);
}

/** ‖read_j − value_j‖² for every pair. */
export function recallErrors(reads: Mat, values: Mat): Vec {
  return reads.map((o, j) => o.reduce((sum, x, i) => sum + (x - values[j][i]) ** 2, 0));
}

/** The mean of recallErrors: the number the curve plots. */
export function recallError(reads: Mat, values: Mat): number {
  const e = recallErrors(reads, values);
  return e.reduce((a, b) => a + b, 0) / e.length;
}

/** Recall error of the n-pair case, given how to run a case (the float64 core by default). */
export function capacityPoint(mechanism: CapacityMechanism, pairs: PairSet, n: number, run: (c: Case) => Mat = (c) => runReference(c, 'recurrent').o): number {
  const o = run(capacityCase(mechanism, pairs, n));
  return recallError(readsOf(o, n), pairs.values.slice(0, n));
}

/** The float64 curve: recall error for n = 1 … pairs.keys.length. */
export function capacityCurve(mechanism: CapacityMechanism, pairs: PairSet): number[] {
  return pairs.keys.map((_, i) => capacityPoint(mechanism, pairs, i + 1));
}

/** The first n whose recall is not exact (null when every n in the set is exact). */
export function firstFailure(curve: readonly number[]): number | null {
  const i = curve.findIndex((e) => e > EXACT_ERROR);
  return i < 0 ? null : i + 1;
}

/** How far a float32 curve point may sit from the float64 one (errors are sums of squares of O(1) terms). */
export function capacityTolerance(reference: number): number {
  return float32Tolerance(reference);
}
