// Seeded randomness for tests, examples and the playground. A seed is part of a case's identity:
// the same seed gives the same numbers on every machine, so a shared link or a failing test replays.
// No global generator: every caller owns its own `Rng`.
import type { Case, CaseOf, Mechanism } from './cases';
import type { Mat, Vec } from './linalg';

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: a tiny 32-bit generator, plenty for examples (not for cryptography). */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [lo, hi). */
export function uniform(r: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * r();
}

/** A standard normal sample (Box–Muller). 1 − u keeps the logarithm away from log 0. */
export function randn(r: Rng): number {
  const u = 1 - r();
  const w = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
}

export function randomVector(r: Rng, n: number, scale = 1): Vec {
  return Array.from({ length: n }, () => scale * randn(r));
}

/** rows × cols of independent N(0, scale²) entries. */
export function randomMatrix(r: Rng, rows: number, cols: number, scale = 1): Mat {
  return Array.from({ length: rows }, () => randomVector(r, cols, scale));
}

/** Each row divided by its L2 norm (a zero row stays zero). The delta rule wants unit keys. */
export function unitRows(M: Mat): Mat {
  return M.map((row) => {
    const n = Math.hypot(...row);
    return n === 0 ? row.slice() : row.map((x) => x / n);
  });
}

export interface RandomCaseOptions {
  /** Sequence length. */
  T: number;
  /** Key width d_k (mamba2 / mamba: the state size N). */
  dk: number;
  /** Value width d_v (mamba2 / mamba: the channel count D). */
  dv: number;
  seed: number;
}

/**
 * A valid random case for any mechanism, in the ranges the lecture uses: gates in (0.5, 1) so memories
 * fade but do not vanish, unit keys and β in (0, 1) for the delta family (so each step is a contraction),
 * Mamba's A negative and dt in (0.05, 0.5).
 */
export function randomCase<M extends Mechanism>(mechanism: M, opts: RandomCaseOptions): CaseOf<M> {
  return build(mechanism, opts) as CaseOf<M>;
}

function build(mechanism: Mechanism, { T, dk, dv, seed }: RandomCaseOptions): Case {
  const r = rng(seed);
  const gates = (n: number): Vec => Array.from({ length: n }, () => uniform(r, 0.5, 1));
  if (mechanism === 'mamba2') {
    return {
      mechanism,
      x: randomMatrix(r, T, dv),
      B: randomMatrix(r, T, dk),
      C: randomMatrix(r, T, dk),
      dt: Array.from({ length: T }, () => uniform(r, 0.05, 0.5)),
      A: -uniform(r, 0.5, 1.5),
    };
  }
  if (mechanism === 'mamba') {
    return {
      mechanism,
      x: randomMatrix(r, T, dv),
      dt: Array.from({ length: T }, () => Array.from({ length: dv }, () => uniform(r, 0.05, 0.5))),
      A: Array.from({ length: dv }, () => Array.from({ length: dk }, () => -uniform(r, 0.1, 2))),
      B: randomMatrix(r, T, dk),
      C: randomMatrix(r, T, dk),
    };
  }
  const q = randomMatrix(r, T, dk, 1 / Math.sqrt(dk));
  const delta = mechanism === 'deltanet' || mechanism === 'gated_deltanet';
  const k = delta ? unitRows(randomMatrix(r, T, dk)) : randomMatrix(r, T, dk, 1 / Math.sqrt(dk));
  const v = randomMatrix(r, T, dv);
  switch (mechanism) {
    case 'linear_attention':
    case 'softmax_attention':
      return { mechanism, q, k, v };
    case 'retnet':
      return { mechanism, q, k, v, gamma: uniform(r, 0.5, 1) };
    case 'gated_retention':
      return { mechanism, q, k, v, gate: gates(T) };
    case 'gla':
      return { mechanism, q, k, v, gate: Array.from({ length: T }, () => gates(dk)) };
    case 'deltanet':
      return { mechanism, q, k, v, beta: Array.from({ length: T }, () => uniform(r, 0.05, 0.95)) };
    case 'gated_deltanet':
      return { mechanism, q, k, v, beta: Array.from({ length: T }, () => uniform(r, 0.05, 0.95)), gate: gates(T) };
  }
}
