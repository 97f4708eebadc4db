// What a sequence layer must keep and compute as the sequence grows (chapter 0), for one head of one
// layer, in float32 numbers. Softmax attention in its parallel (training) form builds a T × T score
// matrix; when it generates, it keeps every past key and value (the KV cache) and reads all of them
// for each new token. A recurrent memory (linear attention) keeps one d_v × d_k matrix S, whatever T.
// Also the helpers the measurement needs: lengths to try, a log–log slope, theory curves.

export const FLOAT32_BYTES = 4;

export interface Widths {
  dk: number;
  dv: number;
}

/** Every past key and value: T (d_k + d_v) numbers — 2·T·d when d_k = d_v = d. Grows with T. */
export const kvCacheFloats = (T: number, { dk, dv }: Widths): number => T * (dk + dv);

/** The parallel form's scores QKᵀ (and the weights after softmax): T × T numbers. */
export const scoreMatrixFloats = (T: number): number => T * T;

/** The recurrent memory S: d_v × d_k numbers, the same at every T. */
export const stateFloats = ({ dk, dv }: Widths): number => dk * dv;

export const floatBytes = (floats: number): number => floats * FLOAT32_BYTES;

export interface MemoryAt {
  T: number;
  /** Bytes of float32: KV cache, score matrix, recurrent state. */
  kvCache: number;
  scoreMatrix: number;
  state: number;
}

/** What each form must keep at length T, in bytes. */
export function memoryAt(T: number, w: Widths): MemoryAt {
  return {
    T,
    kvCache: floatBytes(kvCacheFloats(T, w)),
    scoreMatrix: floatBytes(scoreMatrixFloats(T)),
    state: floatBytes(stateFloats(w)),
  };
}

/**
 * Multiply–adds for a whole sequence of T tokens. Parallel attention (softmax or linear): QKᵀ is
 * T² d_k and M V is T² d_v (the full products, as the graphs compute them; causality masks half).
 * Recurrent memory: each step writes v kᵀ (d_v d_k) and reads S q (d_v d_k).
 */
export const parallelMacs = (T: number, { dk, dv }: Widths): number => T * T * (dk + dv);
export const recurrentMacs = (T: number, { dk, dv }: Widths): number => T * 2 * dk * dv;

/** Work to generate token t (1-based): attention reads t cached keys and values; the memory one S. */
export const attentionStepMacs = (t: number, w: Widths): number => kvCacheFloats(t, w);
export const recurrentStepMacs = (w: Widths): number => 2 * stateFloats(w);

/** How cost grows with T in theory: the exponent p of T^p. */
export const TIME_EXPONENT = { parallel: 2, recurrent: 1 } as const;

/** Powers of two from minT to maxT (both included when they are powers of two). */
export function powersOfTwo(minT: number, maxT: number): number[] {
  const out: number[] = [];
  for (let T = 1; T <= maxT; T *= 2) if (T >= minT) out.push(T);
  return out;
}

/** The curve y = c·x^p through `anchor`: a theory slope pinned to one measurement. */
export function powerLaw(anchor: { x: number; y: number }, exponent: number): (x: number) => number {
  return (x) => anchor.y * (x / anchor.x) ** exponent;
}

/** Least-squares slope of log y against log x (the measured exponent); null below two usable points. */
export function logLogSlope(points: readonly { x: number; y: number }[]): number | null {
  const pts = points.filter((p) => p.x > 0 && p.y > 0);
  if (pts.length < 2) return null;
  const lx = pts.map((p) => Math.log(p.x));
  const ly = pts.map((p) => Math.log(p.y));
  const mx = lx.reduce((a, b) => a + b, 0) / pts.length;
  const my = ly.reduce((a, b) => a + b, 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < pts.length; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}
