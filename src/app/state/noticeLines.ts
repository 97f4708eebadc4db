// The link notice's lines, bounded whatever the link holds: every quoted bit of the link is clipped
// (schema.ts `clip`), and many unknown parameters become one line that names a few of them — a
// link with hundreds of made-up parameters, or one 20 KB name, still gives a notice of a few lines.
import { clip, type ProblemCode } from './schema';
import type { LinkIssue } from './UrlState';

/** Longest parameter name quoted back. */
export const MAX_NAME_QUOTE = 24;
/** More unknown parameters than this are told in one line. */
export const MAX_UNKNOWN_LINES = 3;
/** How many of them that line names. */
const NAMED = 3;

export type NoticeLine =
  | { kind: 'issue'; key: string; param: string; code: ProblemCode; values: Record<string, string> }
  | { kind: 'unknown-many'; key: string; values: { n: string; names: string } };

export function noticeLines(issues: readonly LinkIssue[]): NoticeLine[] {
  const unknown = issues.filter((i) => i.problem.code === 'unknown-param');
  const collapse = unknown.length > MAX_UNKNOWN_LINES;
  const lines: NoticeLine[] = [];
  for (const issue of issues) {
    if (collapse && issue.problem.code === 'unknown-param') continue;
    const param = clip(issue.param, MAX_NAME_QUOTE);
    lines.push({
      kind: 'issue',
      key: `${issue.param}:${issue.problem.code}`,
      param,
      code: issue.problem.code,
      values: { param, text: clip(issue.text), ...issue.problem.values },
    });
  }
  if (collapse) {
    const names = unknown.slice(0, NAMED).map((i) => clip(i.param, MAX_NAME_QUOTE));
    lines.push({ kind: 'unknown-many', key: 'unknown-many', values: { n: String(unknown.length), names: `${names.join(', ')}, …` } });
  }
  return lines;
}
