// Chapter 0's measurement, kept as data so tests can rebuild what the page runs and shows.
import type { CaseOf } from '../../../core/cases';
import { TIME_EXPONENT, powersOfTwo, type Widths } from '../../../core/cost';
import { randomCase } from '../../../core/random';
import type { View } from '../../../core/views';

/** One head: d_k = d_v = 16. */
export const COST_WIDTHS: Widths = { dk: 16, dv: 16 };
export const SHORTEST_T = 16;
export const LONGEST_T_CHOICES = [256, 1024, 4096] as const;
export type LongestT = (typeof LONGEST_T_CHOICES)[number];
export const DEFAULT_LONGEST_T: LongestT = 4096;

export type CostSeriesId = 'attention' | 'linear-parallel' | 'recurrent';

export interface CostSeries {
  id: CostSeriesId;
  mechanism: 'softmax_attention' | 'linear_attention';
  view: View;
  /** The backend asked for: the parallel forms on WebGPU when present, the recurrent form on WASM. */
  backend: 'webgpu' | 'wasm';
  /** Theory: time ∝ T^exponent. */
  exponent: number;
}

export const COST_SERIES: readonly CostSeries[] = [
  { id: 'attention', mechanism: 'softmax_attention', view: 'parallel', backend: 'webgpu', exponent: TIME_EXPONENT.parallel },
  { id: 'linear-parallel', mechanism: 'linear_attention', view: 'parallel', backend: 'webgpu', exponent: TIME_EXPONENT.parallel },
  { id: 'recurrent', mechanism: 'linear_attention', view: 'recurrent', backend: 'wasm', exponent: TIME_EXPONENT.recurrent },
];

export const costLengths = (longest: number): number[] => powersOfTwo(SHORTEST_T, longest);

/** The input a series runs at length T (random q, k, v; the numbers do not change the cost). */
export function costCase(series: CostSeries, T: number): CaseOf<'softmax_attention'> | CaseOf<'linear_attention'> {
  const opts = { T, dk: COST_WIDTHS.dk, dv: COST_WIDTHS.dv, seed: T };
  return series.mechanism === 'softmax_attention' ? randomCase('softmax_attention', opts) : randomCase('linear_attention', opts);
}

/** Limits that keep the whole measurement near 20 s even on a slow CPU. */
export const BUDGET = {
  /** Timed runs per point (after one untimed warm-up run at that length)… */
  repeats: 5,
  /** …or fewer, once the timed runs add up to this many milliseconds. */
  repeatMs: 250,
  /** A series whose run took longer than this stops growing T. */
  slowRunMs: 2500,
  /** The whole measurement stops after this long. */
  totalMs: 20000,
} as const;

/** The predict-then-reveal question's length. */
export const PREDICT_T = 4096;

/** Gemini 1.5's context window (June 2024), for the extrapolated row of the memory table. */
export const MILLIONS_T = 2_000_000;
