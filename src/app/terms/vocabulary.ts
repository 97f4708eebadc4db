// Formula ↔ figure highlighting (issue #16, item 2): the terms a displayed formula can name, and
// where each one is drawn in a chapter's figure. This is the one home of "which figure parts does
// a quantity name": the formula marks (\term{write}{…} in content/), the figure's hover and focus,
// and the tests all read it.
//
// The vocabulary is the step markers' quantities (steps/parse.ts), plus two parts of DeltaNet's step
// that the figure draws on their own but a step never hides (β_t and the recalled value S_{t−1}k_t),
// and the three of Mamba's discretised recurrence that chapter 9's panels draw (Δ_t, Ā, B̄x).
import type { Beat } from '../../viz/beats';
import { QUANTITIES } from '../steps/parse';

export const TERMS = [...QUANTITIES, 'beta', 'recall', 'delta', 'Abar', 'Bx'] as const;
export type Term = (typeof TERMS)[number];

export const isTerm = (s: string): s is Term => (TERMS as readonly string[]).includes(s);

const part = (...testIds: string[]) => testIds.map((id) => `[data-testid='${id}']`).join(', ');

/** The figure elements each term names (CSS selectors within the chapter's figure). */
export const FIGURE_PARTS: Readonly<Record<Term, string>> = {
  q: part('memory-q'),
  k: part('memory-k'),
  v: part('memory-v'),
  S: part('memory-S'),
  write: '.memory-term-write',
  o: part('memory-o'),
  gate: part('memory-gate'),
  A: part('attention'),
  D: part('attention-decay-legend'),
  O: part('parallel-O'),
  kv: part('cost-kv'),
  beta: part('memory-beta'),
  recall: part('memory-recalled'),
  delta: part('selection-dt'),
  Abar: part('Abar'),
  Bx: part('Bbar'),
};

/**
 * The beat a term is drawn in: the memory figure holds that beat while the term is linked (as a
 * reading step's beat does), so v kᵀ or S_{t−1}k_t is on screen to be pointed at.
 */
export const TERM_BEATS: Partial<Readonly<Record<Term, Beat>>> = {
  write: 'write',
  recall: 'read-old',
  o: 'read',
  gate: 'decay',
};

/** Terms drawn only once the memory has a step (the empty memory has no q, k, v, o or gates yet). */
export const NEEDS_STEP: readonly Term[] = ['q', 'k', 'v', 'write', 'o', 'gate', 'beta', 'recall'];

/** The attribute KaTeX's \htmlData gives a marked term (content: \term{write}{\vv_t \kk_t^\top}). */
export const TERM_ATTR = 'data-quantity';
/** The attribute set on every formula term and figure part that is linked now; its value is the term. */
export const ACTIVE_ATTR = 'data-term-active';

/** The terms a figure element names (itself or an element around it is one of the term's parts). */
export function termsOfFigureElement(el: Element): Term[] {
  return TERMS.filter((t) => el.closest(FIGURE_PARTS[t]) !== null);
}
