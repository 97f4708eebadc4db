// Generative tests of what a learner hands the playground (importFile.ts): any text is a case, a
// trace, or a problem the page words in both languages, short, naming the field; a case or a trace
// written by the `trace` command reads back as itself.
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runReference } from '../../core';
import { CaseError } from '../../core/cases';
import { CASE_FIELDS, badValue, corrupt, validCase, withoutNegativeZero } from '../../core/test-arbitraries';
import { VIEWS } from '../../core/views';
import { TraceFileError } from '../../trace/cliTrace';
import { makeTrace, toCliJson } from '../../trace';
import { caseProblemOf } from './errorText';
import { readImport, type ImportProblem } from './importFile';
import { playgroundStrings } from './playground.strings';
import { problemText } from './problemText';

const RUNS = { numRuns: 150, seed: 20261204 };

/** The problem as both pages show it: not empty, no unfilled {placeholder}, ≤ 300 characters. */
function expectWorded(problem: ImportProblem): void {
  for (const lang of ['en', 'zh-TW'] as const) {
    const text = problemText(problem, playgroundStrings[lang]);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).not.toMatch(/\{\w+\}/);
  }
  if (problem.code === 'invalid' && problem.error instanceof CaseError)
    expect(caseProblemOf(problem.error).problem, `a sentence shape the page can translate: ${problem.error.problem}`).not.toBeNull();
}

describe('playground import, generated', () => {
  it.prop([fc.oneof(fc.string({ maxLength: 80 }), fc.jsonValue({ maxDepth: 3 }).map((j) => JSON.stringify(j) ?? ''))], RUNS)(
    'any text is a case, a trace, or a worded problem, never an exception',
    (text) => {
      const r = readImport(text);
      if (!r.ok) expectWorded(r.problem);
    },
  );

  it.prop([validCase()], RUNS)('a valid case reads back as itself', (c) => {
    expect(readImport(JSON.stringify(c))).toEqual({ ok: true, value: { kind: 'case', case: withoutNegativeZero(c) } });
  });

  it.prop([validCase(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), badValue], RUNS)('a case with one broken part is refused naming that part, in both languages', (c, path, value) => {
    const { json } = corrupt(c, path, value);
    const r = readImport(JSON.stringify(json));
    if (r.ok) return; // the replacement happened to be valid
    expectWorded(r.problem);
    if (r.problem.code === 'invalid') expect(CASE_FIELDS.some((f) => r.problem.code === 'invalid' && (r.problem.error.field === f || r.problem.error.field.startsWith(`${f}[`)))).toBe(true);
  });

  it.prop([validCase(), fc.constantFrom(...VIEWS), fc.boolean()], RUNS)('a trace the command prints reads back as itself', (c, view, steps) => {
    const trace = toCliJson(makeTrace(c, runReference(c, view), { view, backend: 'reference', ms: 0.5 }), steps);
    const r = readImport(JSON.stringify(trace));
    expect(r).toEqual({ ok: true, value: { kind: 'trace', trace: withoutNegativeZero(trace) } });
  });

  it.prop([validCase(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), badValue], RUNS)('a trace with one broken part is refused naming it, in both languages', (c, path, value) => {
    const trace = toCliJson(makeTrace(c, runReference(c, 'recurrent'), { view: 'recurrent', backend: 'reference', ms: 0.5 }), true);
    const { json, field } = corrupt(trace as never, path, value);
    const r = readImport(JSON.stringify(json));
    if (r.ok) return;
    expectWorded(r.problem);
    // Breaking a field may surface in the one checked against it (o's width is S_final's rows).
    if (r.problem.code === 'invalid' && r.problem.error instanceof TraceFileError)
      expect([field, 'trace', 'o', 'S_final', 'S', 'ms'].some((f) => r.problem.code === 'invalid' && (r.problem.error.field === f || r.problem.error.field.startsWith(`${f}[`)))).toBe(true);
  });
});
