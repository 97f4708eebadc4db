import { describe, expect, it } from 'vitest';
import { CASE_PROBLEMS, CaseError, MECHANISMS, parseCase } from '../../core/cases';
import { parseCliTrace, TraceFileError } from '../../trace/cliTrace';
import { caseProblemOf, errorText } from './errorText';
import { LIMITS } from '../../core/limits';
import { readImport } from './importFile';
import { problemText } from './problemText';
import { playgroundStrings } from './playground.strings';

const caseError = (json: unknown): CaseError => {
  try {
    parseCase(json);
  } catch (e) {
    if (e instanceof CaseError) return e;
  }
  throw new Error('expected a CaseError');
};

const q = [[1, 0]];
// What may stay in Latin letters on the 繁體中文 page: mechanism ids (longest first), field names, values.
const SYMBOLS = new RegExp([...[...MECHANISMS].sort((a, b) => b.length - a.length), 'mechanism', 'lstm', 'null', 'true', 'false', 'abc', 'gamma', 'gate', 'input', 'JSON'].join('|'), 'g');
// One bad case per sentence shape of cases.ts.
const BAD: unknown[] = [
  [1],
  {},
  { mechanism: 'lstm' },
  { mechanism: 'linear_attention', q: 'abc', k: q, v: q },
  { mechanism: 'linear_attention', q: [], k: q, v: q },
  { mechanism: 'linear_attention', q: [5], k: q, v: q },
  { mechanism: 'linear_attention', q: [[1, 0], [1]], k: q, v: q },
  { mechanism: 'linear_attention', q, k: [[1, 0], [0, 1]], v: q },
  { mechanism: 'linear_attention', q, k: q, v: [[null]] },
  { mechanism: 'linear_attention', q, k: q, v: [['x']] },
  { mechanism: 'retnet', q, k: q, v: q, gamma: 2 },
  { mechanism: 'gated_retention', q, k: q, v: q, gate: 0.5 },
  { mechanism: 'gated_retention', q, k: q, v: q, gate: [0.5, 0.5] },
  { mechanism: 'mamba2', x: [[1]], B: [[1]], C: [[1]], dt: [0], A: -1 },
  { mechanism: 'mamba', x: [[1]], dt: [[1]], A: [[0]], B: [[1]], C: [[1]] },
  { mechanism: 'mamba2', x: [[1]], B: [[1]], C: [[1]], dt: [1], A: true },
  { mechanism: 'linear_attention', q: Array.from({ length: 4097 }, () => [1]), k: q, v: q },
  { mechanism: 'linear_attention', q: [Array.from({ length: 257 }, () => 1)], k: q, v: q },
];

describe('problems in the page’s words', () => {
  it('every sentence shape of parseCase is recognised', () => {
    const seen = new Set<string>();
    for (const json of BAD) {
      const e = caseError(json);
      const shape = caseProblemOf(e);
      expect(shape.problem, e.message).not.toBeNull();
      seen.add(shape.problem ?? '');
    }
    expect(seen.size).toBeGreaterThanOrEqual(14);
  });

  it('English says what the core says (in the page’s words for the kinds of values)', () => {
    for (const json of BAD) {
      const e = caseError(json);
      const text = errorText(e, playgroundStrings.en.errors);
      expect(text.startsWith(`${e.field}: `), text).toBe(true);
      expect(text).not.toMatch(/[{}](?!")/);
    }
    expect(errorText(caseError(BAD[10]), playgroundStrings.en.errors)).toBe('gamma: must be in [0, 1], got 2');
    expect(errorText(caseError(BAD[3]), playgroundStrings.en.errors)).toBe('q: expected an array of rows, got the text “abc”');
  });

  it('繁體中文 has no English sentence: only symbols, field names and the allowed names remain', () => {
    for (const json of BAD) {
      const text = errorText(caseError(json), playgroundStrings['zh-TW'].errors);
      const words = text.replace(SYMBOLS, '').match(/[A-Za-z]{3,}/g);
      expect(words, text).toBeNull();
    }
    const traceError = (() => {
      try {
        parseCliTrace({ mechanism: 'deltanet', view: 'recurrent', backend: 'wasm', o: [[1, 2], [3]], S_final: [[1], [2]], ms: 1 });
      } catch (e) {
        if (e instanceof TraceFileError) return e;
      }
      throw new Error('expected a TraceFileError');
    })();
    expect(errorText(traceError, playgroundStrings['zh-TW'].errors)).toBe('o[1]：應該和其他列一樣有 2 個元素，卻有 1 個');
  });

  it('imports tell a case from a trace and refuse what the playground cannot run', () => {
    expect(readImport('{"mechanism":"linear_attention","q":[[1]],"k":[[1]],"v":[[2]]}')).toMatchObject({ ok: true, value: { kind: 'case' } });
    expect(readImport('{"mechanism":"linear_attention","view":"recurrent","backend":"wasm","o":[[2]],"S_final":[[2]],"ms":0.1}')).toMatchObject({ ok: true, value: { kind: 'trace' } });
    expect(readImport('{"mechanism": ')).toMatchObject({ ok: false, problem: { code: 'not-json' } });
    expect(readImport('  ')).toMatchObject({ ok: false, problem: { code: 'empty' } });
    const tooLarge = readImport('{}', LIMITS.maxImportBytes + 1);
    expect(tooLarge).toMatchObject({ ok: false, problem: { code: 'too-large' } });
    // The limit from the one table, in the words the `trace` command uses for a file too large.
    if (tooLarge.ok) throw new Error('expected a refusal');
    expect(problemText(tooLarge.problem, playgroundStrings.en)).toBe('the file has 8.1 MB; the limit is 8.0 MB');
    expect(problemText(tooLarge.problem, playgroundStrings['zh-TW'])).toBe('檔案大小為 8.1 MB，上限是 8.0 MB');
    const long = JSON.stringify({ mechanism: 'linear_attention', q: Array.from({ length: 1025 }, () => [1]), k: Array.from({ length: 1025 }, () => [1]), v: Array.from({ length: 1025 }, () => [1]) });
    const refused = readImport(long);
    expect(refused).toMatchObject({ ok: false, problem: { code: 'invalid' } });
    // The same words as the `trace` command's (one limit table, src/core/limits.ts), in both languages.
    if (refused.ok || refused.problem.code !== 'invalid') throw new Error('expected an invalid case');
    expect(refused.problem.error.message).toBe('q: has 1025 rows; the limit is 1024');
    expect(errorText(refused.problem.error, playgroundStrings.en.errors)).toBe('q: has 1025 rows; the limit is 1024');
    expect(errorText(refused.problem.error, playgroundStrings['zh-TW'].errors)).toBe('q：有 1025 列；上限是 1024');
  });
});

describe('case errors are data', () => {
  it('every problem code has words in both languages, and every placeholder is filled', () => {
    const values = { got: 'text', text: 'abc', value: '2', range: 'beta', expected: 3, count: 4, limit: 5, allowed: 'a, b' } as const;
    for (const code of CASE_PROBLEMS) {
      const e = new CaseError('q', code, values);
      for (const lang of ['en', 'zh-TW'] as const) {
        const text = errorText(e, playgroundStrings[lang].errors);
        expect(text, `${lang} ${code}`).not.toMatch(/\{\w+\}/);
        expect(text.startsWith('q'), text).toBe(true);
      }
    }
  });

  it('the English message is the trace command’s rendering of the same data', () => {
    const e = caseError({ mechanism: 'retnet', q, k: q, v: q, gamma: 2 });
    expect([e.field, e.code, e.values]).toEqual(['gamma', 'outOfRange', { range: 'unitClosed', value: '2' }]);
    expect(e.message).toBe('gamma: must be in [0, 1], got 2');
  });
});
