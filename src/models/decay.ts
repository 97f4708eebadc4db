// The decays inside a block of n steps, for every gate shape, from cumulative sums of log-gates
// (or step counts, for RetNet's constant γ). With c_t = Σ_{r≤t} log G_r (inclusive):
//   Γ_{t,s} = exp(c_t − c_s)      what survives from step s to step t       (masked to s ≤ t)
//   F_t     = exp(c_t)            what survives of the block's initial state at step t
//   E_s     = exp(c_last − c_s)   what survives of step s's write at the block's end
//   total   = exp(c_last)         what survives of the initial state at the block's end
// Layouts put the per-value axis a ∈ {1, d_v} first and the per-key axis b ∈ {1, d_k} last:
//   Γ [a, n, n, b],  F and E [a, n, b],  total [a, b]  (broadcasts against S, d_v × d_k).
import { perKey, perValue, type RuleGate } from './adapter';
import type { Graph } from './graph';
import { mm, mul, sq, sub, tr, unsq, type Positions } from './ops';

export interface Decays {
  /** Absent for gate 'none' (then every decay is 1 and Γ is just the causal mask). */
  Gamma?: string;
  /**
   * Log-gates only, on request: Γ'_{t,s} = exp(c_{t−1} − c_s) for s < t (0 elsewhere), what survives
   * from step s to just before step t's transition, and F'_t = exp(c_{t−1}) for the initial state.
   * A low-rank transition reads S_{t−1} itself, so it needs these exclusive products (no division).
   */
  GammaEx?: string;
  FEx?: string;
  F?: string;
  E?: string;
  total?: string;
  perValue: boolean;
  perKey: boolean;
}

const BIG = 2 ** 62; // "to the end" for Slice

/**
 * The lowest log-gate the cumulative sums see. A gate that rounds to 0 in float32 (1e-50 is a valid
 * float64 gate) has log −∞, and −∞ − (−∞) = NaN would poison every decay after it (and 0 · −∞ = NaN
 * the whole MatMul cumsum). exp(−110) already rounds to 0 in float32, so flooring there changes no
 * decay float32 can represent: the parallel and chunkwise views keep the recurrent view's answer
 * (docs/design.md §2). The floor also keeps huge Δ·A (Mamba) from making the sums lose every digit.
 */
export const LOG_GATE_FLOOR = -110;

export function decays(g: Graph, gate: RuleGate, pos: Positions, exclusive = false): Decays {
  const shape = { perValue: perValue(gate), perKey: perKey(gate) };
  if (gate.kind === 'none') return shape;
  const lastOf = (x: string, axis: number): string => g.op('Slice', [x, g.int([-1]), g.int([BIG]), g.int([axis])]);

  if (gate.kind === 'power') {
    // RetNet: Γ_{t,s} = γ^{max(t−s, 0)} ⊙ mask. Pow(γ, 0) = 1, so γ = 0 (forget everything) stays exact;
    // the max keeps exponents above the diagonal at 0 so nothing there can blow up before masking.
    // c_t counts real steps up to t: t + 1, or a cumulative sum of `count` when padding is present.
    const c = gate.count ? mm(g, pos.mask, gate.count) : g.op('Add', [pos.idx, g.float(1)]);
    const pow = (e: string): string => g.op('Pow', [gate.gamma, e]);
    const diff = g.op('Relu', [sub(g, unsq(g, c, [1]), unsq(g, c, [0]))]);
    const last = lastOf(c, 0); // [1]
    return {
      ...shape,
      Gamma: unsq(g, mul(g, pow(diff), pos.mask), [0, 3]),
      F: unsq(g, pow(c), [0, 2]),
      E: unsq(g, pow(sub(g, last, c)), [0, 2]),
      total: unsq(g, pow(last), [0]),
    };
  }

  // Cumulative sum as a MatMul with the lower-triangular mask (no CumSum: WebGPU-friendly).
  // max(log, floor) as Where(Less(…)): the WebGPU EP has Where and Less but not Max.
  const floor = g.float(LOG_GATE_FLOOR);
  const log = g.op('Where', [g.op('Less', [gate.log, floor]), floor, gate.log]);
  const flat = g.op('Reshape', [log, g.int([0, -1])]); // [n, a·b]
  const cum = g.op('Reshape', [mm(g, pos.mask, flat), g.op('Shape', [gate.log])]); // [n, a, b]
  const c = tr(g, cum, [1, 0, 2]); // [a, n, b]
  // Above the diagonal c_t − c_s > 0 could overflow exp to ∞, and ∞ · 0 = NaN: so the exponent is
  // masked too (exp(0) · 0 = 0). This is exp(min(c_t − c_s, 0)) ⊙ mask for gates ≤ 1, without Min
  // (which the WebGPU EP lacks).
  const diff = sub(g, unsq(g, c, [2]), unsq(g, c, [1])); // [a, n, n, b]
  const mask = unsq(g, pos.mask, [2]);
  const Gamma = mul(g, g.op('Exp', [mul(g, diff, mask)]), mask);
  const last = lastOf(c, 1); // [a, 1, b]
  let ex: { GammaEx: string; FEx: string } | undefined;
  if (exclusive) {
    const cEx = sub(g, c, tr(g, log, [1, 0, 2])); // c_{t−1} = c_t − log G_t
    const strict = unsq(g, pos.strict, [2]);
    const diffEx = sub(g, unsq(g, cEx, [2]), unsq(g, c, [1]));
    ex = { GammaEx: mul(g, g.op('Exp', [mul(g, diffEx, strict)]), strict), FEx: g.op('Exp', [cEx]) };
  }
  return {
    ...shape,
    ...ex,
    Gamma,
    F: g.op('Exp', [c]),
    E: g.op('Exp', [sub(g, last, c)]),
    total: sq(g, g.op('Exp', [last]), [1]),
  };
}
