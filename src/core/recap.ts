// Chapter 10's recap table: every mechanism of the course, one row each. The rule's settings (gate
// shape, whether the gate or β changes per step, erase on/off, state size) are READ OFF the program
// that toProgram builds from a real case, so the table cannot disagree with the engine. Costs and
// "what it forgets" are facts about each family, kept here as data.
import { caseSizes, type Case, type Mechanism } from './cases';
import { toProgram } from './mechanisms';
import { randomCase } from './random';
import type { Gate, GateShape } from './rule';

/** Rows in the order the course meets them. */
export const RECAP_ORDER = [
  'softmax_attention',
  'linear_attention',
  'retnet',
  'gated_retention',
  'mamba2',
  'gla',
  'deltanet',
  'gated_deltanet',
  'mamba',
] as const satisfies readonly Mechanism[];

/** How training processes a length-T sequence. */
export type TrainingCost = 'quadratic' | 'chunkwise' | 'scan';
/** What each new token costs at generation time. */
export type InferenceCost = 'grows' | 'constant';
/** What the memory can lose, and how. */
export type Forgetting =
  | 'keeps-all' // softmax: every token stays in the cache
  | 'never' // linear attention: writes only add up
  | 'fixed-fade' // RetNet: one constant γ
  | 'step-fade' // gated retention, Mamba-2: one γ_t per step
  | 'column-fade' // GLA: one factor per key dimension
  | 'entry-fade' // Mamba-1: one factor per entry
  | 'overwrite' // DeltaNet: replace along k_t
  | 'overwrite-fade'; // Gated DeltaNet: both

export interface RecapFacts {
  /** The chapter that teaches it. */
  chapter: number;
  training: TrainingCost;
  inference: InferenceCost;
  forgets: Forgetting;
  /** The update in the course's notation (KaTeX, with the course's colour macros). */
  formula: string;
  /** Published models of this shape named in the lecture's tables. */
  examples: string[];
}

export const RECAP_FACTS: Record<Mechanism, RecapFacts> = {
  softmax_attention: {
    chapter: 4,
    training: 'quadratic',
    inference: 'grows',
    forgets: 'keeps-all',
    formula: 'o_t = \\textstyle\\sum_{s \\le t} \\operatorname{softmax}_s(\\qq_t^\\top \\kk_s)\\, \\vv_s',
    examples: ['Transformer'],
  },
  linear_attention: {
    chapter: 2,
    training: 'chunkwise',
    inference: 'constant',
    forgets: 'never',
    formula: 'S_t = S_{t-1} + \\vv_t \\kk_t^\\top',
    examples: ['Linear Transformer'],
  },
  retnet: {
    chapter: 5,
    training: 'chunkwise',
    inference: 'constant',
    forgets: 'fixed-fade',
    formula: 'S_t = \\gam\\, S_{t-1} + \\vv_t \\kk_t^\\top',
    examples: ['RetNet'],
  },
  gated_retention: {
    chapter: 6,
    training: 'chunkwise',
    inference: 'constant',
    forgets: 'step-fade',
    formula: 'S_t = \\gam_t\\, S_{t-1} + \\vv_t \\kk_t^\\top',
    examples: ['Gated Retention', 'mLSTM'],
  },
  mamba2: {
    chapter: 6,
    training: 'chunkwise',
    inference: 'constant',
    forgets: 'step-fade',
    formula: 'S_t = e^{\\Delta_t A}\\, S_{t-1} + (\\Delta_t x_t)\\, B_t^\\top,\\quad o_t = S_t C_t',
    examples: ['Mamba-2', 'Codestral Mamba'],
  },
  gla: {
    chapter: 7,
    training: 'chunkwise',
    inference: 'constant',
    forgets: 'column-fade',
    formula: 'S_t = S_{t-1} \\operatorname{Diag}(\\alpha_t) + \\vv_t \\kk_t^\\top',
    examples: ['GLA', 'RWKV-6', 'HGRN-2'],
  },
  deltanet: {
    chapter: 8,
    training: 'chunkwise',
    inference: 'constant',
    forgets: 'overwrite',
    formula: 'S_t = S_{t-1}(I - \\bet_t \\kk_t \\kk_t^\\top) + \\bet_t \\vv_t \\kk_t^\\top',
    examples: ['DeltaNet'],
  },
  gated_deltanet: {
    chapter: 8,
    training: 'chunkwise',
    inference: 'constant',
    forgets: 'overwrite-fade',
    formula: 'S_t = \\alpha_t S_{t-1}(I - \\bet_t \\kk_t \\kk_t^\\top) + \\bet_t \\vv_t \\kk_t^\\top',
    examples: ['Gated DeltaNet'],
  },
  mamba: {
    chapter: 9,
    training: 'scan',
    inference: 'constant',
    forgets: 'entry-fade',
    formula: 'S_t = \\exp(\\Delta_t \\mathbf{1}^\\top \\odot A) \\odot S_{t-1} + (\\Delta_t \\odot x_t)\\, B_t^\\top,\\quad o_t = S_t C_t',
    examples: ['Mamba', 'Falcon Mamba'],
  },
};

/** The rule's settings as the engine runs them. */
export interface RuleShape {
  /** 'cache' for softmax attention, which is not a preset of the rule. */
  gate: GateShape | 'cache';
  /** The gate takes different values at different steps (a model computes it from x_t). */
  gateVaries: boolean;
  /** The delta rule's erase term is on. */
  erase: boolean;
  /** β_t takes different values at different steps (otherwise it is 1). */
  betaVaries: boolean;
}

const gateValues = (g: Gate): number[] => {
  switch (g.shape) {
    case 'none':
      return [];
    case 'scalar':
      return [g.value];
    case 'column':
    case 'row':
      return g.value;
    case 'full':
      return g.value.flat();
  }
};

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function ruleShape(c: Case): RuleShape {
  if (c.mechanism === 'softmax_attention') return { gate: 'cache', gateVaries: false, erase: false, betaVaries: false };
  const program = toProgram(c);
  const first = program.steps[0];
  return {
    gate: first.gate.shape,
    gateVaries: program.steps.some((s) => !same(gateValues(s.gate), gateValues(first.gate))),
    erase: program.erase,
    betaVaries: program.steps.some((s) => s.beta !== first.beta),
  };
}

/** How many numbers the layer must keep after t steps: S (d_v × d_k), or softmax's cache of t keys and values. */
export function stateSize(c: Case, t: number): number {
  const { dk, dv } = caseSizes(c);
  return c.mechanism === 'softmax_attention' ? t * (dk + dv) : dv * dk;
}

/** The small random case each row runs live (T = 6, d_k = d_v = 3). */
export const RECAP_SIZES = { T: 6, dk: 3, dv: 3 } as const;

export function recapCase(mechanism: Mechanism, seed = 1): Case {
  return randomCase(mechanism, { ...RECAP_SIZES, seed });
}

export interface RecapRow extends RecapFacts, RuleShape {
  mechanism: Mechanism;
  /** State size after the sample case's T steps. */
  stateAtT: number;
}

export function recapRows(seed = 1): RecapRow[] {
  return RECAP_ORDER.map((mechanism) => {
    const c = recapCase(mechanism, seed);
    return { mechanism, ...RECAP_FACTS[mechanism], ...ruleShape(c), stateAtT: stateSize(c, RECAP_SIZES.T) };
  });
}
