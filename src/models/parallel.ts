// Parallel view: the whole sequence as one block (block.ts) with S₀ = 0. No Scan, Loop, Trilu or
// CumSum, so the WebGPU EP can run all of it.
//   inputs: the mechanism's own (adapter.ts), any T
//   outputs: o [T, d_v], S_final [d_v, d_k], M [T, T] (O = M V; omitted for row / full gates)
import { gateSpread } from '../core/cases';
import { ruleInputs, type RuleMechanism } from './adapter';
import { block } from './block';
import { Graph } from './graph';
import { dynamicPositions } from './ops';

/** `factors`: levels of the delta family's doubling inverse; the graph is exact for T ≤ 2^factors. */
export function buildParallel(mechanism: RuleMechanism, factors: number): Graph {
  const g = new Graph(`${mechanism}_parallel`);
  const x = ruleInputs(g, mechanism);
  const out = block(g, { ...x, weights: true }, dynamicPositions(g, x.q, factors));
  g.output(out.o, 'o');
  g.output(out.S, 'S_final');
  if (out.M) g.output(out.M, 'M');
  return g;
}

/** The parallel graph's outputs for a mechanism (M only where one matrix serves every value channel). */
export function parallelOutputs(mechanism: RuleMechanism): string[] {
  return gateSpread(mechanism) === 'perEntry' ? ['o', 'S_final'] : ['o', 'S_final', 'M'];
}
