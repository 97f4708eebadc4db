// What the build makes of content/<lang>/*.md (build/prose-plugin.ts runs this in Vite's module
// runner): each part's HTML, where its glossary terms are first used, and the glossary table. The
// page gets only the results, so it downloads neither marked nor the prose's Markdown, and renders no
// prose math on a phone's main thread.
import { markTerms, type MatchTerm } from '../glossary/markTerms';
import type { TermMark } from '../glossary/marks';
import { hasMath, rawHtml, renderMarkdown } from './markdown';
import { hasFigureMark, splitAtFigure, type ProsePart } from './split';

export { buildGlossary } from '../glossary/buildGlossary';

export interface RenderedPart {
  html: string;
  /** The first use of each glossary term in the chapter (see markChapter below). */
  marks: TermMark[];
}

/** The parts a file is read in: before and after its figure where it has a figure mark, else whole. */
export function partsOf(source: string): ProsePart[] {
  return hasFigureMark(source) ? ['before', 'after'] : ['all'];
}

/** Whether the part a page paints first ('before', or the whole file) has math (fetchTop.ts). */
export function topHasMath(source: string): boolean {
  return hasMath(splitAtFigure(source, partsOf(source)[0]));
}

/**
 * One part of a prose file, rendered. Its glossary marks follow the chapter, not the part: a term
 * first used before the figure is not marked again after it.
 */
export function renderPart(source: string, part: ProsePart, terms: readonly MatchTerm[]): RenderedPart {
  const raw = rawHtml(source);
  if (raw.length) throw new Error(`prose may not write HTML of its own (it is set unsanitised): ${raw[0]}`);
  const html = renderMarkdown(splitAtFigure(source, part));
  const used = part === 'after' ? markTerms(renderMarkdown(splitAtFigure(source, 'before')), terms).used : new Set<string>();
  return { html, marks: markTerms(html, terms, used).marks };
}
