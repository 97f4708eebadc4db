// Load one prose file for one language, lazily (each becomes its own small chunk).
import type { Lang } from '../i18n';

const files = import.meta.glob<string>('/content/*/*.md', { query: '?raw', import: 'default' });

/** A chapter's prose is split by a `<!-- figure -->` line: the part before the live figure and after it. */
export type ProsePart = 'all' | 'before' | 'after';
const FIGURE_MARK = /^<!--\s*figure\s*-->\s*$/m;

export function splitAtFigure(source: string, part: ProsePart): string {
  if (part === 'all') return source.replace(FIGURE_MARK, '');
  const [before, after = ''] = source.split(FIGURE_MARK);
  return part === 'before' ? before : after;
}

/**
 * Rendered prose, kept for the tab: the glossary marks read a chapter's first part again when they
 * mark its second, and going back to a chapter shows it again — KaTeX renders each part once.
 */
const rendered = new Map<string, Promise<string>>();

export function loadContent(lang: Lang, id: string, part: ProsePart = 'all'): Promise<string> {
  const key = `${lang}/${id}#${part}`;
  let html = rendered.get(key);
  if (!html) {
    html = renderContent(lang, id, part);
    html.catch(() => rendered.delete(key)); // a failed fetch is tried again next time
    rendered.set(key, html);
  }
  return html;
}

async function renderContent(lang: Lang, id: string, part: ProsePart): Promise<string> {
  const load = files[`/content/${lang}/${id}.md`];
  if (!load) throw new Error(`missing content file content/${lang}/${id}.md`);
  // marked and KaTeX come with the first prose, not in the first bundle.
  const [{ renderMarkdown }, source] = await Promise.all([import('./markdown'), load()]);
  return renderMarkdown(splitAtFigure(source, part));
}

/** Whether a prose file exists (for prose that a chapter may or may not have its own version of). */
export function hasContent(lang: Lang, id: string): boolean {
  return `/content/${lang}/${id}.md` in files;
}

/**
 * The prose above a chapter's trained-model panel: the chapter's own (trained-<task>-<slug>) where it
 * has one — two chapters show the same task through different memories — else the task's.
 */
export function trainedProseId(task: string, slug: string): string {
  const own = `trained-${task}-${slug}`;
  return hasContent('en', own) ? own : `trained-${task}`;
}
