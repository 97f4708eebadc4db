// Each mechanism as a preset of the one rule in rule.ts, read off its spec (registry.ts): which
// field is the gate and of what shape, which is β, erase on or off. The two state-space
// parametrisations are the only mappings written out by hand.
import type { Case } from './cases';
import type { Mat, Vec } from './linalg';
import { type RuleKind, type RuleMap, specOf } from './registry';
import type { Gate, MemoryProgram } from './rule';

type RuleCase = Exclude<Case, { mechanism: 'softmax_attention' }>;
type Fields = Record<string, number | Vec | Mat>;

const PROGRAMS: { [K in RuleKind]: (f: Fields, rule: Extract<RuleMap, { kind: K }>) => MemoryProgram } = {
  cache: () => {
    throw new Error('softmax attention keeps a cache, not a memory matrix: it is not a preset of the rule');
  },
  attention: (f, rule) => {
    const q = f.q as Mat;
    const k = f.k as Mat;
    const v = f.v as Mat;
    const g = rule.gate;
    const gateAt = (t: number): Gate => {
      switch (g.shape) {
        case 'none':
          return { shape: 'none' };
        case 'constant':
          return { shape: 'scalar', value: f[g.field] as number };
        case 'scalar':
          return { shape: 'scalar', value: (f[g.field] as Vec)[t] };
        case 'column':
          return { shape: 'column', value: (f[g.field] as Mat)[t] };
      }
    };
    const beta = rule.beta ? (f[rule.beta] as Vec) : undefined;
    const lr = rule.lowRank && { a: f[rule.lowRank.a] as Mat, b: f[rule.lowRank.b] as Mat };
    return {
      dk: q[0].length,
      dv: v[0].length,
      erase: rule.erase,
      steps: q.map((qt, t) => ({
        q: qt,
        k: k[t],
        v: v[t],
        beta: beta ? beta[t] : 1,
        gate: gateAt(t),
        ...(lr ? { lowRank: { a: lr.a[t], b: lr.b[t] } } : {}),
      })),
    };
  },
  // Mamba-2 (SSD): decay a_t = exp(Δ_t A) on the whole state, write (Δ_t x_t) B_tᵀ, read with C_t.
  ssd: (f) => {
    const [dt, A] = [f.dt as Vec, f.A as number];
    return stateSpaceProgram(f, (xt, t) => xt.map((xi) => dt[t] * xi), (t) => ({ shape: 'scalar', value: Math.exp(dt[t] * A) }));
  },
  // Mamba-1 (S6): every entry (d, n) decays by its own exp(Δ_{t,d} A_{d,n}); write (Δ_t ⊙ x_t) B_tᵀ.
  selective: (f) => {
    const [dt, A] = [f.dt as Mat, f.A as Mat];
    return stateSpaceProgram(
      f,
      (xt, t) => xt.map((xd, d) => dt[t][d] * xd),
      (t) => ({ shape: 'full', value: A.map((row, d) => row.map((a) => Math.exp(dt[t][d] * a))) }),
    );
  },
};

/** The state-space models in the rule's terms: C_t is the query, B_t the key, the scaled input the value. */
function stateSpaceProgram(f: Fields, value: (xt: Vec, t: number) => Vec, gate: (t: number) => Gate): MemoryProgram {
  const [x, B, C] = [f.x as Mat, f.B as Mat, f.C as Mat];
  return { dk: B[0].length, dv: x[0].length, erase: false, steps: x.map((xt, t) => ({ q: C[t], k: B[t], v: value(xt, t), beta: 1, gate: gate(t) })) };
}

export function toProgram(c: RuleCase): MemoryProgram {
  const rule = specOf(c.mechanism).rule;
  const build = PROGRAMS[rule.kind] as (f: Fields, r: RuleMap) => MemoryProgram;
  return build(c as unknown as Fields, rule);
}

/** One step's inputs as the figures label them: what the case itself holds at step t. */
export interface StepInputs {
  q?: Vec;
  k?: Vec;
  /** Absent for Mamba, whose value Δ_t x_t is a product the figure does not form. */
  v?: Vec;
  beta?: number;
  gate?: number | Vec;
}

const INPUTS_AT: { [K in RuleKind]: (f: Fields, t: number, rule: Extract<RuleMap, { kind: K }>) => StepInputs } = {
  cache: (f, t) => ({ q: (f.q as Mat)[t], k: (f.k as Mat)[t], v: (f.v as Mat)[t] }),
  attention: (f, t, rule) => {
    const out: StepInputs = { q: (f.q as Mat)[t], k: (f.k as Mat)[t], v: (f.v as Mat)[t] };
    if (rule.beta) out.beta = (f[rule.beta] as Vec)[t];
    const g = rule.gate;
    if (g.shape === 'constant') out.gate = f[g.field] as number;
    else if (g.shape !== 'none') out.gate = (f[g.field] as Vec | Mat)[t];
    return out;
  },
  ssd: (f, t) => ({ q: (f.C as Mat)[t], k: (f.B as Mat)[t] }),
  selective: (f, t) => ({ q: (f.C as Mat)[t], k: (f.B as Mat)[t] }),
};

/** The step's inputs, picked from the case (nothing is recomputed). */
export function stepInputs(c: Case, t: number): StepInputs {
  const rule = specOf(c.mechanism).rule;
  return (INPUTS_AT[rule.kind] as (f: Fields, t: number, r: RuleMap) => StepInputs)(c as unknown as Fields, t, rule);
}
