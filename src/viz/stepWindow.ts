// Presenter mode shows a few steps around the cursor rather than all T, so each cell can hold its
// number in type large enough for the back row of a hall.

/** Steps [from, to) of a window of `size` around `shown` (−1: before the first step), inside 0 … T. */
export function stepWindow(T: number, shown: number, size: number): { from: number; to: number } {
  const n = Math.max(0, Math.min(T, Math.floor(size)));
  const centre = Math.max(0, shown);
  const from = Math.max(0, Math.min(T - n, centre - Math.floor((n - 1) / 2)));
  return { from, to: from + n };
}

/** The rows and columns [from, to) of a square matrix (a window of the T × T weights). */
export function windowOf<T>(m: readonly (readonly T[])[], from: number, to: number): T[][] {
  return m.slice(from, to).map((row) => row.slice(from, to));
}
