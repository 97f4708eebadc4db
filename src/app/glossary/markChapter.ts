// Glossary buttons in a chapter's prose. The prose comes in two parts around the figure; a term
// first used before the figure is not marked again after it, so "first use" means per chapter.
import type { Lang } from '../i18n';
import { loadContent, type ProsePart } from '../content/loadContent';
import { loadGlossary } from './loadGlossary';
import { markTerms } from './markTerms';

/** A chapter's first part, marked: kept, since marking its second part needs the terms it used. */
const markedBefore = new Map<string, Promise<{ html: string; used: Set<string> }>>();

function markBefore(lang: Lang, contentId: string): Promise<{ html: string; used: Set<string> }> {
  const key = `${lang}/${contentId}`;
  let marked = markedBefore.get(key);
  if (!marked) {
    marked = Promise.all([loadGlossary(lang), loadContent(lang, contentId, 'before')]).then(([{ entries }, html]) => markTerms(html, entries));
    marked.catch(() => markedBefore.delete(key));
    markedBefore.set(key, marked);
  }
  return marked;
}

export async function markChapterProse(lang: Lang, contentId: string, part: ProsePart, html: string): Promise<string> {
  if (part === 'before' && html === (await loadContent(lang, contentId, 'before'))) return (await markBefore(lang, contentId)).html;
  const { entries } = await loadGlossary(lang);
  const used = part === 'after' ? (await markBefore(lang, contentId)).used : new Set<string>();
  return markTerms(html, entries, used).html;
}
