// Fixed colour limits per figure (docs/design.md §3: no jumping). A figure asks for its limit once, over
// every step it will ever show, and passes it to each heatmap and strip; only finite numbers count.
import type { Trace } from '../trace/trace';

type Numbers = readonly number[] | readonly (readonly number[])[];

/** Largest finite |x| over any mix of vectors and matrices; 0 when there is none. */
export function maxAbsOf(...arrays: (Numbers | null | undefined)[]): number {
  let m = 0;
  const visit = (x: number) => {
    const a = Math.abs(x);
    if (Number.isFinite(a) && a > m) m = a;
  };
  for (const arr of arrays) {
    if (!arr) continue;
    for (const item of arr) {
      if (typeof item === 'number') visit(item);
      else for (const x of item) visit(x);
    }
  }
  return m;
}

/** A usable symmetric limit: an all-zero figure (e.g. an empty memory) gets 1, never 0 (÷0). */
export function limitOf(...arrays: (Numbers | null | undefined)[]): number {
  const m = maxAbsOf(...arrays);
  return m > 0 ? m : 1;
}

/**
 * The memory figure's limit: every number it draws on the state's scale over all steps — S, the
 * decayed S, the recalled value, the erase and write terms, and o. Without per-step records (a
 * parallel trace) it falls back to the final state and the outputs.
 */
export function figureLimit(trace: Pick<Trace, 'steps' | 'S_final' | 'o'>): number {
  if (!trace.steps || trace.steps.length === 0) return limitOf(trace.S_final, trace.o);
  let m = 0;
  for (const s of trace.steps) m = Math.max(m, maxAbsOf(s.S, s.decayed, s.recalled, s.erase, s.write, s.o));
  return m > 0 ? m : 1;
}

/** The input strips' limit (q, k, v, or Mamba's x, B, C): picked from the case, one scale for all. */
export function inputLimit(trace: Pick<Trace, 'input'>): number {
  const c = trace.input;
  if (c.mechanism === 'mamba' || c.mechanism === 'mamba2') return limitOf(c.x, c.B, c.C);
  return limitOf(c.q, c.k, c.v);
}

/** The parallel figure's limit: the weights M (and O when it is drawn on the same scale). */
export function attentionLimit(M: Numbers | null | undefined, O?: Numbers | null): number {
  return limitOf(M, O);
}
