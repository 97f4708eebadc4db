// Generative tests of the link schemas (schema.ts): any text parses to a value or a problem, never an
// exception; a value the page writes reads back as itself with no problem; every problem has words
// on both pages, short enough to read.
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { urlStateStrings } from './urlState.strings';
import { fill } from '../i18n';
import {
  MAX_PARAM_LENGTH,
  flag,
  integerIn,
  listOf,
  numberIn,
  oneOf,
  optional,
  readParam,
  rowEdits,
  rows,
  vector,
  versionProblem,
  type Parsed,
  type Problem,
  type Schema,
} from './schema';

const RUNS = { numRuns: 200, seed: 20261204 };

/** Link text: anything, and text made of the characters links of this site are made of. */
const linkText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom('1', '0', '.', '-', '+', 'e', ',', '_', ':', 'q', 'k', 'v', '3', '9', ' ', 'x', '1e400', 'Infinity'), { maxLength: 30 }).map((a) => a.join('')),
);

/** A problem's sentence on either page: known code, every placeholder filled, not a wall of text. */
function expectWorded(problem: Problem): void {
  for (const t of [urlStateStrings.en, urlStateStrings['zh-TW']]) {
    const template = t.problems[problem.code];
    expect(template.length).toBeGreaterThan(0);
    // param and text are the link's own name and text, quoted by the notice (not this schema's).
    const sentence = fill(template, { param: 'p', text: 't', ...problem.values });
    expect(sentence).not.toMatch(/\{\w+\}/);
    expect(sentence.length).toBeLessThanOrEqual(300);
  }
}

function expectSound<T>(schema: Schema<T>, text: string): Parsed<T> {
  const r = readParam(schema, text);
  if (r.problem) expectWorded(r.problem);
  if (r.ok) {
    // What the page would write for this value reads back as the same value, with nothing to say.
    const again = readParam(schema, schema.format(r.value));
    expect(again).toEqual({ ok: true, value: r.value });
  }
  return r;
}

const schemas: Array<[string, Schema<unknown>]> = [
  ['numberIn 0…1', numberIn({ min: 0, max: 1 })],
  ['numberIn 0…1 step .05', numberIn({ min: 0, max: 1, step: 0.05 })],
  ['numberIn −2…3 step .1', numberIn({ min: -2, max: 3, step: 0.1 })],
  ['integerIn 0…12', integerIn({ min: 0, max: 12 })],
  ['oneOf', oneOf(['one-hot', 'random'])],
  ['flag', flag()],
  ['listOf', listOf(['controls', 'answer'])],
  ['vector 3', vector(3)],
  ['rows 2×2', rows(2, 2)],
  ['rowEdits T=4 d=2', rowEdits({ T: 4, d: 2 })],
  ['rowEdits T=6, widths q2 k2 v3', rowEdits({ T: 6, d: { q: 2, k: 2, v: 3 } })],
  ['optional vector 2', optional(vector(2))],
];

describe('link schemas, generated', () => {
  for (const [name, schema] of schemas)
    it.prop([linkText], RUNS)(`${name}: any text is a value or a worded problem, and values round-trip`, (text) => {
      expectSound(schema, text);
    });

  const entry = fc.double({ min: -100, max: 100, noNaN: true });
  it.prop([fc.array(fc.record({ symbol: fc.constantFrom('q' as const, 'k' as const, 'v' as const), step: fc.integer({ min: 0, max: 5 }), value: fc.array(entry, { minLength: 2, maxLength: 2 }) }), { maxLength: 8 })], RUNS)(
    'edits the page writes read back as the same edits (last edit of a row wins, sorted)',
    (edits) => {
      const schema = rowEdits({ T: 6, d: 2 });
      const r = readParam(schema, schema.format(edits));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.problem).toBeUndefined();
      const last = new Map(edits.map((e) => [`${e.symbol}${e.step}`, e]));
      expect(r.value).toHaveLength(last.size);
      for (const e of r.value) expect(e.value).toEqual(last.get(`${e.symbol}${e.step}`)!.value.map((x) => (Object.is(x, -0) ? 0 : x)));
    },
  );

  it.prop([fc.array(fc.array(entry, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 })], RUNS)('rows of numbers round-trip exactly', (m) => {
    const schema = rows(2, 3);
    expect(readParam(schema, schema.format(m))).toEqual({ ok: true, value: m.map((r) => r.map((x) => (Object.is(x, -0) ? 0 : x))) });
  });

  it.prop([fc.string({ minLength: MAX_PARAM_LENGTH + 1, maxLength: MAX_PARAM_LENGTH + 50 })], { numRuns: 20, seed: 20261204 })('too-long text is refused before any schema reads it', (text) => {
    for (const [, schema] of schemas) expect(readParam(schema, text)).toEqual({ ok: false, problem: { code: 'too-long', values: { max: String(MAX_PARAM_LENGTH) } } });
  });

  it.prop([fc.option(linkText, { nil: null })], RUNS)('any version text is read or named as a worded problem', (text) => {
    const p = versionProblem(text);
    if (p) expectWorded(p);
  });
});
