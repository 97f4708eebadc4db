// Shorthands over Graph for the handful of tensor idioms the memory models repeat, and the causal
// "positions" of a block (its length, indices 0…n−1 and lower-triangular masks).
//
// WebGPU note: masks are built from Range + comparisons + Cast (not Trilu), and everything that runs
// per element is float32, so the parallel graphs stay on ops the WebGPU EP implements.
import { DataType, type Graph } from './graph';

export const unsq = (g: Graph, x: string, axes: number[]): string => g.op('Unsqueeze', [x, g.int(axes)]);
export const sq = (g: Graph, x: string, axes: number[]): string => g.op('Squeeze', [x, g.int(axes)]);
export const tr = (g: Graph, x: string, perm?: number[]): string => g.op('Transpose', [x], perm ? { perm } : {});
export const mm = (g: Graph, a: string, b: string): string => g.op('MatMul', [a, b]);
export const mul = (g: Graph, a: string, b: string): string => g.op('Mul', [a, b]);
export const add = (g: Graph, a: string, b: string): string => g.op('Add', [a, b]);
export const sub = (g: Graph, a: string, b: string): string => g.op('Sub', [a, b]);
export const toFloat = (g: Graph, x: string): string => g.op('Cast', [x], { to: DataType.FLOAT });

/** x's size along `axis` as an int64 tensor of shape [1] (for building shapes). */
export const dim = (g: Graph, x: string, axis: number): string => g.op('Shape', [x], { start: axis, end: axis + 1 });

/** x's size along `axis` as a float32 scalar (for Range and exponents). */
export const floatDim = (g: Graph, x: string, axis: number): string => toFloat(g, sq(g, dim(g, x, axis), [0]));

/** Rows [start, end) of x along axis 0; `end` is an int64 [1] tensor name. */
export const rows = (g: Graph, x: string, start: number, end: string): string =>
  g.op('Slice', [x, g.int([start]), end, g.int([0])]);

/** Where a block of n steps stands in time, as float tensors. */
export interface Positions {
  // Fields are read-only and built on first read (see `lazy`).
  /** n as a float32 scalar. */
  n: string;
  /** [n]: 0, 1, …, n−1. */
  idx: string;
  /** [n, n]: 1 where s ≤ t (row t, column s), else 0. Also the cumulative-sum operator. */
  mask: string;
  /** [n, n]: 1 where s < t. */
  strict: string;
  /** Levels of the doubling inverse of I + L (delta family only): 2^factors ≥ n. */
  factors: number;
  /** [n, n]: 1 where t and s lie in the same block of 2^{j+1} steps but in different blocks of 2^j. */
  band(j: number): string;
}

/** An object whose fields are built on first use, so a graph holds only the positions it reads. */
type Field = Exclude<keyof Positions, 'factors' | 'band'>;
function lazy(factors: number, make: Record<Field, () => string>, band: (j: number) => string): Positions {
  const cache = new Map<string, string>();
  const get = (k: string, build: () => string): string => {
    let v = cache.get(k);
    if (v === undefined) cache.set(k, (v = build()));
    return v;
  };
  return {
    factors,
    band: (j) => get(`band${j}`, () => band(j)),
    get n() {
      return get('n', make.n);
    },
    get idx() {
      return get('idx', make.idx);
    },
    get mask() {
      return get('mask', make.mask);
    },
    get strict() {
      return get('strict', make.strict);
    },
  };
}

/** Positions of a block whose length is only known at run time (the parallel view: n = T). */
export function dynamicPositions(g: Graph, like: string, factors: number): Positions {
  const p: Positions = lazy(factors, {
    n: () => floatDim(g, like, 0),
    idx: () => g.op('Range', [g.float(0), p.n, g.float(1)]),
    mask: () => toFloat(g, g.op('LessOrEqual', [unsq(g, p.idx, [0]), unsq(g, p.idx, [1])])),
    strict: () => toFloat(g, g.op('Less', [unsq(g, p.idx, [0]), unsq(g, p.idx, [1])])),
  }, (j) => {
    // Block ids ⌊t / b⌋ are exact in float32 (b is a power of two); same(2b) − same(b) is the band.
    const same = (b: number): string => {
      const id = g.op('Floor', [g.op('Div', [p.idx, g.float(b)])]);
      return toFloat(g, g.op('Equal', [unsq(g, id, [0]), unsq(g, id, [1])]));
    };
    return sub(g, same(2 ** (j + 1)), same(2 ** j));
  });
  return p;
}

/** Positions of a block of fixed length n (a chunk): plain constants. */
export function constantPositions(g: Graph, n: number): Positions {
  const grid = (keep: (t: number, s: number) => boolean): number[] =>
    Array.from({ length: n * n }, (_, i) => (keep(Math.floor(i / n), i % n) ? 1 : 0));
  return lazy(factorsFor(n), {
    n: () => g.float(n),
    idx: () => g.float(Array.from({ length: n }, (_, i) => i)),
    mask: () => g.float(grid((t, s) => s <= t), [n, n]),
    strict: () => g.float(grid((t, s) => s < t), [n, n]),
  }, (j) => {
    const b = 2 ** j;
    return g.float(grid((t, s) => Math.floor(t / (2 * b)) === Math.floor(s / (2 * b)) && Math.floor(t / b) !== Math.floor(s / b)), [n, n]);
  });
}

/** Smallest f with 2^f ≥ n: the doubling inverse (block.ts) needs f levels to span n steps. */
export function factorsFor(n: number): number {
  let f = 0;
  while (2 ** f < n) f++;
  return f;
}
