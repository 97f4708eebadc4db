// A probe reading (src/train/types.ts) as a case the course's memory figure can replay, where the
// reading holds everything the mechanism's rule needs: q, k, v and one gate value per step.
// GLA (a gate per key dimension), Mamba-1 (a Δ per channel) and softmax attention (no memory
// matrix) cannot be rebuilt from it, so they get null and the page shows their q, k, v instead.
import type { Case } from '../../core/registry';
import type { ProbeReading } from '../../train/types';

/** The figure's gate fields are open intervals: an ablated gate of exactly 1 is drawn as just below it. */
const OPEN = 1e-6;
const inOpenUnit = (g: readonly number[]): number[] => g.map((x) => Math.min(1 - OPEN, Math.max(OPEN, x)));
const inClosedUnit = (x: number): number => Math.min(1, Math.max(0, x));

export function probeCase(r: ProbeReading): Case | null {
  const { q, k, v } = r;
  const T = q.length;
  if (T === 0 || k.length !== T || v.length !== T) return null;
  const perStep = (g: number[] | undefined): g is number[] => g !== undefined && g.length === T && g.every(Number.isFinite);
  switch (r.mechanism) {
    case 'linear_attention':
      return { mechanism: 'linear_attention', q, k, v } as Case;
    case 'retnet':
      return perStep(r.gamma) ? ({ mechanism: 'retnet', q, k, v, gamma: inClosedUnit(r.gamma[0]) } as Case) : null;
    case 'mamba2':
      // q, k, v are C_t, B_t and Δ_t·x_t: S_t = γ_t S_{t−1} + (Δ_t x_t) B_tᵀ is gated retention's rule.
      return perStep(r.gamma) ? ({ mechanism: 'gated_retention', q, k, v, gate: inOpenUnit(r.gamma) } as Case) : null;
    case 'deltanet':
      return perStep(r.beta) ? ({ mechanism: 'deltanet', q, k, v, beta: r.beta } as Case) : null;
    case 'gated_deltanet':
      return perStep(r.beta) && perStep(r.gamma) ? ({ mechanism: 'gated_deltanet', q, k, v, beta: r.beta, gate: inOpenUnit(r.gamma) } as Case) : null;
    default:
      return null;
  }
}
