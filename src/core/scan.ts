// The parallel scan behind Mamba's training (chapter 9). A linear recurrence h_t = a_t h_{t−1} + b_t
// (h_0 = 0) is a chain of affine maps h ↦ a h + b. Composing two of them gives another one:
//   (a₁, b₁) ∘ (a₂, b₂) = (a₁ a₂, a₂ b₁ + b₂)      ("first 1, then 2"),
// and composition is associative, so the prefixes e₁ ∘ … ∘ e_t can be formed in any grouping — in
// particular as a tree of depth ⌈log₂ T⌉ instead of a chain of T steps. h_t is the b of prefix t.
//
// The tree here is the Hillis–Steele scan: at level j every position t combines with position
// t − 2^{j−1}. ⌈log₂ T⌉ levels (depth), Σ_j (T − 2^{j−1}) combines ≈ T log₂ T (work). The
// work-efficient Blelloch scan needs only O(T) combines but about twice the levels.
import type { Vec } from './linalg';

/** The affine map h ↦ a h + b. */
export interface Affine {
  a: number;
  b: number;
}

export const IDENTITY: Affine = { a: 1, b: 0 };

/** p, then q: h ↦ q.a (p.a h + p.b) + q.b. */
export function combine(p: Affine, q: Affine): Affine {
  return { a: p.a * q.a, b: q.a * p.b + q.b };
}

/** The recurrence one step at a time: h_t = a_t h_{t−1} + b_t with h_0 = 0. */
export function sequentialScan(pairs: readonly Affine[]): Vec {
  let h = 0;
  return pairs.map(({ a, b }) => (h = a * h + b));
}

/** One level of the tree: every position's pair after the level, and what each position did. */
export interface ScanLevel {
  /** 0 for the inputs, then 1 … depth. */
  level: number;
  /** How far back each position reaches at this level (2^{level−1}); 0 for the inputs. */
  offset: number;
  /** The pair held at each position after this level. */
  pairs: Affine[];
  /** For each position: the earlier position it combined with, or null (copied unchanged). */
  from: (number | null)[];
  /** Combines done at this level (all of them can run at once). */
  combines: number;
}

export interface HillisSteeleScan {
  T: number;
  levels: ScanLevel[];
  /** h_t: the b of the last level's pairs. */
  h: Vec;
  /** Total combines over all levels. */
  work: number;
  /** Levels after the inputs: ⌈log₂ T⌉. */
  depth: number;
}

/** The inclusive scan as a Hillis–Steele tree, keeping every level for the figure. */
export function hillisSteeleScan(inputs: readonly Affine[]): HillisSteeleScan {
  const T = inputs.length;
  const levels: ScanLevel[] = [{ level: 0, offset: 0, pairs: inputs.map((p) => ({ ...p })), from: inputs.map(() => null), combines: 0 }];
  for (let level = 1, offset = 1; offset < T; level++, offset *= 2) {
    const prev = levels[levels.length - 1].pairs;
    const from = prev.map((_, t) => (t >= offset ? t - offset : null));
    const pairs = prev.map((p, t) => (t >= offset ? combine(prev[t - offset], p) : p));
    levels.push({ level, offset, pairs, from, combines: T - offset });
  }
  const last = levels[levels.length - 1].pairs;
  return {
    T,
    levels,
    h: last.map((p) => p.b),
    work: levels.reduce((s, l) => s + l.combines, 0),
    depth: levels.length - 1,
  };
}

/** Smallest d with 2^d ≥ T: the Hillis–Steele depth (0 for T ≤ 1). */
export function scanDepth(T: number): number {
  let d = 0;
  while (2 ** d < T) d++;
  return d;
}

/** Combines done by the first `levels` levels of a scan (its work so far). */
export function workUpTo(scan: HillisSteeleScan, levels: number): number {
  return scan.levels.slice(1, levels + 1).reduce((w, l) => w + l.combines, 0);
}

/** The step-by-step recurrence combines T − 1 times, each waiting for the one before. */
export function sequentialWork(T: number): number {
  return Math.max(0, T - 1);
}
