// Inputs the chapters start from. Kept as data so tests can rebuild exactly what a page shows.
import type { CaseOf } from '../../core/cases';
import type { Mat } from '../../core/linalg';
import { randomCase } from '../../core/random';

const oneHot = (i: number, d: number) => Array.from({ length: d }, (_, j) => (j === i ? 1 : 0));
const rows = (T: number, f: (t: number) => number[]): Mat => Array.from({ length: T }, (_, t) => f(t));

/** Listed as data so a link's ?preset= is checked against the same names the menu offers. */
export const LINEAR_PRESETS = ['random', 'one-hot', 'repeat'] as const;
export type LinearPreset = (typeof LINEAR_PRESETS)[number];

/** Chapter 2: linear attention, T = 8, d_k = d_v = 4. */
export function linearAttentionPreset(preset: LinearPreset, seed = 1): CaseOf<'linear_attention'> {
  const T = 8;
  const d = 4;
  const base = randomCase('linear_attention', { T, dk: d, dv: d, seed });
  if (preset === 'random') return base;
  if (preset === 'one-hot')
    // Keys cycle through the axes, so each column of S is one slot; step t reads slot t mod 4.
    return { ...base, k: rows(T, (t) => oneHot(t % d, d)), q: rows(T, (t) => oneHot(t % d, d)) };
  // One key written again and again: the reads keep adding up every value stored under it.
  return { ...base, k: rows(T, () => oneHot(0, d)), q: rows(T, () => oneHot(0, d)) };
}

export const RETNET_PRESETS = ['random', 'single-write'] as const;
export type RetnetPreset = (typeof RETNET_PRESETS)[number];

/** Chapter 5: RetNet, T = 12, d_k = d_v = 4. */
export function retnetPreset(preset: RetnetPreset, gamma: number, seed = 1): CaseOf<'retnet'> {
  const T = 12;
  const d = 4;
  const base = randomCase('linear_attention', { T, dk: d, dv: d, seed });
  if (preset === 'random') return { mechanism: 'retnet', gamma, q: base.q, k: base.k, v: base.v };
  // One write at step 1, then only reads with the same key: o_t = γ^{t−1} v₁ traces the decay curve.
  return {
    mechanism: 'retnet',
    gamma,
    q: rows(T, () => oneHot(0, d)),
    k: rows(T, (t) => (t === 0 ? oneHot(0, d) : new Array<number>(d).fill(0))),
    v: rows(T, (t) => (t === 0 ? [1, 0.5, -0.5, 0.25] : new Array<number>(d).fill(0))),
  };
}

export const WRITE_READ_PRESETS = ['orthogonal', 'overlapping', 'crowded'] as const;
export type WriteReadPreset = (typeof WRITE_READ_PRESETS)[number];

/** Chapter 3: n key → value pairs in a 2-D key space, then a read with q. */
export function writeReadPreset(preset: WriteReadPreset): { keys: Mat; values: Mat; query: number[] } {
  switch (preset) {
    case 'orthogonal':
      return { keys: [[1, 0], [0, 1]], values: [[1, 0, 0.5], [0, 1, -0.5]], query: [1, 0] };
    case 'overlapping':
      return { keys: [[1, 0], [0.8, 0.6]], values: [[1, 0, 0.5], [0, 1, -0.5]], query: [1, 0] };
    case 'crowded':
      return { keys: [[1, 0], [0, 1], [0.6, 0.8]], values: [[1, 0, 0.5], [0, 1, -0.5], [-1, 0.5, 1]], query: [1, 0] };
  }
}

/** Chapter 3's case: write every pair, reading with the same q at every step (o_T = S_T q). */
export function writeReadCase(keys: Mat, values: Mat, query: number[]): CaseOf<'linear_attention'> {
  return { mechanism: 'linear_attention', k: keys, v: values, q: keys.map(() => query) };
}
