// Cutting a [T, …] tensor into chunks of C rows for a Scan, and gluing the results back.
// T need not be a multiple of C: the end is padded with zero rows (k = v = q = 0, β = 0,
// log-gate = 0: a padded step writes nothing, reads nothing and forgets nothing), then dropped.
import type { Graph } from './graph';
import { dim, rows } from './ops';

export interface Chunker {
  /** T as an int64 [1]. */
  T: string;
  /** T rounded up to a multiple of C, as an int64 [1]. */
  padded: string;
  /** [T, …] → [T/C rounded up, C, …], zero-padded. */
  split(x: string, rank: number): string;
  /** [chunks, C, …] → [T, …]: padded rows dropped. */
  join(y: string): string;
}

export function chunker(g: Graph, like: string, C: number): Chunker {
  const T = dim(g, like, 0);
  const c = g.int([C]);
  // pad = ⌈T / C⌉·C − T, in int64 (Div floors for non-negative integers).
  const chunks = g.op('Div', [g.op('Add', [T, g.int([C - 1])]), c]);
  const padded = g.op('Mul', [chunks, c]);
  const pad = g.op('Sub', [padded, T]);
  return {
    T,
    padded,
    split(x, rank) {
      const zeros = (n: number): string[] => (n > 0 ? [g.int(new Array<number>(n).fill(0))] : []);
      // Pad's layout: all begins, then all ends; only the end of axis 0 grows.
      const pads = g.op('Concat', [...zeros(rank), pad, ...zeros(rank - 1)], { axis: 0 });
      const padded = g.op('Pad', [x, pads]);
      const shape = g.op('Concat', [g.int([-1, C]), g.op('Shape', [x], { start: 1 })], { axis: 0 });
      return g.op('Reshape', [padded, shape]);
    },
    join(y) {
      const shape = g.op('Concat', [g.int([-1]), g.op('Shape', [y], { start: 2 })], { axis: 0 });
      return rows(g, g.op('Reshape', [y, shape]), 0, T);
    },
  };
}
