// Recurrent view: a Scan that walks the sequence one step at a time, carrying the memory S
// (src/core/rule.ts `step`), plus every intermediate term per step for the figures to animate.
//   outputs: o [T, d_v], S_final [d_v, d_k], and per step S, decayed, erase, write [T, d_v, d_k],
//            recalled [T, d_v].
//
// Speed (WASM): a Scan pays for every node of its body at every step, so the body is one update
//   S_t = S_{t−1} A_t + W_t      (one Gemm)       with W_t = β_t v_t k_tᵀ and, per key gate g_t,
//   A_t = diag(g_t)(I − β_t k_t k_tᵀ)              (the erase factor only for the delta family),
// which is the rule with the gate and the erase folded into one d_k × d_k matrix. A gate that differs
// per value channel (Mamba-1) cannot be folded: its body is S_{t−1} ⊙ G_t + W_t. Everything else the
// figures need (S_{t−1} ⊙ G_t, the recall, the erase term, o_t = S_t q_t) depends on S_{t−1} and S_t
// only, so it is computed after the Scan in a few batched ops over all T steps at once.
import { ruleInputs, type RuleMechanism } from './adapter';
import { floatTensor, Graph } from './graph';
import { add, dim, mm, mul, sub, unsq } from './ops';

export const RECURRENT_OUTPUTS = ['o', 'S_final', 'S', 'decayed', 'erase', 'write', 'recalled'] as const;

export function buildRecurrent(mechanism: RuleMechanism): Graph {
  const g = new Graph(`${mechanism}_recurrent`);
  const x = ruleInputs(g, mechanism);
  // G_t as S sees it: γ (scalar, outer scope) or [T, a, b] (see RuleGate); absent for no gate.
  const gate =
    x.gate.kind === 'power' ? x.gate.gamma : x.gate.kind === 'log' ? (x.gate.value ?? g.op('Exp', [x.gate.log])) : undefined;
  const shape = x.gate.kind === 'log' ? x.gate.shape : 'scalar';
  const zero = { value: { tensor: floatTensor([0], [1]) } };
  // Outer products as batched MatMuls [T, m, 1] × [T, 1, n] (faster than a broadcasting Mul).
  const outer = (a: string, b: string): string => mm(g, unsq(g, a, [2]), unsq(g, b, [1]));
  const scaled = (a: string): string => (x.beta ? mul(g, a, unsq(g, x.beta, [1])) : a); // row t times β_t
  const dk = dim(g, x.k, 1);

  const W = outer(scaled(x.v), x.k); // [T, d_v, d_k]: the writes β v kᵀ

  // A_t for gates shared by the value channels (none, scalar, per key). No gate and no erase: no A,
  // the body is a plain Add. A constant γ with no erase gives one A for every step (outer scope).
  // A gate per value channel (row, full) stays a Mul in the body, and only the erase factor is folded.
  const perValue = shape === 'row' || shape === 'full';
  const eye = (): string => g.op('EyeLike', [g.op('ConstantOfShape', [g.op('Concat', [dk, dk], { axis: 0 })], zero)]);
  const eraseFactor = (): string => sub(g, eye(), outer(x.k, scaled(x.k))); // I − β k kᵀ
  let A: string | undefined;
  if (x.lowRank && shape !== 'column') throw new Error('a low-rank transition is built with a per-key gate (diag(w) + a bᵀ)');
  if (perValue) A = x.erase ? eraseFactor() : undefined;
  else if (shape === 'column' && gate) {
    // diag(g)(I − β k kᵀ) = diag(g) − (g ⊙ k)(β k)ᵀ
    const steps = g.op('Shape', [x.k], { start: 0, end: 1 });
    const diag = mul(g, g.op('Expand', [gate, g.op('Concat', [steps, dk, dk], { axis: 0 })]), eye());
    A = x.erase ? sub(g, diag, outer(mul(g, x.k, g.op('Squeeze', [gate, g.int([1])])), scaled(x.k))) : diag;
    if (x.lowRank) A = add(g, A, outer(x.lowRank.a, x.lowRank.b)); // diag(w) + a bᵀ
  } else if (x.erase || gate) {
    const P = x.erase ? eraseFactor() : eye();
    A = gate ? mul(g, P, gate) : P;
  }
  const perStepA = A !== undefined && (x.erase || x.gate.kind === 'log');

  const body = g.subgraph('step');
  const S = body.input(body.fresh('S_prev'));
  const Wt = body.input(body.fresh('w_t'));
  const At = A && (perStepA ? body.input(body.fresh('a_t')) : A);
  const Gt = perValue && gate ? body.input(body.fresh('g_t')) : undefined;
  const decayedT = Gt ? mul(body, S, Gt) : S;
  const Snew = At ? body.op('Gemm', [decayedT, At, Wt]) : add(body, decayedT, Wt);
  body.output(Snew, body.fresh('S_next'));
  body.output(Snew, body.fresh('S_t')); // a second name for S_t costs an Identity: still the cheapest

  const S0 = g.op('ConstantOfShape', [g.op('Concat', [dim(g, x.v, 1), dk], { axis: 0 })], zero);
  const scanned = [W, ...(perStepA && A ? [A] : []), ...(Gt && gate ? [gate] : [])];
  const [Sfinal, Sall] = g.opN('Scan', [S0, ...scanned], 2, { body, num_scan_inputs: scanned.length });

  // After the Scan, batched over T. Broadcasting a row vector along a middle axis is slow in ORT's
  // CPU kernels, so row vectors are expanded to [T, d_v, d_k] first (Expand is a plain copy).
  const full = g.op('Shape', [W]);
  const rowsOf = (a: string): string => g.op('Expand', [unsq(g, a, [1]), full]); // a_t in every row
  const matvec = (M: string, a: string): string => g.op('ReduceSum', [mul(g, M, rowsOf(a)), g.int([2])], { keepdims: 0 });
  // S_{t−1}: the stack of states shifted down one step, S₀ = 0 first.
  const Sprev = g.op('Pad', [g.op('Slice', [Sall, g.int([0]), g.int([-1]), g.int([0])]), g.int([1, 0, 0, 0, 0, 0])]);
  const decayed = !gate ? Sprev : mul(g, Sprev, shape === 'column' ? g.op('Expand', [gate, full]) : gate);
  // Low-rank transition: recalled = S_{t−1} a_t and the erase record is −(S_{t−1} a_t) b_tᵀ (as in rule.ts).
  const recalled = x.lowRank ? matvec(Sprev, x.lowRank.a) : matvec(decayed, x.k); // [T, d_v]
  const erase = x.lowRank
    ? g.op('Neg', [outer(recalled, x.lowRank.b)])
    : x.erase
      ? outer(scaled(recalled), x.k)
      : g.op('ConstantOfShape', [full], zero);

  g.output(matvec(Sall, x.q), 'o');
  g.output(Sfinal, 'S_final');
  g.output(Sall, 'S');
  g.output(decayed, 'decayed');
  g.output(erase, 'erase');
  g.output(W, 'write');
  g.output(recalled, 'recalled');
  return g;
}
