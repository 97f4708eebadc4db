// Load one prose file's part for one language, lazily. The prose is rendered at build time
// (build/prose-plugin.ts): each part is its own small chunk of HTML, with its glossary marks.
import { prose } from 'virtual:prose';
import type { Lang } from '../i18n';
import type { RenderedPart } from './buildProse';
import type { ProsePart } from './split';
import { hasKatex, loadKatexFaces } from '../../viz/katexFaces';

export type { ProsePart } from './split';

/** Parts loaded, kept for the tab: going back to a chapter shows it again without a fetch. */
const loaded = new Map<string, Promise<RenderedPart>>();

export function loadPart(lang: Lang, id: string, part: ProsePart = 'all'): Promise<RenderedPart> {
  const key = `${lang}/${id}#${part}`;
  let html = loaded.get(key);
  if (!html) {
    html = fetchPart(lang, id, part);
    html.catch(() => loaded.delete(key)); // a failed fetch is tried again next time
    loaded.set(key, html);
  }
  return html;
}

async function fetchPart(lang: Lang, id: string, part: ProsePart): Promise<RenderedPart> {
  const parts = prose[`${lang}/${id}`];
  if (!parts) throw new Error(`missing content file content/${lang}/${id}.md`);
  const load = parts[part];
  if (!load) throw new Error(`content/${lang}/${id}.md is read ${Object.keys(parts).join(' and ')}, not ${part}`);
  const rendered = (await load()).default;
  // Prose with formulas goes in once KaTeX's faces are in: laid out before, it is laid out twice (katexFaces.ts).
  if (hasKatex(rendered.html)) await loadKatexFaces();
  return rendered;
}

/** Whether a prose file exists (for prose that a chapter may or may not have its own version of). */
export function hasContent(lang: Lang, id: string): boolean {
  return `${lang}/${id}` in prose;
}

/**
 * The prose above a chapter's trained-model panel: the chapter's own (trained-<task>-<slug>) where it
 * has one — two chapters show the same task through different memories — else the task's.
 */
export function trainedProseId(task: string, slug: string): string {
  const own = `trained-${task}-${slug}`;
  return hasContent('en', own) ? own : `trained-${task}`;
}
