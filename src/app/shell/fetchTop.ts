// The first piece a chapter paints is its title and first prose (pageSettle.tsx); the prose is a chunk
// of its own (build/prose-plugin.ts). Asked for here, before React renders the page, its fetch overlaps
// that render instead of starting after it (Lighthouse mobile: the render is ~4× slower there).
// loadPart keeps the promise, so the page's Prose gets this same fetch.
import { findChapter } from '../chapters/registry';
import { loadPart } from '../content/loadContent';
import type { Lang } from '../i18n';
import { parseRoute } from '../routes';

export function fetchTop(hash: string, lang: Lang): void {
  const route = parseRoute(hash);
  const chapter = route.page === 'chapter' ? findChapter(route.slug) : undefined;
  // A failure here is the page's to show (its Prose asks again and reports it).
  if (chapter?.load) loadPart(lang, chapter.contentId, 'before').catch(() => undefined);
}
