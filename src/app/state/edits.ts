// Edited input vectors as a short list of changed rows (for a link), and back to a full input.
import { EDIT_SYMBOLS, type RowEdit } from './schema';

/** An input with per-step queries, keys and values (the attention-family cases). */
export interface StepRows {
  q: number[][];
  k: number[][];
  v: number[][];
}

/** The preset's input with the edited rows swapped in (the same object when nothing is edited). */
export function applyEdits<C extends StepRows>(base: C, edits: readonly RowEdit[]): C {
  if (edits.length === 0) return base;
  const out: C = { ...base, q: base.q.slice(), k: base.k.slice(), v: base.v.slice() };
  for (const e of edits) if (e.step < out[e.symbol].length) out[e.symbol][e.step] = e.value.slice();
  return out;
}

/** The rows of `next` that differ from the preset's, in link order. */
export function diffEdits(base: StepRows, next: StepRows): RowEdit[] {
  const edits: RowEdit[] = [];
  for (const symbol of EDIT_SYMBOLS)
    next[symbol].forEach((row, step) => {
      const was = base[symbol][step];
      if (!was || row.length !== was.length || row.some((x, i) => x !== was[i])) edits.push({ symbol, step, value: row.slice() });
    });
  return edits;
}
