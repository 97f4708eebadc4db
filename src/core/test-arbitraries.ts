// fast-check generators of valid cases (cases.ts), shared by the property tests of every layer that
// reads a case: the core, the playground's import and links, the ONNX models, the `trace` command.
// Tests only: nothing in the site imports this file.
import { fc } from '@fast-check/vitest';
import { MECHANISMS, specOf, type Case, type Mechanism, type RangeName } from './cases';

/** Top-level fields of any case: what a refusal may name. */
export const CASE_FIELDS: readonly string[] = ['input', 'mechanism', ...new Set(MECHANISMS.flatMap((m) => Object.keys(specOf(m).fields)))];

export interface CaseShape {
  /** Largest T, d_k, d_v generated. */
  maxT?: number;
  maxDim?: number;
  /**
   * Numbers with at most three decimals and no subnormals: what float32 models are checked on
   * (the float32 range itself is checked elsewhere).
   */
  float32Safe?: boolean;
}

type Num = fc.Arbitrary<number>;

/** A valid case of one of the given mechanisms, with its numbers inside each field's documented range. */
export function validCase({ maxT = 5, maxDim = 3, float32Safe = false }: CaseShape = {}, mechanisms: readonly Mechanism[] = MECHANISMS): fc.Arbitrary<Case> {
  const inRange = (min: number, max: number, open = false): Num =>
    float32Safe
      ? fc.integer({ min: Math.round(min * 1000) + (open ? 1 : 0), max: Math.round(max * 1000) }).map((n) => n / 1000)
      : fc.double({ min, max, noNaN: true, minExcluded: open });
  const any = inRange(-3, 3);
  const mat = (rows: number, cols: number, x: Num = any) => fc.array(fc.array(x, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
  const vec = (n: number, x: Num) => fc.array(x, { minLength: n, maxLength: n });
  // Each range's numbers (positive Δ up to 2, negative A down to −2).
  const RANGE: Record<RangeName, Num> = {
    unitOpen: inRange(0, 1, true),
    unitClosed: inRange(0, 1),
    beta: inRange(0, 2),
    positive: inRange(0, 2, true),
    nonPositive: inRange(-2, 0),
    negative: inRange(-2, 0).filter((a) => a < 0),
  };
  const sizes = fc.record({ T: fc.integer({ min: 1, max: maxT }), dk: fc.integer({ min: 1, max: maxDim }), dv: fc.integer({ min: 1, max: maxDim }) });
  return fc.tuple(fc.constantFrom(...mechanisms), sizes).chain(([m, size]): fc.Arbitrary<Case> => {
    const fields: Record<string, fc.Arbitrary<unknown>> = { mechanism: fc.constant(m) };
    for (const [name, f] of Object.entries(specOf(m).fields)) {
      const x = f.range ? RANGE[f.range] : any;
      const [a, b] = f.dims.map((d) => size[d]);
      fields[name] = a === undefined ? x : b === undefined ? vec(a, x) : mat(a, b, x);
    }
    return fc.record(fields) as fc.Arbitrary<Case>;
  }) as fc.Arbitrary<Case>;
}

/** The case with -0 written as 0: JSON has no -0, so this is what a case looks like after a round trip. */
export function withoutNegativeZero<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Anything JSON can hold, and the near misses a hand-typed case has (numbers as text, NaN-like, huge). */
export const badValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(null, '1', 'NaN', [], [[]], [1, 'x'], {}, true, -1, 0, 2, 1e308, -1e308, 5e-324, Infinity, -Infinity, NaN, 'x'.repeat(500), undefined),
);

/** A case with the value at one path (a field, a row, or an entry) replaced. */
export function corrupt(c: Case, path: number[], value: unknown): { json: Record<string, unknown>; field: string } {
  const json = JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
  const keys = Object.keys(json);
  const key = keys[path[0] % keys.length];
  let holder: Record<string | number, unknown> = json;
  let at: string | number = key;
  for (const i of path.slice(1)) {
    const next: unknown = holder[at];
    if (!Array.isArray(next) || next.length === 0) break;
    holder = next as unknown as Record<number, unknown>;
    at = i % next.length;
  }
  holder[at] = value;
  return { json, field: key };
}
