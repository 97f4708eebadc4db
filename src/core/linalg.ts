// Small dense float64 helpers. Matrices are arrays of rows; nothing here knows about models.

export type Vec = number[];
export type Mat = number[][];

export function zeros(rows: number, cols: number): Mat {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function copy(A: Mat): Mat {
  return A.map((row) => row.slice());
}

export function dot(a: Vec, b: Vec): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** a bᵀ: a rank-one matrix with rows indexed by a, columns by b. */
export function outer(a: Vec, b: Vec, scale = 1): Mat {
  return a.map((ai) => b.map((bj) => scale * ai * bj));
}

/** A x for A of shape m × n. */
export function matVec(A: Mat, x: Vec): Vec {
  return A.map((row) => dot(row, x));
}

export function matMul(A: Mat, B: Mat): Mat {
  const n = B[0]?.length ?? 0;
  return A.map((row) => {
    const out = new Array<number>(n).fill(0);
    row.forEach((a, k) => {
      if (a === 0) return;
      const bk = B[k];
      for (let j = 0; j < n; j++) out[j] += a * bk[j];
    });
    return out;
  });
}

export function transpose(A: Mat): Mat {
  const cols = A[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => A.map((row) => row[j]));
}

export function add(A: Mat, B: Mat): Mat {
  return A.map((row, i) => row.map((a, j) => a + B[i][j]));
}

export function sub(A: Mat, B: Mat): Mat {
  return A.map((row, i) => row.map((a, j) => a - B[i][j]));
}

export function scale(A: Mat, s: number): Mat {
  return A.map((row) => row.map((a) => a * s));
}

export function identity(n: number): Mat {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** Largest absolute entry difference between two equally shaped arrays (any nesting). */
export function maxAbsDiff(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.POSITIVE_INFINITY;
    return Math.abs(a - b);
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    let m = 0;
    for (let i = 0; i < a.length; i++) m = Math.max(m, maxAbsDiff(a[i], b[i]));
    return m;
  }
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    return maxAbsDiff(Array.from(a as Float64Array), Array.from(b as Float64Array));
  }
  return Number.POSITIVE_INFINITY;
}

/** Largest absolute entry (‖x‖∞) of any nesting of numbers. */
export function maxAbs(a: unknown): number {
  if (typeof a === 'number') return Math.abs(a);
  if (Array.isArray(a)) return a.reduce((m: number, x) => Math.max(m, maxAbs(x)), 0);
  return 0;
}

/**
 * Solve (I + L) X = B for X, where L is strictly lower triangular (its diagonal and upper part are
 * ignored). Forward substitution: row t needs only rows s < t, exactly like walking a sequence.
 */
export function solveUnitLower(L: Mat, B: Mat): Mat {
  const X: Mat = [];
  for (let t = 0; t < B.length; t++) {
    const x = B[t].slice();
    for (let s = 0; s < t; s++) {
      const l = L[t][s];
      if (l === 0) continue;
      const xs = X[s];
      for (let j = 0; j < x.length; j++) x[j] -= l * xs[j];
    }
    X.push(x);
  }
  return X;
}

/**
 * Solve A X = B (A square) by Gaussian elimination with partial pivoting. Returns null when A is
 * numerically singular: some pivot is at most `tol` times A's largest entry.
 */
export function solve(A: Mat, B: Mat, tol = 1e-12): Mat | null {
  const n = A.length;
  const a = copy(A);
  const b = copy(B);
  const size = maxAbs(A);
  if (size === 0) return n === 0 ? b : null;
  for (let col = 0; col < n; col++) {
    let p = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[p][col])) p = r;
    if (Math.abs(a[p][col]) <= tol * size) return null;
    [a[col], a[p]] = [a[p], a[col]];
    [b[col], b[p]] = [b[p], b[col]];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / a[col][col];
      if (f === 0) continue;
      for (let j = col; j < n; j++) a[r][j] -= f * a[col][j];
      for (let j = 0; j < b[r].length; j++) b[r][j] -= f * b[col][j];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    for (let j = 0; j < b[r].length; j++) {
      let s = b[r][j];
      for (let c = r + 1; c < n; c++) s -= a[r][c] * b[c][j];
      b[r][j] = s / a[r][r];
    }
  }
  return b;
}
