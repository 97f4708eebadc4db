// Glossary buttons in a chapter's prose. The prose comes in two parts around the figure; a term
// first used before the figure is not marked again after it, so "first use" means per chapter.
import type { Lang } from '../i18n';
import { loadContent, type ProsePart } from '../content/loadContent';
import { loadGlossary } from './loadGlossary';
import { markTerms } from './markTerms';

export async function markChapterProse(lang: Lang, contentId: string, part: ProsePart, html: string): Promise<string> {
  const { entries } = await loadGlossary(lang);
  const used = part === 'after' ? markTerms(await loadContent(lang, contentId, 'before'), entries).used : new Set<string>();
  return markTerms(html, entries, used).html;
}
