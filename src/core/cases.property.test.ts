// Generative tests of the case validator (cases.ts), the `trace` command's and the playground's input:
// a valid case reads back as itself and gives finite numbers that agree across the three views; a
// case with any one part broken is refused with a CaseError naming that part, in one short line.
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CaseError, parseCase } from './cases';
import { maxAbs } from './linalg';
import { CASE_FIELDS, badValue, corrupt, validCase, withoutNegativeZero } from './test-arbitraries';
import { everyView, expectClose } from './test-utils';

const RUNS = { numRuns: 150, seed: 20261204 };
const TOL = 1e-5;

/** Every number in a result is finite. */
const allFinite = (x: unknown): boolean => (Array.isArray(x) ? x.every(allFinite) : typeof x !== 'number' || Number.isFinite(x));

/** A refusal as the command prints it: a CaseError naming one of these fields, one short line. (The
 *  playground's wording of the same errors, in both languages, is checked in importFile.property.test.ts.) */
function expectCaseError(e: unknown, fields: readonly string[]): void {
  expect(e).toBeInstanceOf(CaseError);
  const err = e as CaseError;
  expect(fields.some((f) => err.field === f || err.field.startsWith(`${f}[`)), `field "${err.field}" is one of ${fields.join(', ')}`).toBe(true);
  expect(err.message.length).toBeLessThanOrEqual(300);
  expect(err.message).not.toContain('\n');
}

describe('cases, generated', () => {
  it.prop([validCase()], RUNS)('a valid case reads back as itself, and every view gives finite numbers that agree', (c) => {
    const read = parseCase(JSON.parse(JSON.stringify(c)));
    expect(read).toEqual(withoutNegativeZero(c));
    const [[, ref], ...others] = everyView(read);
    expect(allFinite(ref.o) && allFinite(ref.S_final)).toBe(true);
    for (const [name, r] of others) {
      expect(allFinite(r.o), name).toBe(true);
      expectClose(r.o, ref.o, TOL, `${read.mechanism} ${name} o`);
      if (ref.S_final) expectClose(r.S_final, ref.S_final, TOL, `${read.mechanism} ${name} S_final`);
    }
    expect(maxAbs(ref.o)).toBeLessThan(1e6);
  });

  it.prop([validCase(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), badValue], RUNS)(
    'one broken part is refused with a CaseError naming it (or, if still valid, read)',
    (c, path, value) => {
      const { json, field } = corrupt(c, path, value);
      let error: unknown = null;
      try {
        parseCase(json);
      } catch (e) {
        error = e;
      }
      // Breaking q can also show up first in k or v (their shapes are checked against q's).
      if (error !== null) expectCaseError(error, field === 'mechanism' ? ['mechanism'] : [field, 'q', 'k', 'v', 'x', 'B', 'C', 'dt', 'A']);
    },
  );

  it.prop([fc.jsonValue({ maxDepth: 3 })], RUNS)('any JSON is a case or a worded CaseError, never another exception', (json) => {
    try {
      parseCase(json);
    } catch (e) {
      expectCaseError(e, CASE_FIELDS);
    }
  });
});
