// Chapter 9's inputs, kept as data so tests can rebuild exactly what the page shows.
import type { CaseOf } from '../../../core/cases';
import type { Segment } from '../../../core/continuous';
import type { Mat, Vec } from '../../../core/linalg';
import { randomVector, rng } from '../../../core/random';
import { fixedStepCase, selectiveCase, type SelectiveWeights } from '../../../core/selective';
import { sampleSignal } from '../../../core/continuous';

/** The push the oscillator gets: x(τ) = 1 for 1 ≤ τ < 3. */
export const PULSE: Segment[] = [{ start: 1, end: 3, value: 1 }];
/** Time window of the continuous plot, and the grid its curve is reported on. */
export const T_END = 24;
export const FINE_STEP = 0.02;
/** Δ slider. */
export const DELTA = { min: 0.1, max: 2.5, step: 0.05, initial: 0.5 } as const;
/** Length of the S4 convolution / recurrence sequence. */
export const S4_LENGTH = 16;

export type S4Input = 'pulse' | 'impulse' | 'random';

/** The S4 panel's input sequence for a Δ. */
export function s4Input(preset: S4Input, dt: number): Vec {
  switch (preset) {
    case 'pulse':
      return sampleSignal(PULSE, dt, S4_LENGTH);
    case 'impulse':
      return Array.from({ length: S4_LENGTH }, (_, k) => (k === 0 ? 1 : 0));
    case 'random':
      return randomVector(rng(9), S4_LENGTH, 0.6);
  }
}

// Selection. Token embeddings e = [value, salient, filler, read]: digits are salient and carry their
// value / 10; filler words carry a value too (noise the memory should ignore); "?" only reads.
export const TOKENS = ['seven', 'um', 'uh', 'four', 'so', 'like', 'well', 'query'] as const;
export type TokenId = (typeof TOKENS)[number];

const EMBEDDING: Record<TokenId, Vec> = {
  seven: [0.7, 1, 0, 0],
  four: [0.4, 1, 0, 0],
  um: [0.9, 0, 1, 0],
  uh: [-0.8, 0, 1, 0],
  so: [0.6, 0, 1, 0],
  like: [-0.7, 0, 1, 0],
  well: [0.8, 0, 1, 0],
  query: [0, 0, 0, 1],
};

/** Digits are the salient tokens: the ones the memory should write. */
export const isSalient = (id: TokenId): boolean => EMBEDDING[id][1] === 1;

/**
 * D = 2 channels, N = 2 state entries. Both channels carry the value; channel 1 is very selective
 * (Δ ≈ 2.6 on digits, ≈ 0.01 on fillers), channel 2 less so (Δ ≈ 1.3 vs 0.3). A = −(n + 1) per channel.
 */
export const SELECTIVE_WEIGHTS: SelectiveWeights = {
  Wx: [
    [1, 0, 0, 0],
    [1, 0, 0, 0],
  ],
  Wdt: [
    [0, 7, 0, 0],
    [0, 2, 0, 0],
  ],
  bdt: [-4.5, -1],
  WB: [
    [0, 1, 0.5, 0],
    [0, 0.5, -0.5, 0],
  ],
  WC: [
    [0, 0.2, 0.2, 1],
    [0, 0.1, 0.1, 0.5],
  ],
  A: [
    [-1, -2],
    [-1, -2],
  ],
};

export const FIXED_DT = 0.5;
export type StepMode = 'selective' | 'fixed';

export function tokenEmbeddings(tokens: readonly TokenId[] = TOKENS): Mat {
  return tokens.map((t) => EMBEDDING[t]);
}

/** The Mamba-1 case the selection panel runs. */
export function mambaCase(mode: StepMode): CaseOf<'mamba'> {
  const c = selectiveCase(tokenEmbeddings(), SELECTIVE_WEIGHTS);
  return mode === 'selective' ? c : fixedStepCase(c, FIXED_DT);
}
