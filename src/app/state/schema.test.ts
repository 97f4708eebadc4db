// Every link-parameter schema against good text, and a table of malformed text: a bad link is clamped
// or refused with a problem code, never thrown, and a good value always survives format → parse.
import { describe, expect, it } from 'vitest';
import {
  MAX_PARAM_LENGTH,
  compactNumber,
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
  type ProblemCode,
  type Schema,
} from './schema';

const gamma = numberIn({ min: 0, max: 1, step: 0.01 });
const step = integerIn({ min: 0, max: 8 });
const preset = oneOf(['random', 'one-hot', 'repeat'] as const);
const hide = listOf(['controls', 'answer'] as const);
const key = vector(2, { maxAbs: 1.5 });
const keys = rows(2, 2, { maxAbs: 1.5 });
const edits = rowEdits({ T: 8, d: 4 });

describe('good links parse to the value they were written from', () => {
  it('numbers, integers, choices, flags and lists', () => {
    expect(gamma.parse('0.8')).toEqual({ ok: true, value: 0.8 });
    expect(gamma.parse(' 1 ')).toEqual({ ok: true, value: 1 });
    expect(gamma.parse('.25')).toEqual({ ok: true, value: 0.25 });
    expect(step.parse('0')).toEqual({ ok: true, value: 0 });
    expect(step.parse('+8')).toEqual({ ok: true, value: 8 });
    expect(preset.parse('one-hot')).toEqual({ ok: true, value: 'one-hot' });
    expect(flag().parse('1')).toEqual({ ok: true, value: true });
    expect(flag().parse('')).toEqual({ ok: true, value: true });
    expect(flag().parse('0')).toEqual({ ok: true, value: false });
    expect(hide.parse('answer,controls')).toEqual({ ok: true, value: ['controls', 'answer'] });
    expect(hide.parse('answer,answer')).toEqual({ ok: true, value: ['answer'] });
    expect(hide.format(['answer', 'controls'])).toBe('controls,answer');
  });
  it('vectors and edits are compact and exact', () => {
    expect(compactNumber(0.5)).toBe('.5');
    expect(compactNumber(-0.5)).toBe('-.5');
    expect(compactNumber(-0)).toBe('0');
    expect(compactNumber(12.25)).toBe('12.25');
    expect(keys.format([[1, 0], [0.8, 0.6]])).toBe('1,0_.8,.6');
    expect(keys.parse('1,0_.8,.6')).toEqual({ ok: true, value: [[1, 0], [0.8, 0.6]] });
    const e = [
      { symbol: 'v' as const, step: 2, value: [0.5, 1, 2, 3] },
      { symbol: 'k' as const, step: 0, value: [1, 0, 0, 0] },
    ];
    expect(edits.format(e)).toBe('k1:1,0,0,0_v3:.5,1,2,3');
    expect(edits.parse('v3:.5,1,2,3_k1:1,0,0,0')).toEqual({ ok: true, value: [e[1], e[0]] });
    expect(edits.parse('')).toEqual({ ok: true, value: [] });
    expect(edits.parse('k2:1,1,1,1_k2:0,0,0,0')).toEqual({ ok: true, value: [{ symbol: 'k', step: 1, value: [0, 0, 0, 0] }] });
  });
  it('round-trips random values exactly (format → parse)', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const four = vector(4);
    for (let i = 0; i < 200; i++) {
      const v = [next() * 50, next(), next() * 1e-7, Math.round(next() * 100) / 100];
      expect(four.parse(four.format(v))).toEqual({ ok: true, value: v });
    }
  });
  it('optional: empty is "use the preset"', () => {
    const o = optional(key);
    expect(o.parse('')).toEqual({ ok: true, value: null });
    expect(o.format(null)).toBe('');
    expect(o.parse('1,0')).toEqual({ ok: true, value: [1, 0] });
  });
});

/** A malformed (or out-of-range) link parameter and what must happen to it. */
interface Case {
  schema: Schema<unknown>;
  name: string;
  text: string;
  code: ProblemCode;
  /** The value used instead, when the parameter is clamped rather than refused. */
  clampedTo?: unknown;
}

const s = <T,>(schema: Schema<T>) => schema as Schema<unknown>;
const refused = (name: string, schema: Schema<unknown>, code: ProblemCode, texts: string[]): Case[] => texts.map((text) => ({ schema, name, text, code }));

const CASES: Case[] = [
  // numbers: garbage, NaN, infinities, hex and friends are refused…
  ...refused('gamma', s(gamma), 'not-a-number', ['', ' ', 'abc', 'NaN', 'nan', 'Infinity', '-Infinity', '0x10', '1,5', '0.5.5', '1e', '--1', '½', '0.8%', 'null', 'undefined', '[0.5]', '٠٫٥']),
  // …while huge, tiny and negative numbers are clamped into range.
  { schema: s(gamma), name: 'gamma', text: '7', code: 'out-of-range', clampedTo: 1 },
  { schema: s(gamma), name: 'gamma', text: '-0.5', code: 'out-of-range', clampedTo: 0 },
  { schema: s(gamma), name: 'gamma', text: '1e400', code: 'out-of-range', clampedTo: 1 },
  { schema: s(gamma), name: 'gamma', text: '-1e400', code: 'out-of-range', clampedTo: 0 },
  { schema: s(gamma), name: 'gamma', text: '1.0000001', code: 'out-of-range', clampedTo: 1 },
  { schema: s(gamma), name: 'gamma', text: '0.555', code: 'rounded', clampedTo: 0.56 },
  { schema: s(gamma), name: 'gamma', text: '0.123456789', code: 'rounded', clampedTo: 0.12 },
  // integers
  ...refused('t', s(step), 'not-a-number', ['', 'three', 'NaN', '1e', '0x3', 'Infinity', '3 4', '٣']),
  ...refused('t', s(step), 'not-an-integer', ['2.5', '1e2', '.5', '-0.5', '3.']),
  { schema: s(step), name: 't', text: '-3', code: 'out-of-range', clampedTo: 0 },
  { schema: s(step), name: 't', text: '99', code: 'out-of-range', clampedTo: 8 },
  { schema: s(step), name: 't', text: '99999999999999999999999', code: 'out-of-range', clampedTo: 8 },
  // choices
  ...refused('preset', s(preset), 'unknown-choice', ['', 'Random', 'RANDOM', 'onehot', 'one_hot', 'rand', '0', '__proto__', 'constructor', 'toString', '<script>alert(1)</script>']),
  ...refused('present', s(flag()), 'unknown-choice', ['yes', '2', '-1', 'maybe', 'NaN']),
  // lists keep what they know and report the rest
  { schema: s(hide), name: 'hide', text: 'controls,prose', code: 'unknown-item', clampedTo: ['controls'] },
  { schema: s(hide), name: 'hide', text: 'everything', code: 'unknown-item', clampedTo: [] },
  { schema: s(hide), name: 'hide', text: 'Answer', code: 'unknown-item', clampedTo: [] },
  // vectors: wrong length, garbage, non-finite and huge entries are refused whole
  ...refused('q', s(key), 'wrong-length', ['1', '1,0,1', '1,0,0,0,0,0']),
  ...refused('q', s(key), 'bad-entry', ['', '1,', ',1', '1,,0', 'a,b', '1,NaN', 'Infinity,0', '1;0', '1 0', '0x1,0']),
  ...refused('q', s(key), 'too-large', ['2,0', '0,-1.6', '1e400,0', '1,-1e9']),
  // several vectors
  ...refused('k', s(keys), 'wrong-count', ['1,0', '1,0_0,1_1,1', '1,0__0,1']),
  ...refused('k', s(keys), 'wrong-length', ['1,0_0', '1_0']),
  ...refused('k', s(keys), 'bad-entry', ['1,0_x,1', '_', '1,0_']),
  // edits of single steps
  ...refused('edit', s(edits), 'bad-entry', ['k', 'k1', 'k1:', 'x1:1,0,0,0', 'K1:1,0,0,0', 'k-1:1,0,0,0', 'k1.5:1,0,0,0', 'k1=1,0,0,0', 'k1:1,0,0,0__v2:1,1,1,1', 'kk1:1,0,0,0', 'k1:1,0,0,a']),
  ...refused('edit', s(edits), 'bad-row', ['k0:1,0,0,0', 'k9:1,0,0,0', 'v99999999999999999999:1,0,0,0']),
  ...refused('edit', s(edits), 'wrong-length', ['k1:1,0,0', 'q8:1,0,0,0,0']),
  ...refused('edit', s(edits), 'too-large', ['v2:101,0,0,0', 'q1:0,0,0,-1e6']),
];

describe('malformed and out-of-range link parameters', () => {
  it(`covers at least 50 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });
  it.each(CASES.map((c) => [`${c.name}=${JSON.stringify(c.text)} → ${c.code}`, c] as const))('%s', (_, c) => {
    let parsed: Parsed<unknown> | undefined;
    expect(() => (parsed = readParam(c.schema, c.text))).not.toThrow();
    if (!parsed) throw new Error('unreachable: readParam returned nothing');
    if (c.clampedTo === undefined) {
      expect(parsed).toMatchObject({ ok: false, problem: { code: c.code } });
    } else {
      expect(parsed).toMatchObject({ ok: true, problem: { code: c.code } });
      if (parsed.ok) {
        expect(parsed.value).toEqual(c.clampedTo);
        // What the page writes back is a clean parameter.
        expect(c.schema.parse(c.schema.format(parsed.value))).toEqual({ ok: true, value: parsed.value });
      }
    }
    // Every problem's placeholders are plain strings (they go into a sentence).
    for (const v of Object.values(parsed.problem?.values ?? {})) expect(typeof v).toBe('string');
  });
  it('refuses text longer than a pasted link should be, before parsing it', () => {
    expect(readParam(s(edits), `k1:${'1,'.repeat(MAX_PARAM_LENGTH)}1`)).toMatchObject({ ok: false, problem: { code: 'too-long' } });
    expect(readParam(s(preset), 'x'.repeat(MAX_PARAM_LENGTH + 1))).toMatchObject({ ok: false, problem: { code: 'too-long' } });
  });
  it('quotes at most a short piece of a hostile entry back', () => {
    const r = key.parse(`${'9'.repeat(500)}x,0`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect((r.problem.values?.item ?? '').length).toBeLessThanOrEqual(41);
  });
  it('says how to read links from other versions', () => {
    expect(versionProblem(null)).toBeNull();
    expect(versionProblem('1')).toBeNull();
    expect(versionProblem('2')).toMatchObject({ code: 'newer-version' });
    expect(versionProblem('abc')).toMatchObject({ code: 'unknown-version' });
    expect(versionProblem('0')).toMatchObject({ code: 'unknown-version' });
    expect(versionProblem('1.5')).toMatchObject({ code: 'unknown-version' });
  });
});

describe('edits with different key and value widths', () => {
  it('checks each symbol against its own width', () => {
    const e = rowEdits({ T: 3, d: { q: 2, k: 2, v: 3 } });
    expect(e.parse('k1:1,0_v2:1,2,3')).toEqual({ ok: true, value: [{ symbol: 'k', step: 0, value: [1, 0] }, { symbol: 'v', step: 1, value: [1, 2, 3] }] });
    expect(e.parse('v1:1,0')).toMatchObject({ ok: false, problem: { code: 'wrong-length', values: { expected: '3', got: '2' } } });
  });
});
