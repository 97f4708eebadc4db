// Problems with a learner's own numbers, in the page's language. A CaseError is data — the field, a
// problem code and the values it mentions (src/core/cases.ts) — so each language words it from its
// own string table; nothing here reads the English sentence. Field names (q, k[3], gamma) are
// symbols and stay as they are.
import { CASE_PROBLEMS, CaseError, KINDS, type CaseProblem, type KindName } from '../../core/cases';
import { RANGES as RANGE_SPECS, type RangeName } from '../../core/registry';
import { TraceFileError, type TraceProblem } from '../../trace/cliTrace';
import { fill } from '../i18n';

export { CASE_PROBLEMS, KINDS };
export type { CaseProblem, KindName, RangeName };

/** The ranges a field may have, each worded by the string tables. */
export const RANGES = Object.keys(RANGE_SPECS) as RangeName[];

export interface CaseProblemText {
  problem: CaseProblem;
  params: Record<string, string>;
  /** For 'got': what kind of value was there instead. */
  got?: { kind: KindName; text?: string };
  range?: RangeName;
}

/** A CaseError's problem and the values its words need, as text. */
export function caseProblemOf(e: CaseError): CaseProblemText {
  const { got, text, range, ...rest } = e.values;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) params[k] = String(v);
  const out: CaseProblemText = { problem: e.code, params };
  if (got !== undefined) {
    // The unknown mechanism's name is quoted back as it was; other problems name a kind of value.
    if (e.code === 'unknownMechanism') params.got = got;
    else out.got = { kind: (KINDS as readonly string[]).includes(got) ? (got as KindName) : 'other', text };
  }
  if (range) out.range = range;
  return out;
}

export interface ErrorWords {
  caseProblems: Record<CaseProblem, string>;
  ranges: Record<RangeName, string>;
  kinds: Record<KindName, string>;
  traceProblems: Record<TraceProblem, string>;
  /** "{field}: {problem}" */
  fieldProblem: string;
  /** When a problem has no words: "this value is not valid". */
  unknownProblem: string;
}

/** A CaseError or TraceFileError as one sentence in the page's language. */
export function errorText(e: CaseError | TraceFileError, words: ErrorWords): string {
  if (e instanceof TraceFileError) return fill(words.fieldProblem, { field: e.field, problem: fill(words.traceProblems[e.problem], e.params) });
  const shape = caseProblemOf(e);
  const template = words.caseProblems[shape.problem];
  if (!template) return fill(words.fieldProblem, { field: e.field, problem: words.unknownProblem });
  const params = { ...shape.params };
  if (shape.got) params.got = fill(words.kinds[shape.got.kind], { text: shape.got.text ?? '' });
  if (shape.range) params.range = words.ranges[shape.range];
  return fill(words.fieldProblem, { field: e.field, problem: fill(template, params) });
}
