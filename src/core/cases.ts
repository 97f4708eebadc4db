// The input of every mechanism (docs/trace-cli.md), and its validation, both read off the specs in
// registry.ts. A bad case becomes a CaseError: data (field, code, values) that a page words in its
// own language; its message is the English the `trace` command prints.
import type { Mat, Vec } from './linalg';
import { LIMITS } from './limits';
import {
  type Case,
  type Dim,
  MECHANISMS,
  RANGES,
  type Mechanism,
  type RangeName,
  specOf,
} from './registry';

export { LIMITS };
export { MECHANISMS, MECHANISM_SPECS, erases, fades, gateSpread, keepsCache, solvesTriangular, specOf } from './registry';
export type { Case, CaseOf, Mechanism, MechanismSpec, RangeName } from './registry';

/** Every way a case can be wrong. */
export const CASE_PROBLEMS = [
  'notNumber',
  'notFinite',
  'outOfRange',
  'notVector',
  'empty',
  'wrongLength',
  'tooLong',
  'notMatrix',
  'wrongRows',
  'tooManyRows',
  'notRow',
  'ragged',
  'tooWide',
  'notObject',
  'missingMechanism',
  'unknownMechanism',
] as const;
export type CaseProblem = (typeof CASE_PROBLEMS)[number];

/** What a wrong value was instead (with its text, for strings). */
export const KINDS = ['null', 'array', 'text', 'object', 'boolean', 'undefined', 'number', 'other'] as const;
export type KindName = (typeof KINDS)[number];

/** The values a problem's words mention. `got` names the kind of a wrong value; `range` a RangeName. */
export interface CaseProblemValues {
  got?: KindName | string;
  text?: string;
  value?: string;
  range?: RangeName;
  expected?: number;
  count?: number;
  limit?: number;
  allowed?: string;
}

const KIND_TEXT: Record<KindName, (text?: string) => string> = {
  null: () => 'null',
  array: () => 'an array',
  text: (t) => `the text "${t ?? ''}"`,
  object: () => 'object',
  boolean: () => 'boolean',
  undefined: () => 'undefined',
  number: () => 'number',
  other: () => 'something else',
};

/** The English words of each problem (the `trace` command's). */
const ENGLISH: Record<CaseProblem, (v: CaseProblemValues) => string> = {
  notNumber: (v) => `expected a number, got ${gotText(v)}`,
  notFinite: (v) => `must be a finite number, got ${v.value}`,
  outOfRange: (v) => `must be ${v.range ? RANGES[v.range].text : '?'}, got ${v.value}`,
  notVector: (v) => `expected an array of numbers, got ${gotText(v)}`,
  empty: () => 'must not be empty',
  wrongLength: (v) => `expected ${v.expected} entries, got ${v.count}`,
  tooLong: (v) => `has ${v.count} entries; the limit is ${v.limit}`,
  notMatrix: (v) => `expected an array of rows, got ${gotText(v)}`,
  wrongRows: (v) => `expected ${v.expected} rows, got ${v.count}`,
  tooManyRows: (v) => `has ${v.count} rows; the limit is ${v.limit}`,
  notRow: (v) => `expected a row of numbers, got ${gotText(v)}`,
  ragged: (v) => `expected ${v.expected} entries like the other rows, got ${v.count}`,
  tooWide: (v) => `has ${v.count} entries; the width limit is ${v.limit}`,
  notObject: () => 'expected a JSON object with a "mechanism" field',
  missingMechanism: (v) => `is missing; expected one of ${v.allowed}`,
  unknownMechanism: (v) => `unknown mechanism ${v.got}; expected one of ${v.allowed}`,
};

function gotText(v: CaseProblemValues): string {
  const kind = (KINDS as readonly string[]).includes(v.got ?? '') ? (v.got as KindName) : 'other';
  return KIND_TEXT[kind](v.text);
}

export class CaseError extends Error {
  constructor(
    readonly field: string,
    readonly code: CaseProblem,
    readonly values: CaseProblemValues = {},
  ) {
    super(`${field}: ${ENGLISH[code](values)}`);
    this.name = 'CaseError';
  }

  /** The problem in English, without the field. */
  get problem(): string {
    return ENGLISH[this.code](this.values);
  }
}

export function isMechanism(x: unknown): x is Mechanism {
  return typeof x === 'string' && (MECHANISMS as readonly string[]).includes(x);
}

/** The first field with axis `d`, and which axis of it. */
function whereIs(m: Mechanism, d: Dim): [string, number] {
  for (const [name, f] of Object.entries(specOf(m).fields)) {
    const axis = f.dims.indexOf(d);
    if (axis >= 0) return [name, axis];
  }
  throw new Error(`${m}: no field has the axis ${d}`);
}

/** Sequence length T and the widths of a valid case (Mamba: d_k = N, d_v = D). */
export function caseSizes(c: Case): { T: number; dk: number; dv: number } {
  const size = (d: Dim): number => {
    const [name, axis] = whereIs(c.mechanism, d);
    const x = (c as unknown as Record<string, Mat>)[name];
    return axis === 0 ? x.length : x[0].length;
  };
  return { T: size('T'), dk: size('dk'), dv: size('dv') };
}

function checkNumber(field: string, x: unknown, range?: RangeName): number {
  if (typeof x !== 'number') throw new CaseError(field, 'notNumber', describe(x));
  if (!Number.isFinite(x)) throw new CaseError(field, 'notFinite', { value: String(x) });
  if (range) {
    const r: { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean } = RANGES[range];
    const low = r.min !== undefined && (r.minOpen ? x <= r.min : x < r.min);
    const high = r.max !== undefined && (r.maxOpen ? x >= r.max : x > r.max);
    if (low || high) throw new CaseError(field, 'outOfRange', { range, value: String(x) });
  }
  return x;
}

function checkVector(field: string, x: unknown, length?: number, range?: RangeName): Vec {
  if (!Array.isArray(x)) throw new CaseError(field, 'notVector', describe(x));
  if (x.length === 0) throw new CaseError(field, 'empty');
  if (length !== undefined && x.length !== length) throw new CaseError(field, 'wrongLength', { expected: length, count: x.length });
  if (x.length > LIMITS.maxT) throw new CaseError(field, 'tooLong', { count: x.length, limit: LIMITS.maxT });
  return x.map((v, i) => checkNumber(`${field}[${i}]`, v, range));
}

function checkMatrix(field: string, x: unknown, rows?: number, cols?: number, range?: RangeName): Mat {
  if (!Array.isArray(x)) throw new CaseError(field, 'notMatrix', describe(x));
  if (x.length === 0) throw new CaseError(field, 'empty');
  if (rows !== undefined && x.length !== rows) throw new CaseError(field, 'wrongRows', { expected: rows, count: x.length });
  if (x.length > LIMITS.maxT) throw new CaseError(field, 'tooManyRows', { count: x.length, limit: LIMITS.maxT });
  const width = cols ?? (Array.isArray(x[0]) ? x[0].length : undefined);
  return x.map((row, i) => {
    if (!Array.isArray(row)) throw new CaseError(`${field}[${i}]`, 'notRow', describe(row));
    if (width !== undefined && row.length !== width) throw new CaseError(`${field}[${i}]`, 'ragged', { expected: width, count: row.length });
    if (row.length > LIMITS.maxDim) throw new CaseError(`${field}[${i}]`, 'tooWide', { count: row.length, limit: LIMITS.maxDim });
    return checkVector(`${field}[${i}]`, row, width, range);
  });
}

function describe(x: unknown): CaseProblemValues {
  if (x === null) return { got: 'null' };
  if (Array.isArray(x)) return { got: 'array' };
  if (typeof x === 'string') return { got: 'text', text: x.length > 20 ? x.slice(0, 20) + '…' : x };
  const t = typeof x;
  return { got: (KINDS as readonly string[]).includes(t) ? t : 'other' };
}

/**
 * Validate untrusted JSON as a case. Throws CaseError naming the first bad field. Fields are checked
 * in the spec's order; the first field with an axis fixes that axis's size for the ones after it.
 */
export function parseCase(json: unknown): Case {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CaseError('input', 'notObject');
  const o = json as Record<string, unknown>;
  const m = o.mechanism;
  const allowed = MECHANISMS.join(', ');
  if (m === undefined) throw new CaseError('mechanism', 'missingMechanism', { allowed });
  if (!isMechanism(m)) {
    // Quoted back shortened: a pasted wall of text must not become the error line.
    const got = JSON.stringify(m) ?? String(m);
    throw new CaseError('mechanism', 'unknownMechanism', { got: got.length > 40 ? `${got.slice(0, 40)}…` : got, allowed });
  }

  const sizes: Partial<Record<Dim, number>> = {};
  const out: Record<string, unknown> = { mechanism: m };
  for (const [name, f] of Object.entries(specOf(m).fields)) {
    const [a, b] = f.dims;
    const x = o[name];
    if (a === undefined) out[name] = checkNumber(name, x, f.range);
    else if (b === undefined) {
      const v = checkVector(name, x, sizes[a], f.range);
      sizes[a] ??= v.length;
      out[name] = v;
    } else {
      const M = checkMatrix(name, x, sizes[a], sizes[b], f.range);
      sizes[a] ??= M.length;
      sizes[b] ??= M[0].length;
      out[name] = M;
    }
  }
  return out as Case;
}
