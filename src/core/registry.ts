// Every mechanism of the course, one spec each: its case fields and their ranges, how those fields
// drive the one rule (rule.ts), a random case, the playground's knobs, its chapter-10 facts and its
// colour. Parsing, the trace command, the playground, the recap table, the cost counter, the bench
// plan and the ONNX graphs are all derived from this table, so a mechanism is added here and nowhere
// else in the code (its words live in src/app/mechanismStrings.ts).
import type { Mat, Vec } from './linalg';
import { randomMatrix, randomVector, type Rng, uniform, unitRows } from './rng';

/** The sizes a field's axes are measured in. Mamba's channels D are d_v and its state size N is d_k. */
export type Dim = 'T' | 'dk' | 'dv';

/** The allowed ranges of a field's numbers (an entry's range, for vectors and matrices). */
export const RANGES = {
  unitOpen: { min: 0, max: 1, minOpen: true, text: 'in (0, 1]' },
  unitClosed: { min: 0, max: 1, text: 'in [0, 1]' },
  beta: { min: 0, max: 2, text: 'in [0, 2]' },
  positive: { min: 0, minOpen: true, text: 'greater than 0' },
  nonPositive: { max: 0, text: '≤ 0' },
  negative: { max: 0, maxOpen: true, text: 'less than 0' },
} as const satisfies Record<string, { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean; text: string }>;
export type RangeName = keyof typeof RANGES;

/** One case field: its axes ([] a number, [T] a vector, [T, d_k] a matrix) and its entries' range. */
export interface FieldSpec {
  readonly dims: readonly Dim[];
  readonly range?: RangeName;
}
export type Fields = Readonly<Record<string, FieldSpec>>;

type ValueOf<F extends FieldSpec> = F['dims'] extends readonly [] ? number : F['dims'] extends readonly [Dim] ? Vec : Mat;
/** The values of a spec's fields, typed by their axes. */
export type FieldValues<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

/**
 * How a mechanism's fields drive the one rule.
 * - cache: not a preset of the rule (softmax attention keeps every key and value).
 * - attention: q, k, v read, keyed and written as they are; a forget gate taken from one field
 *   (constant: one number for every step; scalar: one per step [T]; column: one per key dimension
 *   [T, d_k]), β from a field (else 1), and the delta rule's erase on or off. `lowRank` names two
 *   [T, d_k] fields a, b that make the transition diagonal-plus-low-rank: S_{t−1}(diag(w_t) + a_t b_tᵀ).
 * - ssd (Mamba-2) and selective (Mamba-1): the state-space parametrisation; src/core/mechanisms.ts
 *   and src/models/adapter.ts each hold their one mapping.
 */
export type GateFrom =
  | { shape: 'none' }
  | { shape: 'constant'; field: string }
  | { shape: 'scalar'; field: string }
  | { shape: 'column'; field: string };
export type RuleMap =
  | { kind: 'cache' }
  | { kind: 'attention'; gate: GateFrom; beta?: string; erase: boolean; lowRank?: { a: string; b: string } }
  | { kind: 'ssd' }
  | { kind: 'selective' };
export type RuleKind = RuleMap['kind'];

/** How training processes a length-T sequence. */
export type TrainingCost = 'quadratic' | 'chunkwise' | 'scan';
/** What each new token costs at generation time. */
export type InferenceCost = 'grows' | 'constant';

/** Chapter 10's facts about a mechanism (what it forgets is in its strings). */
export interface RecapFacts {
  /** The chapter that teaches it. */
  chapter: number;
  /** Its row in the recap table (the order the course meets them). */
  row: number;
  training: TrainingCost;
  inference: InferenceCost;
  /** The update in the course's notation (KaTeX, with the course's colour macros). */
  formula: string;
  /** Published models of this shape named in the lecture's tables. */
  examples: string[];
}

export interface Sizes {
  T: number;
  dk: number;
  dv: number;
}

/** The playground's two knobs, as a spec's `tune` receives them. */
export interface Knobs {
  /** How much memory survives one step, in (0, 1]. */
  level: number;
  /** The delta rule's write strength. */
  beta: number;
  /** A fresh gate in [level, 1] (its own random stream). */
  gateIn: () => number;
  /** The knobs' own random stream (for spreads around the level). */
  r: Rng;
}

/** What the playground's gate knob means for this mechanism (picks its help text). */
export type GateKnob = 'constant' | 'gated' | 'ssd' | 'selective';

/** A mechanism's colour token, e.g. '--mech-deltanet' (its value lives in src/styles/tokens.css). */
export type MechanismColorToken = `--mech-${string}`;

export interface MechanismSpec<F extends Fields = Fields> {
  /** The case's fields, in the order they are checked. */
  readonly fields: F;
  readonly rule: RuleMap;
  /** A valid random case in the lecture's ranges (gates in (0.5, 1), unit keys for the delta rule…). */
  random(r: Rng, size: Sizes): FieldValues<F>;
  /** The playground's knobs applied to a random case. */
  tune(c: FieldValues<F>, knobs: Knobs): FieldValues<F>;
  /** The read and key fields the structured presets ('one-hot', 'repeat') set to axis vectors. */
  readonly axes: readonly [string, string];
  /** Which knobs the playground shows. */
  readonly knobs: { gate: GateKnob | null; beta: boolean };
  /** The sizes' names: d_k / d_v, or the state-space N / D. */
  readonly sizeWords: 'attention' | 'stateSpace';
  readonly recap: RecapFacts;
  /** Its line colour on plots that compare mechanisms: a token of src/styles/tokens.css. */
  readonly color: MechanismColorToken;
}

/** q, k, v: every attention-style mechanism's first three fields. */
const ATTN = { q: { dims: ['T', 'dk'] }, k: { dims: ['T', 'dk'] }, v: { dims: ['T', 'dv'] } } as const;
type Attn = typeof ATTN;

/** How the random case draws a field of each range (gates in (0.5, 1); β in (0.05, 0.95)). */
const DRAW: Partial<Record<RangeName, (r: Rng) => number>> = {
  unitOpen: (r) => uniform(r, 0.5, 1),
  unitClosed: (r) => uniform(r, 0.5, 1),
  beta: (r) => uniform(r, 0.05, 0.95),
};

const sizeOf = (d: Dim, s: Sizes): number => s[d];

function fill(dims: readonly Dim[], s: Sizes, f: () => number): number | Vec | Mat {
  if (dims.length === 0) return f();
  if (dims.length === 1) return Array.from({ length: sizeOf(dims[0], s) }, f);
  return Array.from({ length: sizeOf(dims[0], s) }, () => Array.from({ length: sizeOf(dims[1], s) }, f));
}

function sameShape(x: number | Vec | Mat, f: () => number): number | Vec | Mat {
  if (typeof x === 'number') return f();
  return (x as (number | Vec)[]).map((e) => (typeof e === 'number' ? f() : e.map(f))) as Vec | Mat;
}

/**
 * A preset of the one rule on q, k, v: everything but the gate, β and erase follows. The random case
 * draws q, k, v (unit keys when erase is on, so each step is a contraction), then the other fields
 * in order; the gate knob sets a constant gate to the level and draws per-step gates in [level, 1].
 */
function attention<const F extends Fields>(o: {
  fields: F;
  gate: GateFrom;
  beta?: keyof F & string;
  erase: boolean;
  lowRank?: { a: keyof F & string; b: keyof F & string };
  recap: RecapFacts;
  color: MechanismColorToken;
}): MechanismSpec<Attn & F> {
  const fields = { ...ATTN, ...o.fields } as Attn & F;
  const gateField = o.gate.shape === 'none' ? undefined : o.gate.field;
  return {
    fields,
    rule: { kind: 'attention', gate: o.gate, beta: o.beta, erase: o.erase, lowRank: o.lowRank },
    random(r, s) {
      const out: Record<string, number | Vec | Mat> = {
        q: randomMatrix(r, s.T, s.dk, 1 / Math.sqrt(s.dk)),
        k: o.erase ? unitRows(randomMatrix(r, s.T, s.dk)) : randomMatrix(r, s.T, s.dk, 1 / Math.sqrt(s.dk)),
        v: randomMatrix(r, s.T, s.dv),
      };
      for (const [name, f] of Object.entries(o.fields)) {
        const draw = f.range && DRAW[f.range];
        out[name] = fill(f.dims, s, draw ? () => draw(r) : () => randomVector(r, 1)[0]);
      }
      return out as FieldValues<Attn & F>;
    },
    tune(c, k) {
      const out: Record<string, unknown> = { ...c };
      if (gateField) out[gateField] = o.gate.shape === 'constant' ? k.level : sameShape(out[gateField] as Vec, k.gateIn);
      if (o.beta) out[o.beta] = sameShape(out[o.beta] as Vec, () => k.beta);
      return out as FieldValues<Attn & F>;
    },
    axes: ['q', 'k'],
    knobs: { gate: o.gate.shape === 'none' ? null : o.gate.shape === 'constant' ? 'constant' : 'gated', beta: !!o.beta },
    sizeWords: 'attention',
    recap: o.recap,
    color: o.color,
  };
}

/** Mean of the random Δ_t (uniform in (0.05, 0.5)): the step a gate level is calibrated on. */
export const TYPICAL_DT = 0.275;

const SSD_FIELDS = {
  x: { dims: ['T', 'dv'] },
  B: { dims: ['T', 'dk'] },
  C: { dims: ['T', 'dk'] },
  dt: { dims: ['T'], range: 'positive' },
  A: { dims: [], range: 'nonPositive' },
} as const;

const SELECTIVE_FIELDS = {
  x: { dims: ['T', 'dv'] },
  B: { dims: ['T', 'dk'] },
  C: { dims: ['T', 'dk'] },
  dt: { dims: ['T', 'dv'], range: 'positive' },
  A: { dims: ['dv', 'dk'], range: 'negative' },
} as const;

const ssd: MechanismSpec<typeof SSD_FIELDS> = {
  fields: SSD_FIELDS,
  rule: { kind: 'ssd' },
  random: (r, { T, dk, dv }) => ({
    x: randomMatrix(r, T, dv),
    B: randomMatrix(r, T, dk),
    C: randomMatrix(r, T, dk),
    dt: Array.from({ length: T }, () => uniform(r, 0.05, 0.5)),
    A: -uniform(r, 0.5, 1.5),
  }),
  // A = ln(level)/Δ̄, so a typical step decays by exp(Δ̄ A) = level.
  tune: (c, k) => ({ ...c, A: Math.log(k.level) / TYPICAL_DT }),
  axes: ['C', 'B'],
  knobs: { gate: 'ssd', beta: false },
  sizeWords: 'stateSpace',
  recap: {
    chapter: 6,
    row: 5,
    training: 'chunkwise',
    inference: 'constant',
    formula: 'S_t = e^{\\Delta_t A}\\, S_{t-1} + (\\Delta_t x_t)\\, B_t^\\top,\\quad o_t = S_t C_t',
    examples: ['Mamba-2', 'Codestral Mamba'],
  },
  color: '--mech-mamba2',
};

const selective: MechanismSpec<typeof SELECTIVE_FIELDS> = {
  fields: SELECTIVE_FIELDS,
  rule: { kind: 'selective' },
  // Drawn in this order (x, dt, A, B, C) so that seeds keep their numbers.
  random: (r, { T, dk, dv }) => {
    const x = randomMatrix(r, T, dv);
    const dt = Array.from({ length: T }, () => Array.from({ length: dv }, () => uniform(r, 0.05, 0.5)));
    const A = Array.from({ length: dv }, () => Array.from({ length: dk }, () => -uniform(r, 0.1, 2)));
    return { x, dt, A, B: randomMatrix(r, T, dk), C: randomMatrix(r, T, dk) };
  },
  // A_{d,n} = w_{d,n} ln(level)/Δ̄ with w in [0.5, 1.5]; the level stays below 1 so A stays below 0.
  tune: (c, k) => {
    const level = Math.min(k.level, 0.999);
    return { ...c, A: c.A.map((row) => row.map(() => (uniform(k.r, 0.5, 1.5) * Math.log(level)) / TYPICAL_DT)) };
  },
  axes: ['C', 'B'],
  knobs: { gate: 'selective', beta: false },
  sizeWords: 'stateSpace',
  recap: {
    chapter: 9,
    row: 11,
    training: 'scan',
    inference: 'constant',
    formula: 'S_t = \\exp(\\Delta_t \\mathbf{1}^\\top \\odot A) \\odot S_{t-1} + (\\Delta_t \\odot x_t)\\, B_t^\\top,\\quad o_t = S_t C_t',
    examples: ['Mamba', 'Falcon Mamba'],
  },
  color: '--mech-mamba',
};

const SPECS = {
  linear_attention: attention({
    fields: {},
    gate: { shape: 'none' },
    erase: false,
    recap: { chapter: 2, row: 2, training: 'chunkwise', inference: 'constant', formula: 'S_t = S_{t-1} + \\vv_t \\kk_t^\\top', examples: ['Linear Transformer'] },
    color: '--mech-linear_attention',
  }),
  softmax_attention: {
    ...attention({
      fields: {},
      gate: { shape: 'none' },
      erase: false,
      recap: {
        chapter: 4,
        row: 1,
        training: 'quadratic',
        inference: 'grows',
        formula: 'o_t = \\textstyle\\sum_{s \\le t} \\operatorname{softmax}_s(\\qq_t^\\top \\kk_s)\\, \\vv_s',
        examples: ['Transformer'],
      },
      color: '--mech-softmax_attention',
    }),
    rule: { kind: 'cache' } as const,
  },
  retnet: attention({
    fields: { gamma: { dims: [], range: 'unitClosed' } },
    gate: { shape: 'constant', field: 'gamma' },
    erase: false,
    recap: { chapter: 5, row: 3, training: 'chunkwise', inference: 'constant', formula: 'S_t = \\gam\\, S_{t-1} + \\vv_t \\kk_t^\\top', examples: ['RetNet'] },
    color: '--mech-retnet',
  }),
  gated_retention: attention({
    fields: { gate: { dims: ['T'], range: 'unitOpen' } },
    gate: { shape: 'scalar', field: 'gate' },
    erase: false,
    recap: { chapter: 6, row: 4, training: 'chunkwise', inference: 'constant', formula: 'S_t = \\gam_t\\, S_{t-1} + \\vv_t \\kk_t^\\top', examples: ['Gated Retention', 'mLSTM'] },
    color: '--mech-gated_retention',
  }),
  gla: attention({
    fields: { gate: { dims: ['T', 'dk'], range: 'unitOpen' } },
    gate: { shape: 'column', field: 'gate' },
    erase: false,
    recap: {
      chapter: 7,
      row: 6,
      training: 'chunkwise',
      inference: 'constant',
      formula: 'S_t = S_{t-1} \\operatorname{Diag}(\\alpha_t) + \\vv_t \\kk_t^\\top',
      examples: ['GLA', 'RWKV-6', 'HGRN-2'],
    },
    color: '--mech-gla',
  }),
  deltanet: attention({
    fields: { beta: { dims: ['T'], range: 'beta' } },
    gate: { shape: 'none' },
    beta: 'beta',
    erase: true,
    recap: {
      chapter: 8,
      row: 7,
      training: 'chunkwise',
      inference: 'constant',
      formula: 'S_t = S_{t-1}(I - \\bet_t \\kk_t \\kk_t^\\top) + \\bet_t \\vv_t \\kk_t^\\top',
      examples: ['DeltaNet'],
    },
    color: '--mech-deltanet',
  }),
  gated_deltanet: attention({
    fields: { beta: { dims: ['T'], range: 'beta' }, gate: { dims: ['T'], range: 'unitOpen' } },
    gate: { shape: 'scalar', field: 'gate' },
    beta: 'beta',
    erase: true,
    recap: {
      chapter: 8,
      row: 8,
      training: 'chunkwise',
      inference: 'constant',
      formula: 'S_t = \\alpha_t S_{t-1}(I - \\bet_t \\kk_t \\kk_t^\\top) + \\bet_t \\vv_t \\kk_t^\\top',
      examples: ['Gated DeltaNet'],
    },
    color: '--mech-gated_deltanet',
  }),
  // Kimi Delta Attention: Gated DeltaNet whose forget gate has one factor per key dimension (GLA's).
  kda: attention({
    fields: { beta: { dims: ['T'], range: 'beta' }, gate: { dims: ['T', 'dk'], range: 'unitOpen' } },
    gate: { shape: 'column', field: 'gate' },
    beta: 'beta',
    erase: true,
    recap: {
      chapter: 8,
      row: 9,
      training: 'chunkwise',
      inference: 'constant',
      formula: 'S_t = S_{t-1} \\operatorname{Diag}(\\alpha_t)(I - \\bet_t \\kk_t \\kk_t^\\top) + \\bet_t \\vv_t \\kk_t^\\top',
      examples: ['Kimi Linear'],
    },
    color: '--mech-kda',
  }),
  // RWKV-7: the generalized delta rule, a diagonal-plus-low-rank transition diag(w_t) + a_t b_tᵀ.
  rwkv7: {
    ...attention({
      fields: { w: { dims: ['T', 'dk'], range: 'unitOpen' }, a: { dims: ['T', 'dk'] }, b: { dims: ['T', 'dk'] } },
      gate: { shape: 'column', field: 'w' },
      erase: false,
      lowRank: { a: 'a', b: 'b' },
      recap: {
        chapter: 8,
        row: 10,
        training: 'chunkwise',
        inference: 'constant',
        formula: 'S_t = S_{t-1}\\big(\\operatorname{Diag}(w_t) + a_t b_t^\\top\\big) + \\vv_t \\kk_t^\\top',
        examples: ['RWKV-7'],
      },
      color: '--mech-rwkv7',
    }),
    // As RWKV-7 draws them: a = −κ and b = α ⊙ κ for a unit κ and α in (0, 1), so the low-rank part
    // removes a share of what is stored along κ, as the delta rule does along k (and long random
    // sequences stay bounded).
    random: (r: Rng, { T, dk, dv }: Sizes) => {
      const q = randomMatrix(r, T, dk, 1 / Math.sqrt(dk));
      const k = randomMatrix(r, T, dk, 1 / Math.sqrt(dk));
      const v = randomMatrix(r, T, dv);
      const w = Array.from({ length: T }, () => Array.from({ length: dk }, () => uniform(r, 0.5, 1)));
      const kappa = unitRows(randomMatrix(r, T, dk));
      const alpha = Array.from({ length: T }, () => Array.from({ length: dk }, () => uniform(r, 0.05, 0.95)));
      return { q, k, v, w, a: kappa.map((row) => row.map((x) => -x)), b: kappa.map((row, t) => row.map((x, j) => alpha[t][j] * x)) };
    },
  },
  mamba2: ssd,
  mamba: selective,
};

export type Mechanism = keyof typeof SPECS;
export type FieldsOf<M extends Mechanism> = (typeof SPECS)[M]['fields'];

type Flat<T> = { [K in keyof T]: T[K] };
/** One mechanism's case: its name and its fields. */
export type CaseOf<M extends Mechanism> = M extends Mechanism ? Flat<{ mechanism: M } & FieldValues<FieldsOf<M>>> : never;
/** The input of any mechanism. */
export type Case = CaseOf<Mechanism>;

/** Every mechanism's spec. The type makes every one carry every part. */
export const MECHANISM_SPECS: { readonly [M in Mechanism]: MechanismSpec<FieldsOf<M>> } = SPECS;

/** The mechanisms in the course's menu order. */
export const MECHANISMS = Object.keys(SPECS) as Mechanism[];

/** A spec with its field types forgotten, for code that walks any mechanism's fields. */
export function specOf(m: Mechanism): MechanismSpec {
  return MECHANISM_SPECS[m] as unknown as MechanismSpec;
}

/** The transition has a low-rank part (the delta rule's erase, or its own a bᵀ): the parallel form solves a triangular system. */
export const solvesTriangular = (m: Mechanism): boolean => {
  const rule = specOf(m).rule;
  return rule.kind === 'attention' && (rule.erase || !!rule.lowRank);
};

/** The delta rule's erase term is on (DeltaNet's family). */
export const erases = (m: Mechanism): boolean => {
  const rule = specOf(m).rule;
  return rule.kind === 'attention' && rule.erase;
};

/** How the forget gate varies across the state, as the cost and graph sizes see it. */
export function gateSpread(m: Mechanism): 'shared' | 'perKey' | 'perEntry' {
  const rule = specOf(m).rule;
  if (rule.kind === 'selective') return 'perEntry';
  return rule.kind === 'attention' && rule.gate.shape === 'column' ? 'perKey' : 'shared';
}

/** Softmax attention: no memory matrix, a cache that grows with the sequence. */
export const keepsCache = (m: Mechanism): boolean => specOf(m).rule.kind === 'cache';

/** The memory fades (some forget gate is on). */
export function fades(m: Mechanism): boolean {
  const rule = specOf(m).rule;
  if (rule.kind === 'attention') return rule.gate.shape !== 'none';
  return rule.kind !== 'cache';
}
