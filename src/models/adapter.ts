// Each mechanism's own inputs (docs/trace-cli.md) mapped, inside the graph, onto the one general rule
//   S_t = (S_{t−1} ⊙ G_t)(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ,   o_t = S_t q_t.
// The mapping is read off each mechanism's spec (src/core/registry.ts), as src/core/mechanisms.ts
// reads it for the float64 core. Every parameter (γ, gates, β, Δ, A) is a graph INPUT, never a
// baked-in constant, so one session serves every slider position and every T.
import { type Case, specOf } from '../core/cases';
import type { Dim, RuleKind, RuleMap } from '../core/registry';
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

/**
 * The general rule's inputs: q, k [T, d_k], v [T, d_v], β [T] (absent = 1), erase on/off, gate, and
 * an optional low-rank part a, b [T, d_k] of the transition: S_t = (S_{t−1} ⊙ G_t) + (S_{t−1} a_t) b_tᵀ + β_t v_t k_tᵀ.
 */
export interface RuleInputs {
  q: string;
  k: string;
  v: string;
  beta?: string;
  erase: boolean;
  gate: RuleGate;
  lowRank?: { a: string; b: string };
}

/** The gate differs per value channel (row / full): one weight matrix per channel, no single M. */
export const perValue = (gate: RuleGate): boolean => gate.kind === 'log' && (gate.shape === 'row' || gate.shape === 'full');
/** The gate differs per key dimension (column / full): decays cannot be pulled out of qᵀk. */
export const perKey = (gate: RuleGate): boolean => gate.kind === 'log' && (gate.shape === 'column' || gate.shape === 'full');

/** The mechanism's own tensors by their case names (q, k, v, gate, beta, gamma; x, B, C, dt, A). */
export type OwnTensors = Record<string, string>;

/** A field's graph dims: T, dk, dv (Mamba-1's state D × N keeps its own names). */
const DIM_NAMES: Record<RuleKind, Record<Dim, string>> = {
  cache: { T: 'T', dk: 'dk', dv: 'dv' },
  attention: { T: 'T', dk: 'dk', dv: 'dv' },
  ssd: { T: 'T', dk: 'dk', dv: 'dv' },
  selective: { T: 'T', dk: 'N', dv: 'D' },
};

/** The names and shapes of each mechanism's own inputs (the graph inputs `ruleInputs` declares). */
export function ownInputs(mechanism: RuleMechanism): [string, string[]][] {
  const spec = specOf(mechanism);
  const names = DIM_NAMES[spec.rule.kind];
  return Object.entries(spec.fields).map(([name, f]) => [name, f.dims.map((d) => names[d])]);
}

/** Declare the mechanism's own inputs on `g` and map them to the general rule. */
export function ruleInputs(g: Graph, mechanism: RuleMechanism): RuleInputs {
  const own: OwnTensors = {};
  for (const [name, dims] of ownInputs(mechanism)) own[name] = g.input(name, dims);
  return ruleFrom(g, mechanism, own);
}

type Need = (name: string) => string;

/** Each kind of rule map in graph ops (the same mappings as src/core/mechanisms.ts). */
const MAPPINGS: { [K in RuleKind]: (g: Graph, need: Need, rule: Extract<RuleMap, { kind: K }>) => RuleInputs } = {
  cache: () => {
    throw new Error('softmax attention is not a preset of the rule (src/models/softmax.ts builds its graphs)');
  },
  attention: (g, need, rule) => {
    const gate = ((): RuleGate => {
      const r = rule.gate;
      switch (r.shape) {
        case 'none':
          return { kind: 'none' };
        case 'constant':
          return { kind: 'power', gamma: need(r.field) };
        case 'scalar': {
          const value = unsq(g, need(r.field), [1, 2]);
          return { kind: 'log', shape: 'scalar', log: g.op('Log', [value]), value };
        }
        case 'column': {
          const value = unsq(g, need(r.field), [1]);
          return { kind: 'log', shape: 'column', log: g.op('Log', [value]), value };
        }
      }
    })();
    const lowRank = rule.lowRank && { a: need(rule.lowRank.a), b: need(rule.lowRank.b) };
    return { q: need('q'), k: need('k'), v: need('v'), beta: rule.beta ? need(rule.beta) : undefined, erase: rule.erase, gate, lowRank };
  },
  // Mamba-2 (SSD): log a_t = Δ_t A on the whole state, write (Δ_t x_t) B_tᵀ, read with C_t.
  ssd: (g, need) => {
    const dt = need('dt');
    const log = unsq(g, mul(g, dt, need('A')), [1, 2]);
    return { q: need('C'), k: need('B'), v: mul(g, need('x'), unsq(g, dt, [1])), erase: false, gate: { kind: 'log', shape: 'scalar', log } };
  },
  // Mamba-1 (S6): entry (d, n) decays by exp(Δ_{t,d} A_{d,n}); write (Δ_t ⊙ x_t) B_tᵀ; state D × N.
  selective: (g, need) => {
    const dt = need('dt');
    const log = mul(g, unsq(g, dt, [2]), need('A')); // [T, D, N]
    return { q: need('C'), k: need('B'), v: mul(g, dt, need('x')), erase: false, gate: { kind: 'log', shape: 'full', log } };
  },
};

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
  const rule = specOf(mechanism).rule;
  return (MAPPINGS[rule.kind] as (g: Graph, need: Need, rule: RuleMap) => RuleInputs)(g, need, rule);
}

/** The feeds for a case: exactly the inputs `ruleInputs` (or the softmax graphs) declare. */
export function caseFeeds(c: Case): Record<string, TensorData> {
  const values = c as unknown as Record<string, number | number[] | number[][]>;
  const feeds: Record<string, TensorData> = {};
  for (const [name, f] of Object.entries(specOf(c.mechanism).fields)) {
    const x = values[name];
    feeds[name] = f.dims.length === 0 ? scalarTensor(x as number) : f.dims.length === 1 ? vecTensor(x as number[]) : matTensor(x as number[][]);
  }
  return feeds;
}
