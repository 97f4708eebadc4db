// Reading a `trace` command output back (docs/trace-cli.md): the inverse of toCliJson, for the
// playground's import. The file is untrusted, so every field is checked — names, shapes, finite
// numbers — and the first problem becomes a TraceFileError with a code a page can put in words.
import { isMechanism, keepsCache, MECHANISMS } from '../core/cases';
import { LIMITS } from '../core/limits';
import type { Mat } from '../core/linalg';
import { VIEWS, type View } from '../core/views';
import type { CliTrace, TraceBackend } from './trace';

export const TRACE_BACKENDS: readonly TraceBackend[] = ['webgpu', 'wasm', 'reference'];

export type TraceProblem =
  | 'not-object'
  | 'missing'
  | 'unknown-mechanism'
  | 'unknown-view'
  | 'unknown-backend'
  | 'not-number'
  | 'not-finite'
  | 'negative'
  | 'not-matrix'
  | 'empty'
  | 'ragged'
  | 'wrong-rows'
  | 'wrong-cols'
  | 'too-large'
  | 'state-missing'
  | 'state-unexpected'
  | 'wrong-steps';

export class TraceFileError extends Error {
  constructor(
    readonly field: string,
    readonly problem: TraceProblem,
    /** Numbers or names the message mentions (expected / got counts, the allowed names). */
    readonly params: Record<string, string> = {},
  ) {
    super(`${field}: ${englishProblem(problem, params)}`);
    this.name = 'TraceFileError';
  }
}

function englishProblem(problem: TraceProblem, p: Record<string, string>): string {
  switch (problem) {
    case 'not-object':
      return 'expected a JSON object like the trace command prints';
    case 'missing':
      return 'is missing';
    case 'unknown-mechanism':
      return `unknown mechanism ${p.got}; expected one of ${p.allowed}`;
    case 'unknown-view':
      return `unknown view ${p.got}; expected one of ${p.allowed}`;
    case 'unknown-backend':
      return `unknown backend ${p.got}; expected one of ${p.allowed}`;
    case 'not-number':
      return 'expected a number';
    case 'not-finite':
      return 'must be a finite number';
    case 'negative':
      return 'must not be negative';
    case 'not-matrix':
      return 'expected an array of rows of numbers';
    case 'empty':
      return 'must not be empty';
    case 'ragged':
      return `expected ${p.expected} entries like the other rows, got ${p.got}`;
    case 'wrong-rows':
      return `expected ${p.expected} rows, got ${p.got}`;
    case 'wrong-cols':
      return `expected ${p.expected} columns, got ${p.got}`;
    case 'too-large':
      return `has ${p.got}; the limit is ${p.limit}`;
    case 'state-missing':
      return 'is null, but only softmax attention has no fixed-size state';
    case 'state-unexpected':
      return 'softmax attention keeps no fixed-size state; expected null or nothing';
    case 'wrong-steps':
      return `expected one state per step (${p.expected}), got ${p.got}`;
  }
}

/**
 * Output numbers may be non-finite: a float32 run can overflow, and JSON writes its NaN and ±∞ as
 * null (1e999 reads back as ∞). They are kept — null as NaN — so the page can show where they are and
 * why (src/core/float32.ts), rather than refuse the file.
 */
function outputNumber(field: string, x: unknown): number {
  if (x === null) return Number.NaN;
  if (typeof x !== 'number') throw new TraceFileError(field, 'not-number');
  return x;
}

function checkMatrix(field: string, x: unknown, shape: { rows?: number; cols?: number } = {}): Mat {
  if (!Array.isArray(x)) throw new TraceFileError(field, 'not-matrix');
  if (x.length === 0) throw new TraceFileError(field, 'empty');
  if (x.length > LIMITS.maxT) throw new TraceFileError(field, 'too-large', { got: `${x.length} rows`, limit: String(LIMITS.maxT) });
  if (shape.rows !== undefined && x.length !== shape.rows)
    throw new TraceFileError(field, 'wrong-rows', { expected: String(shape.rows), got: String(x.length) });
  const width = shape.cols ?? (Array.isArray(x[0]) ? x[0].length : 0);
  return x.map((row: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!Array.isArray(row)) throw new TraceFileError(at, 'not-matrix');
    if (row.length === 0) throw new TraceFileError(at, 'empty');
    if (row.length > LIMITS.maxDim) throw new TraceFileError(at, 'too-large', { got: `${row.length} entries`, limit: String(LIMITS.maxDim) });
    if (row.length !== width)
      throw new TraceFileError(at, shape.cols !== undefined ? 'wrong-cols' : 'ragged', { expected: String(width), got: String(row.length) });
    return row.map((v: unknown, j) => outputNumber(`${at}[${j}]`, v));
  });
}

function checkNumber(field: string, x: unknown): number {
  if (typeof x !== 'number') throw new TraceFileError(field, 'not-number');
  if (!Number.isFinite(x)) throw new TraceFileError(field, 'not-finite');
  return x;
}

function oneOf<T extends string>(field: string, x: unknown, allowed: readonly T[], problem: TraceProblem): T {
  if (x === undefined) throw new TraceFileError(field, 'missing');
  if (typeof x !== 'string' || !(allowed as readonly string[]).includes(x))
    throw new TraceFileError(field, problem, { got: JSON.stringify(x)?.slice(0, 40) ?? String(x), allowed: allowed.join(', ') });
  return x as T;
}

/** Validate untrusted JSON as a `trace` output. Throws TraceFileError naming the first bad field. */
export function parseCliTrace(json: unknown): CliTrace {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new TraceFileError('trace', 'not-object');
  const o = json as Record<string, unknown>;
  if (o.mechanism !== undefined && !isMechanism(o.mechanism))
    throw new TraceFileError('mechanism', 'unknown-mechanism', { got: JSON.stringify(o.mechanism)?.slice(0, 40) ?? '?', allowed: MECHANISMS.join(', ') });
  const mechanism = oneOf('mechanism', o.mechanism, MECHANISMS, 'unknown-mechanism');
  const view: View = oneOf('view', o.view, VIEWS, 'unknown-view');
  const backend = oneOf('backend', o.backend, TRACE_BACKENDS, 'unknown-backend');
  if (o.o === undefined) throw new TraceFileError('o', 'missing');
  const out = checkMatrix('o', o.o);
  const T = out.length;
  const dv = out[0].length;
  if (o.ms === undefined) throw new TraceFileError('ms', 'missing');
  const ms = checkNumber('ms', o.ms);
  if (ms < 0) throw new TraceFileError('ms', 'negative');

  if (keepsCache(mechanism)) {
    if (o.S_final !== null && o.S_final !== undefined) throw new TraceFileError('S_final', 'state-unexpected');
    if (o.S !== undefined && o.S !== null) throw new TraceFileError('S', 'state-unexpected');
    return { mechanism, view, backend, o: out, S_final: null, ms };
  }
  if (o.S_final === undefined) throw new TraceFileError('S_final', 'missing');
  if (o.S_final === null) throw new TraceFileError('S_final', 'state-missing');
  const S_final = checkMatrix('S_final', o.S_final, { rows: dv });
  const trace: CliTrace = { mechanism, view, backend, o: out, S_final, ms };
  if (o.S !== undefined && o.S !== null) {
    if (!Array.isArray(o.S)) throw new TraceFileError('S', 'not-matrix');
    if (o.S.length !== T) throw new TraceFileError('S', 'wrong-steps', { expected: String(T), got: String(o.S.length) });
    const shape = { rows: dv, cols: S_final[0].length };
    trace.S = o.S.map((St: unknown, t) => checkMatrix(`S[${t}]`, St, shape));
  }
  return trace;
}
