// Recurrent view: a Scan whose body is one step of the general rule (src/core/rule.ts `step`),
// with every intermediate term as a per-step output for the figures to animate.
//   outputs: o [T, d_v], S_final [d_v, d_k], and per step S, decayed, erase, write [T, d_v, d_k],
//            recalled [T, d_v].
import { ruleInputs, type RuleMechanism } from './adapter';
import { floatTensor, Graph } from './graph';
import { add, dim, mm, mul, sub, unsq } from './ops';

export const RECURRENT_OUTPUTS = ['o', 'S_final', 'S', 'decayed', 'erase', 'write', 'recalled'] as const;

let V = (process.env.RV ?? 'gemm').split(',');
export const setVariant = (v: string): void => {
  V = v.split(',');
};
const has = (f: string): boolean => V.includes(f);

export function buildRecurrent(mechanism: RuleMechanism): Graph {
  const g = new Graph(`${mechanism}_recurrent`);
  const x = ruleInputs(g, mechanism);
  const gateValue =
    x.gate.kind === 'log' ? (x.gate.value ?? g.op('Exp', [x.gate.log])) : undefined; // [T, a, b]
  const gate = x.gate.kind === 'power' ? x.gate.gamma : gateValue;
  const shape = x.gate.kind === 'log' ? x.gate.shape : 'scalar';
  const zero = { value: { tensor: floatTensor([0], [1]) } };
  const outer = (a: string, b: string): string => mm(g, unsq(g, a, [2]), unsq(g, b, [1])); // [T, |a|, |b|]
  const scaled = (a: string): string => (x.beta ? mul(g, a, unsq(g, x.beta, [1])) : a); // β_t a_t

  const W = outer(scaled(x.v), x.k); // [T, d_v, d_k]: β v kᵀ

  // Transition A_t (d_k × d_k) with S_t = S_{t−1} A_t + W_t when the gate is per key (or shared).
  let A: string | undefined;
  const perValue = shape === 'row' || shape === 'full';
  const useA = !perValue && (x.erase || (gate !== undefined && has('gemm')));
  const Avaries = x.erase || x.gate.kind === 'log';
  if (useA) {
    const dk = dim(g, x.k, 1);
    const eye = g.op('EyeLike', [g.op('ConstantOfShape', [g.op('Concat', [dk, dk], { axis: 0 })], zero)]);
    // diag(g) (I − β k kᵀ) = diag(g) − (g ⊙ k)(β k)ᵀ.
    const gk = !gate ? x.k : shape === 'column' ? mul(g, x.k, g.op('Squeeze', [gate, g.int([1])])) : undefined;
    if (shape === 'column') {
      const full = g.op('Expand', [gate as string, g.op('Concat', [g.op('Shape', [x.k], { start: 0, end: 1 }), dk, dk], { axis: 0 })]);
      const diag = mul(g, full, eye);
      A = x.erase ? sub(g, diag, outer(gk as string, scaled(x.k))) : diag;
    } else {
      const P = x.erase ? sub(g, eye, outer(x.k, scaled(x.k))) : eye;
      A = gate ? mul(g, P, gate) : P;
    }
  }

  const body = g.subgraph('step');
  const S = body.input(body.fresh('S_prev'));
  const Wt = body.input(body.fresh('w_t'));
  const At = A ? (Avaries ? body.input(body.fresh('a_t')) : A) : undefined;
  const gt = !A && gateValue ? body.input(body.fresh('g_t')) : undefined;
  let Snew: string;
  if (At) Snew = body.op('Gemm', [S, At, Wt]);
  else {
    const gg = x.gate.kind === 'power' ? x.gate.gamma : gt;
    Snew = add(body, gg ? mul(body, S, gg) : S, Wt);
  }
  body.output(Snew, body.fresh('S_next'));
  body.output(Snew, body.fresh('S_t'));

  const S0 = g.op('ConstantOfShape', [g.op('Concat', [dim(g, x.v, 1), dim(g, x.k, 1)], { axis: 0 })], zero);
  const scanned = [W, ...(A && Avaries ? [A] : []), ...(gt ? [gateValue as string] : [])];
  const [Sfinal, Sall] = g.opN('Scan', [S0, ...scanned], 2, { body, num_scan_inputs: scanned.length });

  // Everything else per step, batched over T. Broadcasts along a middle axis are slow in ORT's CPU
  // kernels, so row vectors are expanded to full size first and outer products are MatMuls.
  const full = g.op('Shape', [W]); // [T, d_v, d_k]
  const rowsOf = (a: string): string => g.op('Expand', [unsq(g, a, [1]), full]); // a_t as every row
  const matvec = (M: string, a: string): string => g.op('ReduceSum', [mul(g, M, rowsOf(a)), g.int([2])], { keepdims: 0 });
  const Sprev = g.op('Pad', [g.op('Slice', [Sall, g.int([0]), g.int([-1]), g.int([0])]), g.int([1, 0, 0, 0, 0, 0])]);
  const decayed = !gate
    ? Sprev
    : shape === 'column'
      ? mul(g, Sprev, g.op('Expand', [gate, full]))
      : mul(g, Sprev, gate);
  const recalled = matvec(decayed, x.k); // [T, d_v]
  const erase = x.erase ? outer(scaled(recalled), x.k) : g.op('ConstantOfShape', [full], zero);
  const o = matvec(Sall, x.q);

  g.output(o, 'o');
  g.output(Sfinal, 'S_final');
  g.output(Sall, 'S');
  g.output(decayed, 'decayed');
  g.output(erase, 'erase');
  g.output(W, 'write');
  g.output(recalled, 'recalled');
  return g;
}
