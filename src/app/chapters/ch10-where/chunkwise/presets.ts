// Chapter 10's chunkwise figure: which mechanisms it offers (those whose recap says they train in
// chunks, read off the registry), the small case it runs, the chunk sizes, and the cost chart's sweep.
// Everything numeric here is a count or a choice; the outputs come from the models (src/models).
import { MECHANISMS, specOf, type Case, type Mechanism } from '../../../../core/cases';
import { chunkCount, formCosts } from '../../../../core/formCost';
import { randomCase } from '../../../../core/random';

/** The mechanisms that train chunkwise (their recap's training is 'chunkwise'), in menu order. */
export const CHUNK_MECHANISMS: readonly Mechanism[] = MECHANISMS.filter((m) => specOf(m).recap.training === 'chunkwise');

/** The live case: long enough that C = 3 leaves a short last chunk (8 = 3 + 3 + 2). */
export const CHUNK_SIZES = { T: 8, dk: 3, dv: 3 } as const;
export const CHUNK_SEEDS = { min: 1, max: 999_999 } as const;

export function chunkCase(mechanism: Mechanism, seed = 1): Case {
  return randomCase(mechanism, { ...CHUNK_SIZES, seed });
}

/** The steps [start, end) of chunk b (0-based) at chunk size C. */
export function chunkSpan(b: number, C: number, T: number): { start: number; end: number } {
  return { start: b * C, end: Math.min(T, (b + 1) * C) };
}

/** The chunk (0-based) that step t (0-based) falls in. */
export const chunkOf = (t: number, C: number): number => Math.floor(t / C);

export { chunkCount };

// The cost chart: one head of a real model (d_k = d_v = 64, the head width fla's kernels are tuned
// for) and chunk sizes a kernel would use, over T from 16 to 64 Ki.
export const COST_HEAD = { dk: 64, dv: 64 } as const;
export const COST_CHUNKS = [16, 64, 256] as const;
export type CostChunk = (typeof COST_CHUNKS)[number];
export const COST_LENGTHS: readonly number[] = Array.from({ length: 13 }, (_, i) => 16 * 2 ** i);

export interface CostRow {
  T: number;
  /** Multiply–adds of each form (FLOPs / 2, src/core/formCost.ts). */
  parallel: number;
  recurrent: number;
  chunkwise: number;
  /** Steps the chunkwise form must take one after another: ⌈T / C⌉ (the recurrent form takes T). */
  chunkSteps: number;
}

export function costRows(C: number, mechanism: Mechanism = 'linear_attention'): CostRow[] {
  return COST_LENGTHS.map((T) => {
    const f = formCosts(T, C, COST_HEAD, mechanism);
    return { T, parallel: f.parallel.flops / 2, recurrent: f.recurrent.flops / 2, chunkwise: f.chunkwise.flops / 2, chunkSteps: f.chunkwise.sequentialSteps };
  });
}

/**
 * The crossover: the shortest length T (a whole number, searched up to 2²⁰) at which the chunkwise
 * form needs fewer multiply–adds than the parallel form. Below it, one big T × T product is cheaper.
 */
export function crossoverT(C: number, mechanism: Mechanism = 'linear_attention'): number | null {
  const cheaper = (T: number) => {
    const f = formCosts(T, C, COST_HEAD, mechanism);
    return f.chunkwise.flops < f.parallel.flops;
  };
  let hi = 2;
  while (!cheaper(hi)) {
    hi *= 2;
    if (hi > 2 ** 20) return null;
  }
  // The chunk count rounds up, so the comparison is not monotone step by step below a multiple of C:
  // walk down from the first power of two that wins to the first T from which it always wins.
  let T = hi;
  while (T > 1 && cheaper(T - 1)) T--;
  return T;
}
