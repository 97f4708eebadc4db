// Recurrent view: a Scan whose body is one step of the general rule (src/core/rule.ts `step`),
// with every intermediate term as a per-step output for the figures to animate.
//   outputs: o [T, d_v], S_final [d_v, d_k], and per step S, decayed, erase, write [T, d_v, d_k],
//            recalled [T, d_v].
import { ruleInputs, type RuleMechanism } from './adapter';
import { floatTensor, Graph } from './graph';
import { add, dim, mm, mul, sub, unsq } from './ops';

export const RECURRENT_OUTPUTS = ['o', 'S_final', 'S', 'decayed', 'erase', 'write', 'recalled'] as const;

export function buildRecurrent(mechanism: RuleMechanism): Graph {
  const g = new Graph(`${mechanism}_recurrent`);
  const x = ruleInputs(g, mechanism);
  const gateValue =
    x.gate.kind === 'log' ? (x.gate.value ?? g.op('Exp', [x.gate.log])) : undefined; // [T, a, b]

  const body = g.subgraph('step');
  const S = body.input(body.fresh('S_prev'));
  const q = body.input(body.fresh('q_t'));
  const k = body.input(body.fresh('k_t'));
  const v = body.input(body.fresh('v_t'));
  const beta = x.beta ? body.input(body.fresh('beta_t')) : undefined;
  const gt = gateValue ? body.input(body.fresh('g_t')) : undefined;

  // S_{t−1} ⊙ G_t: G_t broadcasts ([] / [1,1] / [1,d_k] / [d_v,1] / [d_v,d_k]). RetNet's γ is read
  // from the outer graph directly (a Scan body may use outer-scope values).
  const gate = x.gate.kind === 'power' ? x.gate.gamma : gt;
  const decayed = gate ? mul(body, S, gate) : body.op('Identity', [S]);
  const recalled = mm(body, decayed, k); // [d_v]: what the memory held under k_t
  const outer = (a: string): string => mul(body, unsq(body, a, [1]), unsq(body, k, [0]));
  const scaled = (a: string): string => (beta ? mul(body, a, beta) : a);
  const write = outer(scaled(v));
  const erase = x.erase
    ? outer(scaled(recalled))
    : body.op('ConstantOfShape', [body.op('Shape', [decayed])], { value: { tensor: floatTensor([0], [1]) } });
  const Snew = add(body, sub(body, decayed, erase), write);
  const o = mm(body, Snew, q);

  body.output(Snew, body.fresh('S_next'));
  for (const [value, name] of [
    [Snew, 'S'],
    [decayed, 'decayed'],
    [erase, 'erase'],
    [write, 'write'],
    [recalled, 'recalled'],
    [o, 'o'],
  ])
    body.output(value, body.fresh(`${name}_t`));

  const S0 = g.op('ConstantOfShape', [g.op('Concat', [dim(g, x.v, 1), dim(g, x.k, 1)], { axis: 0 })], {
    value: { tensor: floatTensor([0], [1]) },
  });
  const scanned = [x.q, x.k, x.v, ...(x.beta ? [x.beta] : []), ...(gateValue ? [gateValue] : [])];
  const [Sfinal, Sall, decAll, eraseAll, writeAll, recAll, oAll] = g.opN('Scan', [S0, ...scanned], 7, {
    body,
    num_scan_inputs: scanned.length,
  });
  g.output(oAll, 'o');
  g.output(Sfinal, 'S_final');
  g.output(Sall, 'S');
  g.output(decAll, 'decayed');
  g.output(eraseAll, 'erase');
  g.output(writeAll, 'write');
  g.output(recAll, 'recalled');
  return g;
}
