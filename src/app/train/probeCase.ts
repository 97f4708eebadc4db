// A probe reading (src/train/types.ts) as a case the course's memory figure can replay, where the
// reading holds everything the mechanism's rule needs: q, k, v and one gate value per step.
// GLA (its reading has only the mean of a per-key gate), Mamba-1 (a Δ per channel) and softmax
// attention (no memory matrix) cannot be rebuilt from it, so they get null and the page shows their
// q, k, v instead. An ablated gate (no γ in the reading: α = 1) or delta correction (no β: a plain
// write) leaves the rule of the mechanism without it.
import type { Case } from '../../core/registry';
import type { ProbeReading, TrainMechanism } from '../../train/types';

/** The figure's gate fields are open intervals: a gate of exactly 1 is drawn as just below it. */
const OPEN = 1e-6;
const inOpenUnit = (g: readonly number[]): number[] => g.map((x) => Math.min(1 - OPEN, Math.max(OPEN, x)));
const inClosedUnit = (x: number): number => Math.min(1, Math.max(0, x));

const DECAYS: ReadonlySet<TrainMechanism> = new Set(['retnet', 'mamba2', 'gated_deltanet']);
const DELTAS: ReadonlySet<TrainMechanism> = new Set(['deltanet', 'gated_deltanet']);
const REBUILT: ReadonlySet<TrainMechanism> = new Set(['linear_attention', ...DECAYS, ...DELTAS]);

export function probeCase(r: ProbeReading): Case | null {
  const { q, k, v, mechanism: m } = r;
  const T = q.length;
  if (!REBUILT.has(m) || T === 0 || k.length !== T || v.length !== T) return null;
  // A gate that is there must be one finite value per step; one that is absent was ablated.
  const usable = (g: number[] | undefined): boolean => g === undefined || (g.length === T && g.every(Number.isFinite));
  const gamma = DECAYS.has(m) ? r.gamma : undefined;
  const beta = DELTAS.has(m) ? r.beta : undefined;
  if (!usable(gamma) || !usable(beta)) return null;
  // For Mamba-2, q, k, v are C_t, B_t and Δ_t·x_t: S_t = γ_t S_{t−1} + (Δ_t x_t) B_tᵀ is gated retention's rule.
  if (beta && gamma) return { mechanism: 'gated_deltanet', q, k, v, beta, gate: inOpenUnit(gamma) } as Case;
  if (beta) return { mechanism: 'deltanet', q, k, v, beta } as Case;
  if (gamma && m === 'retnet') return { mechanism: 'retnet', q, k, v, gamma: inClosedUnit(gamma[0]) } as Case;
  if (gamma) return { mechanism: 'gated_retention', q, k, v, gate: inOpenUnit(gamma) } as Case;
  return { mechanism: 'linear_attention', q, k, v } as Case;
}
