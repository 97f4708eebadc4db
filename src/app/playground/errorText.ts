// Problems with a learner's own numbers, in the page's language. The core's CaseError speaks English
// (the `trace` command prints it); its few sentence shapes are matched here and re-worded from the
// page's string table, so the 繁體中文 page never shows an English sentence. Field names (q, k[3],
// gamma) are symbols and stay as they are.
import { CaseError } from '../../core/cases';
import { TraceFileError, type TraceProblem } from '../../trace/cliTrace';

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

export const RANGES = ['unitOpen', 'unitClosed', 'beta', 'positive', 'nonPositive', 'negative'] as const;
export type RangeName = (typeof RANGES)[number];
const RANGE_OF: Record<string, RangeName> = {
  'in (0, 1]': 'unitOpen',
  'in [0, 1]': 'unitClosed',
  'in [0, 2]': 'beta',
  'greater than 0': 'positive',
  '≤ 0': 'nonPositive',
  'less than 0': 'negative',
};

export const KINDS = ['null', 'array', 'text', 'object', 'boolean', 'undefined', 'number', 'other'] as const;
export type KindName = (typeof KINDS)[number];

/** How `describe` in cases.ts names a wrong value, back as a kind (+ the text, for strings). */
function kindOf(got: string): { kind: KindName; text?: string } {
  const text = /^the text "(.*)"$/.exec(got);
  if (text) return { kind: 'text', text: text[1] };
  if (got === 'an array') return { kind: 'array' };
  if ((KINDS as readonly string[]).includes(got)) return { kind: got as KindName };
  return { kind: 'other' };
}

type Shape = [RegExp, CaseProblem, string[]];
const SHAPES: Shape[] = [
  [/^expected a number, got (.+)$/, 'notNumber', ['got']],
  [/^must be a finite number, got (.+)$/, 'notFinite', ['value']],
  [/^must be (.+), got (.+)$/, 'outOfRange', ['range', 'value']],
  [/^expected an array of numbers, got (.+)$/, 'notVector', ['got']],
  [/^must not be empty$/, 'empty', []],
  [/^expected (\d+) entries, got (\d+)$/, 'wrongLength', ['expected', 'count']],
  [/^has (\d+) entries; the limit is (\d+)$/, 'tooLong', ['count', 'limit']],
  [/^expected an array of rows, got (.+)$/, 'notMatrix', ['got']],
  [/^expected (\d+) rows, got (\d+)$/, 'wrongRows', ['expected', 'count']],
  [/^has (\d+) rows; the limit is (\d+)$/, 'tooManyRows', ['count', 'limit']],
  [/^expected a row of numbers, got (.+)$/, 'notRow', ['got']],
  [/^expected (\d+) entries like the other rows, got (\d+)$/, 'ragged', ['expected', 'count']],
  [/^has (\d+) entries; the width limit is (\d+)$/, 'tooWide', ['count', 'limit']],
  [/^expected a JSON object with a "mechanism" field$/, 'notObject', []],
  [/^is missing; expected one of (.+)$/, 'missingMechanism', ['allowed']],
  [/^unknown mechanism (.+); expected one of (.+)$/, 'unknownMechanism', ['got', 'allowed']],
];

export interface CaseProblemText {
  problem: CaseProblem | null;
  params: Record<string, string>;
  /** For 'got': what kind of value was there instead. */
  got?: { kind: KindName; text?: string };
  range?: RangeName;
}

/** The sentence shape of a CaseError's problem, or null when it is none of the known shapes. */
export function caseProblemOf(e: CaseError): CaseProblemText {
  for (const [re, problem, names] of SHAPES) {
    const m = re.exec(e.problem);
    if (!m) continue;
    const params: Record<string, string> = {};
    names.forEach((n, i) => (params[n] = m[i + 1]));
    const out: CaseProblemText = { problem, params };
    if (names.includes('got') && problem !== 'unknownMechanism') out.got = kindOf(params.got);
    if (problem === 'outOfRange') {
      const range = RANGE_OF[params.range];
      if (!range) continue;
      out.range = range;
    }
    return out;
  }
  return { problem: null, params: {} };
}

export interface ErrorWords {
  caseProblems: Record<CaseProblem, string>;
  ranges: Record<RangeName, string>;
  kinds: Record<KindName, string>;
  traceProblems: Record<TraceProblem, string>;
  /** "{field}: {problem}" */
  fieldProblem: string;
  /** When a problem has no known shape: "this value is not valid". */
  unknownProblem: string;
}

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/** A CaseError or TraceFileError as one sentence in the page's language. */
export function errorText(e: CaseError | TraceFileError, words: ErrorWords): string {
  if (e instanceof TraceFileError) return fill(words.fieldProblem, { field: e.field, problem: fill(words.traceProblems[e.problem], e.params) });
  const shape = caseProblemOf(e);
  if (!shape.problem) return fill(words.fieldProblem, { field: e.field, problem: words.unknownProblem });
  const params = { ...shape.params };
  if (shape.got) params.got = fill(words.kinds[shape.got.kind], { text: shape.got.text ?? '' });
  if (shape.range) params.range = words.ranges[shape.range];
  return fill(words.fieldProblem, { field: e.field, problem: fill(words.caseProblems[shape.problem], params) });
}
