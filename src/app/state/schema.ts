// Typed schemas for link parameters (TensorFlow Playground's declarative table, but typed): each
// turns the text of one query parameter into a value, or says what is wrong with it. A parse never
// throws; a problem is a value the page shows to the learner ("gamma=7 is outside 0 … 1; 1 is used").
// The messages themselves live in the i18n tables (urlState.problems), keyed by `code`.
import { LIMITS } from '../../core/limits';

export type ProblemCode =
  | 'not-a-number'
  | 'out-of-range'
  | 'not-an-integer'
  | 'rounded'
  | 'unknown-choice'
  | 'unknown-item'
  | 'wrong-length'
  | 'wrong-count'
  | 'bad-entry'
  | 'bad-row'
  | 'too-large'
  | 'too-long'
  | 'too-many'
  | 'unknown-param'
  | 'newer-version'
  | 'unknown-version';

/** What is wrong with a parameter; `values` fill the message's {placeholders}. */
export interface Problem {
  code: ProblemCode;
  values?: Readonly<Record<string, string>>;
}

/** A value (perhaps clamped or trimmed, with the problem that says so), or a rejection. */
export type Parsed<T> = { ok: true; value: T; problem?: Problem } | { ok: false; problem: Problem };

export interface Schema<T> {
  parse(text: string): Parsed<T>;
  /** The shortest text that parses back to exactly this value ('' means "leave it out"). */
  format(value: T): string;
  /** Longest text read at all, when a parameter may be longer than MAX_PARAM_LENGTH (a compressed case). */
  maxLength?: number;
}

/** Longest parameter text read at all (src/core/limits.ts). */
export const MAX_PARAM_LENGTH = LIMITS.maxParamLength;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+$/;

/** Exact and short: JavaScript's shortest round-trip text, without a leading zero ("-.5"). */
export function compactNumber(x: number): string {
  if (Object.is(x, -0) || x === 0) return '0';
  return String(x).replace(/^(-?)0\./, '$1.');
}

/** A number written the ordinary way ("0.8"), for scalar parameters a lecturer may type. */
function plainNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

export function reject(code: ProblemCode, values?: Record<string, string>): Parsed<never> {
  return { ok: false, problem: { code, values } };
}

/** Used, but not as written (clamped, rounded, trimmed): the problem says what was done. */
export function amended<T>(value: T, code: ProblemCode, values: Record<string, string>): Parsed<T> {
  return { ok: true, value, problem: { code, values } };
}

/** Clamped into [min, max]; the problem says so when the link's number was outside. */
export function numberIn({ min, max, step }: { min: number; max: number; step?: number }): Schema<number> {
  const decimals = step === undefined ? 0 : Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return {
    parse(text) {
      const s = text.trim();
      if (!NUMBER.test(s)) return reject('not-a-number');
      const x = Number(s);
      if (!(x >= min && x <= max)) {
        const value = x < min ? min : max; // ±1e400 reads as ±Infinity and lands on an end too
        return amended(value, 'out-of-range', { min: plainNumber(min), max: plainNumber(max), value: plainNumber(value) });
      }
      if (step !== undefined) {
        const snapped = Number((min + Math.round((x - min) / step) * step).toFixed(decimals));
        const value = Math.min(max, Math.max(min, snapped));
        if (value !== x) return amended(value, 'rounded', { value: plainNumber(value) });
      }
      return { ok: true, value: x };
    },
    format: plainNumber,
  };
}

/** A whole number, clamped into [min, max]; "2.5" is refused rather than guessed at. */
export function integerIn({ min, max }: { min: number; max: number }): Schema<number> {
  return {
    parse(text) {
      const s = text.trim();
      if (!INTEGER.test(s)) return reject(NUMBER.test(s) ? 'not-an-integer' : 'not-a-number');
      const x = Number(s);
      if (x < min || x > max) {
        const value = x < min ? min : max;
        return amended(value, 'out-of-range', { min: String(min), max: String(max), value: String(value) });
      }
      return { ok: true, value: x };
    },
    format: (x) => String(x),
  };
}

/** One of a fixed list of names (a preset, a language). */
export function oneOf<K extends string>(choices: readonly K[]): Schema<K> {
  return {
    parse(text) {
      const s = text.trim();
      const hit = choices.find((c) => c === s);
      return hit === undefined ? reject('unknown-choice', { choices: choices.join(', ') }) : { ok: true, value: hit };
    },
    format: (k) => k,
  };
}

/** On/off: "1" (or a bare "present") turns it on, "0" off. */
export function flag(): Schema<boolean> {
  return {
    parse(text) {
      const s = text.trim().toLowerCase();
      if (s === '1' || s === '' || s === 'true' || s === 'on') return { ok: true, value: true };
      if (s === '0' || s === 'false' || s === 'off') return { ok: true, value: false };
      return reject('unknown-choice', { choices: '0, 1' });
    },
    format: (on) => (on ? '1' : ''),
  };
}

/** A comma-separated set of names ("controls,answer"); unknown names are dropped and reported. */
export function listOf<K extends string>(choices: readonly K[]): Schema<readonly K[]> {
  return {
    parse(text) {
      const items = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
      const known = choices.filter((c) => items.includes(c)); // canonical order, no repeats
      const unknown = items.find((s) => !(choices as readonly string[]).includes(s));
      if (unknown === undefined) return { ok: true, value: known };
      return amended(known, 'unknown-item', { item: clip(unknown), choices: choices.join(', ') });
    },
    format: (value) => choices.filter((c) => value.includes(c)).join(','),
  };
}

/** Numbers separated by commas, d of them, each within ±maxAbs. */
export function vector(d: number, { maxAbs = 100 }: { maxAbs?: number } = {}): Schema<number[]> {
  return {
    parse(text) {
      const parts = text.split(',').map((s) => s.trim());
      const values: number[] = [];
      for (const p of parts) {
        if (!NUMBER.test(p)) return reject('bad-entry', { item: clip(p) });
        const x = Number(p);
        if (!(Math.abs(x) <= maxAbs)) return reject('too-large', { item: clip(p), max: String(maxAbs) });
        values.push(x);
      }
      if (values.length !== d) return reject('wrong-length', { expected: String(d), got: String(values.length) });
      return { ok: true, value: values };
    },
    format: (v) => v.map(compactNumber).join(','),
  };
}

/** n vectors of d numbers, separated by "_" ("1,0_.8,.6"). */
export function rows(n: number, d: number, options: { maxAbs?: number } = {}): Schema<number[][]> {
  const one = vector(d, options);
  return {
    parse(text) {
      const parts = text.split('_');
      if (parts.length !== n) return reject('wrong-count', { expected: String(n), got: String(parts.length) });
      const out: number[][] = [];
      for (const p of parts) {
        const r = one.parse(p);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return { ok: true, value: out };
    },
    format: (m) => m.map(one.format).join('_'),
  };
}

/** Which input an edit replaces: the query, key or value of one step. */
export const EDIT_SYMBOLS = ['q', 'k', 'v'] as const;
export type EditSymbol = (typeof EDIT_SYMBOLS)[number];

/** One edited input vector; `step` is 0-based here and 1-based in the link, as on the page. */
export interface RowEdit {
  symbol: EditSymbol;
  step: number;
  value: number[];
}

/**
 * Edited rows of a T-step input, only the rows that differ from the preset: "k1:1,0,0,0_v3:.5,1,2,3".
 * Any unreadable part refuses the whole list, so a link never shows half of someone's edits.
 */
export function rowEdits({ T, d, maxAbs = 100 }: { T: number; d: number | Readonly<Record<EditSymbol, number>>; maxAbs?: number }): Schema<RowEdit[]> {
  const widths = typeof d === 'number' ? { q: d, k: d, v: d } : d;
  const one = { q: vector(widths.q, { maxAbs }), k: vector(widths.k, { maxAbs }), v: vector(widths.v, { maxAbs }) };
  return {
    parse(text) {
      if (text.trim() === '') return { ok: true, value: [] };
      const byKey = new Map<string, RowEdit>();
      for (const part of text.split('_')) {
        const m = /^([qkv])(\d+):(.*)$/.exec(part.trim());
        if (!m) return reject('bad-entry', { item: clip(part) });
        const symbol = m[1] as EditSymbol;
        const step = Number(m[2]);
        if (step < 1 || step > T) return reject('bad-row', { item: clip(m[2]), expected: String(T) });
        const r = one[symbol].parse(m[3]);
        if (!r.ok) return r;
        byKey.set(`${symbol}${step}`, { symbol, step: step - 1, value: r.value }); // the last edit of a row wins
      }
      return { ok: true, value: sortEdits([...byKey.values()]) };
    },
    format: (edits) => sortEdits(edits).map((e) => `${e.symbol}${e.step + 1}:${one[e.symbol].format(e.value)}`).join('_'),
  };
}

function sortEdits(edits: RowEdit[]): RowEdit[] {
  return [...edits].sort((a, b) => EDIT_SYMBOLS.indexOf(a.symbol) - EDIT_SYMBOLS.indexOf(b.symbol) || a.step - b.step);
}

/** A value that may be absent: '' (or no parameter) is null, "use the preset's". */
export function optional<T>(schema: Schema<T>): Schema<T | null> {
  return {
    parse: (text) => (text.trim() === '' ? { ok: true, value: null } : schema.parse(text)),
    format: (value) => (value === null ? '' : schema.format(value)),
    maxLength: schema.maxLength,
  };
}

/** The link format this site writes (`v=1`). */
export const URL_VERSION = 1;

/** A problem with the link's `v`, if any: links from a newer site are read as well as we can. */
export function versionProblem(text: string | null): Problem | null {
  if (text === null || text.trim() === String(URL_VERSION)) return null;
  const n = Number(text.trim());
  const values = { value: String(URL_VERSION) };
  return Number.isInteger(n) && n > URL_VERSION ? { code: 'newer-version', values } : { code: 'unknown-version', values };
}

/** Read one parameter: too-long text is refused before any schema sees it. */
export function readParam<T>(schema: Schema<T>, text: string): Parsed<T> {
  const max = schema.maxLength ?? MAX_PARAM_LENGTH;
  if (text.length > max) return reject('too-long', { max: String(max) });
  return schema.parse(text);
}

/** A bit of the link quoted back in a message: short, so a hostile link cannot flood the page. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
