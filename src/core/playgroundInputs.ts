// The playground's generated inputs: a seeded random case (random.ts) shaped by a preset and set by
// two knobs a learner can reason about — a gate level (how much memory survives a step) and β (how
// hard the delta rule writes). The same settings give the same numbers on every machine, so a
// shared link replays exactly.
import type { Case, Mechanism } from './cases';
import type { Mat, Vec } from './linalg';
import { randomCase, rng } from './random';
import { specOf, TYPICAL_DT } from './registry';

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

export { TYPICAL_DT };

/** Which knobs a mechanism has (the page shows only those). */
export function mechanismKnobs(m: Mechanism): { gate: boolean; beta: boolean } {
  const k = specOf(m).knobs;
  return { gate: k.gate !== null, beta: k.beta };
}

const oneHot = (i: number, d: number): Vec => Array.from({ length: d }, (_, j) => (j === i ? 1 : 0));
const axisRows = (T: number, d: number, preset: InputPreset): Mat =>
  Array.from({ length: T }, (_, t) => oneHot(preset === 'one-hot' ? t % d : 0, d));

export function playgroundCase(mechanism: Mechanism, opts: PlaygroundInputOptions): Case {
  const { T, dk, dv, seed, preset, gateLevel, beta } = opts;
  const spec = specOf(mechanism);
  const base = randomCase(mechanism, { T, dk, dv, seed }) as unknown as Record<string, unknown>;
  // Gates come from their own stream, so moving the gate level never changes q, k, v.
  const r = rng((seed ^ 0x9e3779b9) >>> 0);
  const level = Math.min(1, Math.max(Number.MIN_VALUE, gateLevel));
  const keys = preset === 'random' ? {} : Object.fromEntries(spec.axes.map((name) => [name, axisRows(T, dk, preset)]));
  const tuned = spec.tune({ ...base, ...keys } as never, { level, beta, gateIn: () => level + (1 - level) * r(), r });
  return { ...tuned, mechanism } as unknown as Case;
}
