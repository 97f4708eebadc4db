// The first piece a chapter (the lab, the playground) paints is its title and first prose (pageSettle.tsx); the prose is a chunk
// of its own (build/prose-plugin.ts). Asked for here, before React renders the page, its fetch overlaps
// that render instead of starting after it (Lighthouse mobile: the render is ~4× slower there).
// loadPart keeps the promise, so the page's Prose gets this same fetch.
import { findChapter } from '../chapters/registry';
import { formulaTops } from 'virtual:prose';
import { loadPart, type ProsePart } from '../content/loadContent';
import type { Lang } from '../i18n';
import { parseRoute } from '../routes';
import { loadKatexFaces } from '../../viz/katexFaces';

export function fetchTop(hash: string, lang: Lang): void {
  const route = parseRoute(hash);
  const chapter = route.page === 'chapter' ? findChapter(route.slug) : undefined;
  const top: { id: string; part: ProsePart } | null = chapter?.load
    ? { id: chapter.contentId, part: 'before' }
    : route.page === 'lab'
      ? { id: 'first-light', part: 'all' }
      : route.page === 'playground'
        ? { id: 'playground', part: 'all' }
        : null;
  if (!top) return;
  // A top with formulas paints once KaTeX's fonts are in (pageSettle.tsx waits for them, so nothing
  // reflows). The build lists such tops: their fonts are asked for now, beside the prose's own fetch,
  // not once the prose is in (Lighthouse mobile counts each fetch in that chain towards the page's
  // largest paint).
  if (formulaTops.has(`${lang}/${top.id}`)) void loadKatexFaces();
  // A failure is the page's to show (its Prose asks again and reports it).
  loadPart(lang, top.id, top.part).catch(() => undefined);
}
