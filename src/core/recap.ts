// Chapter 10's recap table: every mechanism of the course, one row each. The rule's settings (gate
// shape, whether the gate or β changes per step, erase on/off, state size) are READ OFF the program
// that toProgram builds from a real case, so the table cannot disagree with the engine. Costs and
// examples are each spec's recap facts (registry.ts); what each forgets is in its strings.
import { caseSizes, keepsCache, type Case, type Mechanism } from './cases';
import { MECHANISM_SPECS, MECHANISMS, type RecapFacts } from './registry';
import { toProgram } from './mechanisms';
import { randomCase } from './random';
import type { Gate, GateShape } from './rule';

export type { RecapFacts, TrainingCost, InferenceCost } from './registry';

/** Every mechanism's chapter-10 facts, from its spec. */
export const RECAP_FACTS = Object.fromEntries(MECHANISMS.map((m) => [m, MECHANISM_SPECS[m].recap])) as Record<Mechanism, RecapFacts>;

/** Rows in the order the course meets them. */
export const RECAP_ORDER: readonly Mechanism[] = [...MECHANISMS].sort((a, b) => RECAP_FACTS[a].row - RECAP_FACTS[b].row);

/** The rule's settings as the engine runs them. */
export interface RuleShape {
  /** 'cache' for softmax attention, which is not a preset of the rule. */
  gate: GateShape | 'cache';
  /** The gate takes different values at different steps (a model computes it from x_t). */
  gateVaries: boolean;
  /** Something is erased: the delta rule's erase term, or a low-rank transition. */
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
    // A low-rank transition (RWKV-7's a bᵀ) erases too, along a_t instead of k_t.
    erase: program.erase || program.steps.some((s) => s.lowRank !== undefined),
    betaVaries: program.steps.some((s) => s.beta !== first.beta),
  };
}

/** How many numbers the layer must keep after t steps: S (d_v × d_k), or softmax's cache of t keys and values. */
export function stateSize(c: Case, t: number): number {
  const { dk, dv } = caseSizes(c);
  return keepsCache(c.mechanism) ? t * (dk + dv) : dv * dk;
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
