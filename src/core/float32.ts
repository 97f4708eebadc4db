// What a 32-bit float can hold (docs/design.md §2). The models run in float32, the core in float64:
// numbers above about 3.4 × 10³⁸ become ∞ in float32 (and ∞ − ∞ or 0 · ∞ become NaN), while the
// core still holds them. These checks find such numbers by name, so a page or the `trace` command
// can say which field went where float32 cannot follow, instead of printing NaN.
import type { Case } from './cases';
import type { ViewResult } from './views';
import { maxAbs } from './linalg';

/** The largest finite float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * How far a float32 computation (a model on WebGPU or WASM) may sit from the float64 reference or from
 * another float32 form of the same numbers: 1e-5 of the reference's largest |entry|, and never less
 * than 1e-5 (float32 keeps about 7 significant digits; the forms sum in different orders).
 */
export const FLOAT32_RELATIVE_TOLERANCE = 1e-5;
export function float32Tolerance(reference: unknown): number {
  return FLOAT32_RELATIVE_TOLERANCE * Math.max(1, maxAbs(reference));
}

/** Does this (finite) number turn into ±∞ when stored as a float32? */
export const beyondFloat32 = (x: number): boolean => Number.isFinite(x) && !Number.isFinite(Math.fround(x));

/** The path ("o[2][0]") of the first number in nested arrays for which `bad` holds, or null. */
function firstWhere(name: string, x: unknown, bad: (n: number) => boolean): string | null {
  if (typeof x === 'number') return bad(x) ? name : null;
  if (!Array.isArray(x)) return null;
  for (let i = 0; i < x.length; i++) {
    const hit = firstWhere(`${name}[${i}]`, x[i], bad);
    if (hit !== null) return hit;
  }
  return null;
}

/** The path of the first entry that is not a finite number (NaN, ±∞), or null. */
export function firstNonFinite(name: string, x: unknown): string | null {
  return firstWhere(name, x, (n) => !Number.isFinite(n));
}

/** The first input number of a case that float32 cannot hold (it would reach the model as ±∞). */
export function caseBeyondFloat32(c: Case): string | null {
  for (const [name, value] of Object.entries(c)) {
    if (name === 'mechanism') continue;
    const hit = firstWhere(name, value, beyondFloat32);
    if (hit !== null) return hit;
  }
  return null;
}

/** The number at a path such as "q[0][1]" in a case (what a message quotes back). */
export function valueAt(c: Case, path: string): unknown {
  let x: unknown = c;
  for (const key of path.match(/[^[\]]+/g) ?? []) {
    if (typeof x !== 'object' || x === null || !Object.hasOwn(x, key)) return undefined;
    x = (x as Record<string, unknown>)[key];
  }
  return x;
}

/** The first output of a view (o, S_final, M, then the per-step records) that is not finite. */
export function resultNonFinite(r: ViewResult): string | null {
  return (
    firstNonFinite('o', r.o) ??
    firstNonFinite('S_final', r.S_final) ??
    firstNonFinite('M', r.M) ??
    (r.steps ? firstNonFinite('S', r.steps.map((s) => s.S)) : null)
  );
}

/**
 * Why a float32 view's numbers are not all finite:
 * - 'input': an input number is beyond float32 (it reached the model as ±∞);
 * - 'overflow': the numbers themselves pass float32's limit (the recurrent view cannot hold them either);
 * - 'form': only this form's intermediate products overflowed (the parallel form's qᵀk, say); the
 *   recurrent view, which never forms them, holds the answer, so a page can show that one instead.
 */
export type Float32Problem = { kind: 'input' | 'overflow' | 'form'; field: string };

/** Judge a float32 result; `recurrent` is the recurrent view's float32 result of the same case, when known. */
export function float32Problem(c: Case, result: ViewResult, recurrent?: ViewResult | null): Float32Problem | null {
  const input = caseBeyondFloat32(c);
  if (input !== null) return { kind: 'input', field: input };
  const field = resultNonFinite(result);
  if (field === null) return null;
  const holds = recurrent != null && recurrent !== result && resultNonFinite(recurrent) === null;
  return { kind: holds ? 'form' : 'overflow', field };
}
