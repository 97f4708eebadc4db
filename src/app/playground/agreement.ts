// Do the views agree? Every pair of the views that ran, and each against the float64 reference when
// the page computed one. Tolerance (DESIGN.md §2): a float32 view may sit 1e-5 · max(1, ‖ref‖∞) from
// the float64 answer; two float32 views may each sit that far on either side, so a pair gets twice it.
import { maxAbs, maxAbsDiff, type Mat } from '../../core/linalg';
import { VIEWS, type View } from '../../core/views';

export interface PairDiff {
  a: View;
  b: View;
  diff: number;
}

export interface Agreement {
  /** The views compared (the ones whose outputs are in). */
  compared: View[];
  pairs: PairDiff[];
  /** Largest pair difference; NaN with fewer than two views. */
  pairDiff: number;
  /** Largest difference from the reference; null without one. */
  refDiff: number | null;
  /** 1e-5 · max(1, ‖ref‖∞) — from the recurrent view's outputs when there is no reference. */
  tolerance: number;
  ok: boolean;
}

export function agreement(outputs: Partial<Record<View, Mat>>, reference: Mat | null): Agreement {
  const compared = VIEWS.filter((v) => outputs[v] !== undefined);
  const pairs: PairDiff[] = [];
  for (let i = 0; i < compared.length; i++)
    for (let j = i + 1; j < compared.length; j++) {
      const a = compared[i];
      const b = compared[j];
      pairs.push({ a, b, diff: maxAbsDiff(outputs[a], outputs[b]) });
    }
  const pairDiff = pairs.length ? Math.max(...pairs.map((p) => p.diff)) : NaN;
  const refDiff = reference && compared.length ? Math.max(...compared.map((v) => maxAbsDiff(outputs[v], reference))) : null;
  const scale = reference ?? outputs.recurrent ?? outputs[compared[0]] ?? [];
  const tolerance = 1e-5 * Math.max(1, maxAbs(scale));
  const pairsOk = pairs.length === 0 || pairs.every((p) => Number.isFinite(p.diff) && p.diff <= 2 * tolerance);
  const refOk = refDiff === null || (Number.isFinite(refDiff) && refDiff <= tolerance);
  const ok = (pairs.length > 0 || refDiff !== null) && pairsOk && refOk;
  return { compared, pairs, pairDiff, refDiff, tolerance, ok };
}

/** The difference between two named views, or NaN when one did not run. */
export function pairDiffOf(a: Agreement, x: View, y: View): number {
  return a.pairs.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x))?.diff ?? NaN;
}
