// What a learner hands the playground — typed JSON or a dropped file — checked before anything runs:
// a case (the `trace` command's input) or a trace (its output), within the playground's sizes.
import { CaseError, parseCase, type Case } from '../../core/cases';
import { LIMITS } from '../../core/limits';
import { parseCliTrace, TraceFileError } from '../../trace/cliTrace';
import type { CliTrace } from '../../trace/trace';

/** Larger files are refused before they are read (src/core/limits.ts). */
export const MAX_IMPORT_BYTES = LIMITS.maxImportBytes;

export type Imported = { kind: 'case'; case: Case } | { kind: 'trace'; trace: CliTrace };

export type ImportProblem =
  | { code: 'too-large'; bytes: number }
  | { code: 'empty' }
  | { code: 'not-json'; detail: string }
  | { code: 'invalid'; error: CaseError | TraceFileError };

export type ImportResult = { ok: true; value: Imported } | { ok: false; problem: ImportProblem };

/** A valid case the playground can run: parseCase checks the sizes too, as the `trace` command does. */
export function readCase(json: unknown): { ok: true; case: Case } | { ok: false; problem: ImportProblem } {
  try {
    return { ok: true, case: parseCase(json) };
  } catch (e) {
    if (e instanceof CaseError) return { ok: false, problem: { code: 'invalid', error: e } };
    throw e;
  }
}

export function parseJson(text: string): { ok: true; json: unknown } | { ok: false; problem: ImportProblem } {
  if (text.trim() === '') return { ok: false, problem: { code: 'empty' } };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return { ok: false, problem: { code: 'not-json', detail: e instanceof Error ? e.message : String(e) } };
  }
}

/** A file's text: a trace when it has outputs "o", otherwise a case. */
export function readImport(text: string, bytes = text.length): ImportResult {
  if (bytes > MAX_IMPORT_BYTES) return { ok: false, problem: { code: 'too-large', bytes } };
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const json = parsed.json;
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && Object.hasOwn(json, 'o')) {
    try {
      return { ok: true, value: { kind: 'trace', trace: parseCliTrace(json) } };
    } catch (e) {
      if (e instanceof TraceFileError) return { ok: false, problem: { code: 'invalid', error: e } };
      throw e;
    }
  }
  const c = readCase(json);
  return c.ok ? { ok: true, value: { kind: 'case', case: c.case } } : c;
}
