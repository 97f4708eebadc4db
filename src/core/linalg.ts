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
