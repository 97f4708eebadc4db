// Do the views agree? Every pair of the views that ran, and each against the float64 reference when
// the page computed one. Tolerance (docs/design.md §2): a float32 view may sit 1e-5 · max(1, ‖ref‖∞)
// from the float64 answer; two float32 views may each sit that far on either side, so a pair gets
// twice it. Agreement is claimed or denied only between finite results, and only when there are at
// least two of them (two views, or a view and the reference): one view alone is not a comparison, and
// a view whose numbers passed float32's limit is named, not compared (its |Δ| would be NaN or ∞).
import { maxAbsDiff, type Mat } from '../../core/linalg';
import { firstNonFinite } from '../../core/float32';
import { VIEWS, type View } from '../../core/views';
import { float32Tolerance } from '../../core/float32';

export interface PairDiff {
  a: View;
  b: View;
  diff: number;
}

/** agree / differ: at least two finite results were compared; none: there was nothing to compare. */
export type Verdict = 'agree' | 'differ' | 'none';

export interface Agreement {
  /** The views compared: those whose outputs are in and finite. */
  compared: View[];
  /** Views whose outputs are in but hold NaN or ∞ (left out of every comparison). */
  nonFinite: View[];
  pairs: PairDiff[];
  /** Largest pair difference; null with fewer than two finite views. */
  pairDiff: number | null;
  /** Largest difference from the reference; null without one (or without a finite view). */
  refDiff: number | null;
  /** Whether a float64 reference was computed (it may still have had nothing finite to be compared with). */
  hasReference: boolean;
  /** 1e-5 · max(1, ‖ref‖∞) — from the recurrent view's outputs when there is no reference. */
  tolerance: number;
  /** What a pair of float32 views may differ by: each may sit one tolerance from the answer. */
  pairTolerance: number;
  verdict: Verdict;
  ok: boolean;
}

export function agreement(outputs: Partial<Record<View, Mat>>, reference: Mat | null): Agreement {
  const ran = VIEWS.filter((v) => outputs[v] !== undefined);
  const compared = ran.filter((v) => firstNonFinite('o', outputs[v]) === null);
  const nonFinite = ran.filter((v) => !compared.includes(v));
  const ref = reference && firstNonFinite('o', reference) === null ? reference : null;
  const pairs: PairDiff[] = [];
  for (let i = 0; i < compared.length; i++)
    for (let j = i + 1; j < compared.length; j++) {
      const a = compared[i];
      const b = compared[j];
      pairs.push({ a, b, diff: maxAbsDiff(outputs[a], outputs[b]) });
    }
  const pairDiff = pairs.length ? Math.max(...pairs.map((p) => p.diff)) : null;
  const refDiff = ref && compared.length ? Math.max(...compared.map((v) => maxAbsDiff(outputs[v], ref))) : null;
  const scale = ref ?? (compared.includes('recurrent') ? outputs.recurrent : undefined) ?? outputs[compared[0]] ?? [];
  const tolerance = float32Tolerance(scale);
  const pairTolerance = 2 * tolerance;
  const pairsOk = pairs.every((p) => p.diff <= pairTolerance);
  const refOk = refDiff === null || refDiff <= tolerance;
  const verdict: Verdict = pairs.length === 0 && refDiff === null ? 'none' : pairsOk && refOk ? 'agree' : 'differ';
  return { compared, nonFinite, pairs, pairDiff, refDiff, hasReference: reference !== null, tolerance, pairTolerance, verdict, ok: verdict === 'agree' };
}

/** The difference between two named views, or null when they were not both compared. */
export function pairDiffOf(a: Agreement, x: View, y: View): number | null {
  return a.pairs.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x))?.diff ?? null;
}
