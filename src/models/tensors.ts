// Plain float32 tensors at the boundary between the models and whoever runs them (browser runtime,
// Node runner, trace CLI), and conversions to and from the core's nested arrays.
import type { Mat, Vec } from '../core/linalg';

export interface TensorData {
  data: Float32Array;
  dims: number[];
}

export const scalarTensor = (x: number): TensorData => ({ data: Float32Array.of(x), dims: [] });
export const vecTensor = (x: Vec): TensorData => ({ data: Float32Array.from(x), dims: [x.length] });
export const matTensor = (x: Mat): TensorData => ({ data: Float32Array.from(x.flat()), dims: [x.length, x[0]?.length ?? 0] });

/** Rows of a tensor viewed as [dims[0], rest]: a T × d_v output becomes T rows. */
export function toMat(t: TensorData): Mat {
  const rowsN = t.dims[0] ?? 1;
  const width = rowsN === 0 ? 0 : t.data.length / rowsN;
  return Array.from({ length: rowsN }, (_, i) => Array.from(t.data.subarray(i * width, (i + 1) * width)));
}

/** A [T, a, b] tensor as T matrices a × b (per-step states). */
export function toMats(t: TensorData): Mat[] {
  const [T, a, b] = t.dims;
  return Array.from({ length: T }, (_, i) =>
    Array.from({ length: a }, (_, r) => Array.from(t.data.subarray((i * a + r) * b, (i * a + r + 1) * b))),
  );
}
