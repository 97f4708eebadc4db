// Each mechanism as a preset of the one rule in rule.ts. Reading this file top to bottom is
// chapters 2–9 in one table: which gate, which write strength, erase on or off.
import type { Case } from './cases';
import type { Gate, MemoryProgram, MemoryStep } from './rule';

type RuleCase = Exclude<Case, { mechanism: 'softmax_attention' }>;

export function toProgram(c: RuleCase): MemoryProgram {
  if (c.mechanism === 'mamba2') {
    // Mamba-2 (SSD): decay a_t = exp(Δ_t A) on the whole state, write (Δ_t x_t) B_tᵀ, read with C_t.
    return {
      dk: c.B[0].length,
      dv: c.x[0].length,
      erase: false,
      steps: c.x.map((x, t) => ({
        q: c.C[t],
        k: c.B[t],
        v: x.map((xi) => c.dt[t] * xi),
        beta: 1,
        gate: { shape: 'scalar', value: Math.exp(c.dt[t] * c.A) },
      })),
    };
  }
  if (c.mechanism === 'mamba') {
    // Mamba-1 (S6): every entry (d, n) decays by its own exp(Δ_{t,d} A_{d,n}); write (Δ_t ⊙ x_t) B_tᵀ.
    return {
      dk: c.B[0].length,
      dv: c.x[0].length,
      erase: false,
      steps: c.x.map((x, t) => ({
        q: c.C[t],
        k: c.B[t],
        v: x.map((xd, d) => c.dt[t][d] * xd),
        beta: 1,
        gate: { shape: 'full', value: c.A.map((row, d) => row.map((a) => Math.exp(c.dt[t][d] * a))) },
      })),
    };
  }
  const gateAt = (t: number): Gate => {
    switch (c.mechanism) {
      case 'retnet':
        return { shape: 'scalar', value: c.gamma };
      case 'gated_retention':
      case 'gated_deltanet':
        return { shape: 'scalar', value: c.gate[t] };
      case 'gla':
        return { shape: 'column', value: c.gate[t] };
      default:
        return { shape: 'none' };
    }
  };
  const betaAt = (t: number): number =>
    c.mechanism === 'deltanet' || c.mechanism === 'gated_deltanet' ? c.beta[t] : 1;
  const steps: MemoryStep[] = c.q.map((q, t) => ({ q, k: c.k[t], v: c.v[t], beta: betaAt(t), gate: gateAt(t) }));
  return {
    dk: c.q[0].length,
    dv: c.v[0].length,
    erase: c.mechanism === 'deltanet' || c.mechanism === 'gated_deltanet',
    steps,
  };
}
