// The input of every mechanism (TRACE_CLI.md), and its validation. A bad case becomes a
// CaseError that names the field and the problem in words a learner can act on.
import type { Mat, Vec } from './linalg';
import { LIMITS } from './limits';

export { LIMITS };

export const MECHANISMS = [
  'linear_attention',
  'softmax_attention',
  'retnet',
  'gated_retention',
  'gla',
  'deltanet',
  'gated_deltanet',
  'mamba2',
  'mamba',
] as const;
export type Mechanism = (typeof MECHANISMS)[number];

interface Attn {
  q: Mat;
  k: Mat;
  v: Mat;
}
export type Case =
  | ({ mechanism: 'linear_attention' } & Attn)
  | ({ mechanism: 'softmax_attention' } & Attn)
  | ({ mechanism: 'retnet'; gamma: number } & Attn)
  | ({ mechanism: 'gated_retention'; gate: Vec } & Attn)
  | ({ mechanism: 'gla'; gate: Mat } & Attn)
  | ({ mechanism: 'deltanet'; beta: Vec } & Attn)
  | ({ mechanism: 'gated_deltanet'; beta: Vec; gate: Vec } & Attn)
  | { mechanism: 'mamba2'; x: Mat; B: Mat; C: Mat; dt: Vec; A: number }
  | { mechanism: 'mamba'; x: Mat; dt: Mat; A: Mat; B: Mat; C: Mat };

export type CaseOf<M extends Mechanism> = Extract<Case, { mechanism: M }>;

export class CaseError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'CaseError';
  }
}

export function isMechanism(x: unknown): x is Mechanism {
  return typeof x === 'string' && (MECHANISMS as readonly string[]).includes(x);
}

/** Sequence length T and the widths of a valid case. */
export function caseSizes(c: Case): { T: number; dk: number; dv: number } {
  switch (c.mechanism) {
    case 'mamba2':
      return { T: c.x.length, dk: c.B[0].length, dv: c.x[0].length };
    case 'mamba':
      return { T: c.x.length, dk: c.B[0].length, dv: c.x[0].length };
    default:
      return { T: c.q.length, dk: c.q[0].length, dv: c.v[0].length };
  }
}

type Range = { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean; label: string };

function checkNumber(field: string, x: unknown, range?: Range): number {
  if (typeof x !== 'number') throw new CaseError(field, `expected a number, got ${describe(x)}`);
  if (!Number.isFinite(x)) throw new CaseError(field, `must be a finite number, got ${String(x)}`);
  if (range) {
    const low = range.min !== undefined && (range.minOpen ? x <= range.min : x < range.min);
    const high = range.max !== undefined && (range.maxOpen ? x >= range.max : x > range.max);
    if (low || high) throw new CaseError(field, `must be ${range.label}, got ${x}`);
  }
  return x;
}

function checkVector(field: string, x: unknown, length?: number, range?: Range): Vec {
  if (!Array.isArray(x)) throw new CaseError(field, `expected an array of numbers, got ${describe(x)}`);
  if (x.length === 0) throw new CaseError(field, 'must not be empty');
  if (length !== undefined && x.length !== length)
    throw new CaseError(field, `expected ${length} entries, got ${x.length}`);
  if (x.length > LIMITS.maxT) throw new CaseError(field, `has ${x.length} entries; the limit is ${LIMITS.maxT}`);
  return x.map((v, i) => checkNumber(`${field}[${i}]`, v, range));
}

function checkMatrix(field: string, x: unknown, rows?: number, cols?: number, range?: Range): Mat {
  if (!Array.isArray(x)) throw new CaseError(field, `expected an array of rows, got ${describe(x)}`);
  if (x.length === 0) throw new CaseError(field, 'must not be empty');
  if (rows !== undefined && x.length !== rows) throw new CaseError(field, `expected ${rows} rows, got ${x.length}`);
  if (x.length > LIMITS.maxT) throw new CaseError(field, `has ${x.length} rows; the limit is ${LIMITS.maxT}`);
  const width = cols ?? (Array.isArray(x[0]) ? x[0].length : undefined);
  return x.map((row, i) => {
    if (!Array.isArray(row)) throw new CaseError(`${field}[${i}]`, `expected a row of numbers, got ${describe(row)}`);
    if (width !== undefined && row.length !== width)
      throw new CaseError(`${field}[${i}]`, `expected ${width} entries like the other rows, got ${row.length}`);
    if (row.length > LIMITS.maxDim)
      throw new CaseError(`${field}[${i}]`, `has ${row.length} entries; the width limit is ${LIMITS.maxDim}`);
    return checkVector(`${field}[${i}]`, row, width, range);
  });
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return `the text "${x.length > 20 ? x.slice(0, 20) + '…' : x}"`;
  return typeof x;
}

const unitOpen: Range = { min: 0, max: 1, minOpen: true, label: 'in (0, 1]' };
const unitClosed: Range = { min: 0, max: 1, label: 'in [0, 1]' };
const betaRange: Range = { min: 0, max: 2, label: 'in [0, 2]' };
const positive: Range = { min: 0, minOpen: true, label: 'greater than 0' };

/** Validate untrusted JSON as a case. Throws CaseError naming the first bad field. */
export function parseCase(json: unknown): Case {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new CaseError('input', 'expected a JSON object with a "mechanism" field');
  const o = json as Record<string, unknown>;
  const m = o.mechanism;
  if (m === undefined) throw new CaseError('mechanism', `is missing; expected one of ${MECHANISMS.join(', ')}`);
  if (!isMechanism(m)) throw new CaseError('mechanism', `unknown mechanism ${JSON.stringify(m)}; expected one of ${MECHANISMS.join(', ')}`);

  if (m === 'mamba2' || m === 'mamba') {
    const x = checkMatrix('x', o.x);
    const T = x.length;
    const B = checkMatrix('B', o.B, T);
    const C = checkMatrix('C', o.C, T, B[0].length);
    if (m === 'mamba2') {
      const dt = checkVector('dt', o.dt, T, positive);
      const A = checkNumber('A', o.A, { max: 0, label: '≤ 0' });
      return { mechanism: m, x, B, C, dt, A };
    }
    const dt = checkMatrix('dt', o.dt, T, x[0].length, positive);
    const A = checkMatrix('A', o.A, x[0].length, B[0].length, { max: 0, maxOpen: true, label: 'less than 0' });
    return { mechanism: m, x, dt, A, B, C };
  }

  const q = checkMatrix('q', o.q);
  const T = q.length;
  const k = checkMatrix('k', o.k, T, q[0].length);
  const v = checkMatrix('v', o.v, T);
  const attn = { q, k, v };
  switch (m) {
    case 'linear_attention':
    case 'softmax_attention':
      return { mechanism: m, ...attn };
    case 'retnet':
      return { mechanism: m, ...attn, gamma: checkNumber('gamma', o.gamma, unitClosed) };
    case 'gated_retention':
      return { mechanism: m, ...attn, gate: checkVector('gate', o.gate, T, unitOpen) };
    case 'gla':
      return { mechanism: m, ...attn, gate: checkMatrix('gate', o.gate, T, q[0].length, unitOpen) };
    case 'deltanet':
      return { mechanism: m, ...attn, beta: checkVector('beta', o.beta, T, betaRange) };
    case 'gated_deltanet':
      return {
        mechanism: m,
        ...attn,
        beta: checkVector('beta', o.beta, T, betaRange),
        gate: checkVector('gate', o.gate, T, unitOpen),
      };
  }
}
