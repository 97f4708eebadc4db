// Each mechanism's own inputs (TRACE_CLI.md) mapped, inside the graph, onto the one general rule
//   S_t = (S_{t−1} ⊙ G_t)(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ,   o_t = S_t q_t.
// This file mirrors src/core/mechanisms.ts line for line. Every parameter (γ, gates, β, Δ, A) is a
// graph INPUT, never a baked-in constant, so one session serves every slider position and every T.
import type { Case } from '../core/cases';
import type { Graph } from './graph';
import { mul, unsq } from './ops';
import { matTensor, scalarTensor, vecTensor, type TensorData } from './tensors';

export type RuleMechanism = Exclude<Case['mechanism'], 'softmax_attention'>;
export type RuleCase = Exclude<Case, { mechanism: 'softmax_attention' }>;

/**
 * The forget gate G_t as the graph sees it.
 * - none: G = 1.
 * - power: one constant γ (RetNet). Decays are γ^{#steps}, computed with Pow so γ = 0 works (a log
 *   would be −∞). `count` (chunkwise only) marks real steps 1 and padding 0, so padding never decays.
 * - log: a per-step gate given by its logarithm `log`, shaped [T, a, b] with a ∈ {1, d_v} and
 *   b ∈ {1, d_k} so that it broadcasts against S (d_v × d_k):
 *   scalar [T,1,1], column [T,1,d_k], row [T,d_v,1], full [T,d_v,d_k]. Cumulative products become
 *   cumulative sums of logs. `value` (= exp(log), or the raw input) is what the recurrent view multiplies by.
 */
export type RuleGate =
  | { kind: 'none' }
  | { kind: 'power'; gamma: string; count?: string }
  | { kind: 'log'; shape: 'scalar' | 'column' | 'row' | 'full'; log: string; value?: string };

/** The general rule's inputs: q, k [T, d_k], v [T, d_v], β [T] (absent = 1), erase on/off, gate. */
export interface RuleInputs {
  q: string;
  k: string;
  v: string;
  beta?: string;
  erase: boolean;
  gate: RuleGate;
}

/** The gate differs per value channel (row / full): one weight matrix per channel, no single M. */
export const perValue = (gate: RuleGate): boolean => gate.kind === 'log' && (gate.shape === 'row' || gate.shape === 'full');
/** The gate differs per key dimension (column / full): decays cannot be pulled out of qᵀk. */
export const perKey = (gate: RuleGate): boolean => gate.kind === 'log' && (gate.shape === 'column' || gate.shape === 'full');

/** The mechanism's own tensors by their case names (q, k, v, gate, beta, gamma; x, B, C, dt, A). */
export type OwnTensors = Record<string, string>;

/** The names and shapes of each mechanism's own inputs (the graph inputs `ruleInputs` declares). */
export function ownInputs(mechanism: RuleMechanism): [string, string[]][] {
  switch (mechanism) {
    case 'mamba2':
      return [['x', ['T', 'dv']], ['B', ['T', 'dk']], ['C', ['T', 'dk']], ['dt', ['T']], ['A', []]];
    case 'mamba':
      return [['x', ['T', 'D']], ['dt', ['T', 'D']], ['A', ['D', 'N']], ['B', ['T', 'N']], ['C', ['T', 'N']]];
  }
  const own: [string, string[]][] = [['q', ['T', 'dk']], ['k', ['T', 'dk']], ['v', ['T', 'dv']]];
  if (mechanism === 'deltanet' || mechanism === 'gated_deltanet') own.push(['beta', ['T']]);
  if (mechanism === 'retnet') own.push(['gamma', []]);
  if (mechanism === 'gated_retention' || mechanism === 'gated_deltanet') own.push(['gate', ['T']]);
  if (mechanism === 'gla') own.push(['gate', ['T', 'dk']]);
  return own;
}

/** Declare the mechanism's own inputs on `g` and map them to the general rule. */
export function ruleInputs(g: Graph, mechanism: RuleMechanism): RuleInputs {
  const own: OwnTensors = {};
  for (const [name, dims] of ownInputs(mechanism)) own[name] = g.input(name, dims);
  return ruleFrom(g, mechanism, own);
}

/**
 * Map a mechanism's own tensors onto the general rule. They may be graph inputs (the course's
 * figures) or values computed inside a graph (a trained model's projections, src/models/trained.ts).
 */
export function ruleFrom(g: Graph, mechanism: RuleMechanism, t: OwnTensors): RuleInputs {
  const need = (name: string): string => {
    const v = t[name];
    if (!v) throw new Error(`${mechanism}: missing tensor "${name}"`);
    return v;
  };
  if (mechanism === 'mamba2') {
    // Mamba-2 (SSD): log a_t = Δ_t A on the whole state, write (Δ_t x_t) B_tᵀ, read with C_t.
    const dt = need('dt');
    const log = unsq(g, mul(g, dt, need('A')), [1, 2]);
    return { q: need('C'), k: need('B'), v: mul(g, need('x'), unsq(g, dt, [1])), erase: false, gate: { kind: 'log', shape: 'scalar', log } };
  }
  if (mechanism === 'mamba') {
    // Mamba-1 (S6): entry (d, n) decays by exp(Δ_{t,d} A_{d,n}); write (Δ_t ⊙ x_t) B_tᵀ; state D × N.
    const dt = need('dt');
    const log = mul(g, unsq(g, dt, [2]), need('A')); // [T, D, N]
    return { q: need('C'), k: need('B'), v: mul(g, dt, need('x')), erase: false, gate: { kind: 'log', shape: 'full', log } };
  }
  const erase = mechanism === 'deltanet' || mechanism === 'gated_deltanet';
  const gate = ((): RuleGate => {
    switch (mechanism) {
      case 'retnet':
        return { kind: 'power', gamma: need('gamma') };
      case 'gated_retention':
      case 'gated_deltanet': {
        const value = unsq(g, need('gate'), [1, 2]);
        return { kind: 'log', shape: 'scalar', log: g.op('Log', [value]), value };
      }
      case 'gla': {
        const value = unsq(g, need('gate'), [1]);
        return { kind: 'log', shape: 'column', log: g.op('Log', [value]), value };
      }
      default:
        return { kind: 'none' };
    }
  })();
  return { q: need('q'), k: need('k'), v: need('v'), beta: erase ? need('beta') : undefined, erase, gate };
}

/** The feeds for a case: exactly the inputs `ruleInputs` (or the softmax graphs) declare. */
export function caseFeeds(c: Case): Record<string, TensorData> {
  switch (c.mechanism) {
    case 'mamba2':
      return { x: matTensor(c.x), B: matTensor(c.B), C: matTensor(c.C), dt: vecTensor(c.dt), A: scalarTensor(c.A) };
    case 'mamba':
      return { x: matTensor(c.x), dt: matTensor(c.dt), A: matTensor(c.A), B: matTensor(c.B), C: matTensor(c.C) };
  }
  const feeds: Record<string, TensorData> = { q: matTensor(c.q), k: matTensor(c.k), v: matTensor(c.v) };
  switch (c.mechanism) {
    case 'retnet':
      feeds.gamma = scalarTensor(c.gamma);
      break;
    case 'gated_retention':
      feeds.gate = vecTensor(c.gate);
      break;
    case 'gla':
      feeds.gate = matTensor(c.gate);
      break;
    case 'deltanet':
      feeds.beta = vecTensor(c.beta);
      break;
    case 'gated_deltanet':
      feeds.beta = vecTensor(c.beta);
      feeds.gate = vecTensor(c.gate);
      break;
  }
  return feeds;
}
