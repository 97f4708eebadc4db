// Where a prose file is cut: shared by the build-time renderer (buildProse.ts) and the tests.

/** A chapter's prose is split by a `<!-- figure -->` line: the part before the live figure and after it. */
export type ProsePart = 'all' | 'before' | 'after';
const FIGURE_MARK = /^<!--\s*figure\s*-->\s*$/m;

export function hasFigureMark(source: string): boolean {
  return FIGURE_MARK.test(source);
}

export function splitAtFigure(source: string, part: ProsePart): string {
  if (part === 'all') return source.replace(FIGURE_MARK, '');
  const [before, after = ''] = source.split(FIGURE_MARK);
  return part === 'before' ? before : after;
}
