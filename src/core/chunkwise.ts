// The chunkwise form: cut the sequence into chunks of C steps. Inside a chunk, the parallel form
// (matrix products, what a GPU likes); between chunks, carry the d_v × d_k memory like the recurrent
// form. Cost O(T · C · d) + O(T/C · d²): C = 1 is the recurrent form, C = T the parallel form.
import type { Mat } from './linalg';
import { zeros } from './linalg';
import { parallel } from './parallel';
import type { MemoryProgram } from './rule';
import { checkChunk } from './softmax';

export interface ChunkwiseResult {
  /** T × d_v outputs. */
  o: Mat;
  /** S_T. */
  S_final: Mat;
  /** The memory entering each chunk (chunk 0: S₀), for figures that show the carry. */
  carried: Mat[];
}

/** Any chunk size ≥ 1; the last chunk may be shorter. */
export function chunkwise(program: MemoryProgram, chunk: number, S0?: Mat): ChunkwiseResult {
  checkChunk(chunk);
  let S = S0 ?? zeros(program.dv, program.dk);
  const o: Mat = [];
  const carried: Mat[] = [];
  for (let start = 0; start < program.steps.length; start += chunk) {
    carried.push(S);
    const inside = parallel({ ...program, steps: program.steps.slice(start, start + chunk) }, { S0: S, weights: false });
    o.push(...inside.o);
    S = inside.S_final;
  }
  return { o, S_final: S, carried };
}
