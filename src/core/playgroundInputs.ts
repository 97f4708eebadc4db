// The playground's generated inputs: a seeded random case (random.ts) shaped by a preset and set by
// two knobs a learner can reason about — a gate level (how much memory survives a step) and β (how
// hard the delta rule writes). The same settings give the same numbers on every machine, so a
// shared link replays exactly.
import type { Case, CaseOf, Mechanism } from './cases';
import type { Mat, Vec } from './linalg';
import { randomCase, rng, uniform } from './random';

export const INPUT_PRESETS = ['random', 'one-hot', 'repeat'] as const;
/** random: every vector drawn; one-hot: keys and queries cycle through the axes (one column of S per
 *  key); repeat: the same key (and query) at every step, so writes pile up in one column. */
export type InputPreset = (typeof INPUT_PRESETS)[number];

export interface PlaygroundInputOptions {
  T: number;
  /** Key width d_k (Mamba: the state size N). */
  dk: number;
  /** Value width d_v (Mamba: the channel count D). */
  dv: number;
  seed: number;
  preset: InputPreset;
  /**
   * How much memory survives one step, in (0, 1]. RetNet: γ itself. Gated retention, GLA, Gated
   * DeltaNet: each gate drawn in [level, 1]. Mamba-2: A = ln(level)/Δ̄, so a typical step decays by
   * exp(Δ̄ A) = level. Mamba-1: A_{d,n} = w_{d,n} ln(level)/Δ̄ with w in [0.5, 1.5] (kept below 0).
   * Linear attention, softmax attention, DeltaNet have no gate and ignore it.
   */
  gateLevel: number;
  /** The delta rule's write strength β_t (the same at every step), in [0, 1]; DeltaNet family only. */
  beta: number;
}

/** Mean of the random Δ_t (uniform in (0.05, 0.5)): the step a gate level is calibrated on. */
export const TYPICAL_DT = 0.275;

/** Which knobs a mechanism has (the page shows only those). */
export function mechanismKnobs(m: Mechanism): { gate: boolean; beta: boolean } {
  return {
    gate: m === 'retnet' || m === 'gated_retention' || m === 'gla' || m === 'gated_deltanet' || m === 'mamba2' || m === 'mamba',
    beta: m === 'deltanet' || m === 'gated_deltanet',
  };
}

const oneHot = (i: number, d: number): Vec => Array.from({ length: d }, (_, j) => (j === i ? 1 : 0));
const axisRows = (T: number, d: number, preset: InputPreset): Mat =>
  Array.from({ length: T }, (_, t) => oneHot(preset === 'one-hot' ? t % d : 0, d));

export function playgroundCase(mechanism: Mechanism, opts: PlaygroundInputOptions): Case {
  const { T, dk, dv, seed, preset, gateLevel, beta } = opts;
  const base: Case = randomCase(mechanism, { T, dk, dv, seed });
  // Gates come from their own stream, so moving the gate level never changes q, k, v.
  const r = rng((seed ^ 0x9e3779b9) >>> 0);
  const g = Math.min(1, Math.max(Number.MIN_VALUE, gateLevel));
  const gateIn = (): number => g + (1 - g) * r();
  const structured = preset !== 'random';
  switch (base.mechanism) {
    case 'mamba2': {
      const c: CaseOf<'mamba2'> = { ...base, A: Math.log(g) / TYPICAL_DT };
      return structured ? { ...c, B: axisRows(T, dk, preset), C: axisRows(T, dk, preset) } : c;
    }
    case 'mamba': {
      const level = Math.min(g, 0.999); // Mamba-1's A must stay below 0
      const A = base.A.map((row) => row.map(() => (uniform(r, 0.5, 1.5) * Math.log(level)) / TYPICAL_DT));
      const c: CaseOf<'mamba'> = { ...base, A };
      return structured ? { ...c, B: axisRows(T, dk, preset), C: axisRows(T, dk, preset) } : c;
    }
    default: {
      const keys = structured ? { q: axisRows(T, dk, preset), k: axisRows(T, dk, preset) } : {};
      return withKnobs({ ...base, ...keys }, g, beta, gateIn);
    }
  }
}

type AttentionCase = Exclude<Case, { mechanism: 'mamba' | 'mamba2' }>;

function withKnobs(c: AttentionCase, g: number, beta: number, gateIn: () => number): Case {
  const T = c.q.length;
  const betas = (): Vec => Array.from({ length: T }, () => beta);
  switch (c.mechanism) {
    case 'retnet':
      return { ...c, gamma: g };
    case 'gated_retention':
      return { ...c, gate: Array.from({ length: T }, gateIn) };
    case 'gla':
      return { ...c, gate: c.gate.map((row) => row.map(gateIn)) };
    case 'deltanet':
      return { ...c, beta: betas() };
    case 'gated_deltanet':
      return { ...c, beta: betas(), gate: Array.from({ length: T }, gateIn) };
    default:
      return c;
  }
}
