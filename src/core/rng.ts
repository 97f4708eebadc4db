// Seeded randomness for tests, examples and the playground. A seed is part of a case's identity:
// the same seed gives the same numbers on every machine, so a shared link or a failing test replays.
// No global generator: every caller owns its own `Rng`.
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
