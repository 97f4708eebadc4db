// #/embed/<slug>[/<figure>]: a chapter's figure alone, for an iframe on another page. It reads the
// same link parameters as the chapter (the UrlStateProvider around every page), so an embed shows
// what the copied view showed. No header, prose or navigation; one small link back to the course.
import { lazy, useEffect, useMemo } from 'react';
import { findChapter } from '../chapters/registry';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { routeHref } from '../routes';
import { ChapterFigure } from '../shell/ChapterFigure';
import { warmRuntimeWhenMayStart } from '../hooks/runtimeStart';
import { NotFound } from '../shell/NotFound';
import { EmbedContext } from './context';
import { embedStrings } from './embed.strings';
import './embed.css';
import { siteStrings } from '../shell/site.strings';

/** The class on <html> while an embed shows: the page then fits its frame (embed.css). */
const EMBEDDED = 'embedded';

export function partLabel(ui: { parts: Record<string, string> }, name: string): string {
  return ui.parts[name] ?? name;
}

export function EmbedPage({ slug, figure }: { slug: string; figure?: string }) {
  const site = useLocalized(siteStrings);
  const ui = useLocalized(embedStrings);
  const chapter = findChapter(slug);
  const Figure = useMemo(() => (chapter?.load ? lazy(chapter.load) : null), [chapter]);
  const embed = useMemo(() => ({ figure }), [figure]);
  // A chapter's figure runs models: onnxruntime's wasm starts as soon as the runtime may start.
  useEffect(warmRuntimeWhenMayStart, []);
  useEffect(() => {
    document.documentElement.classList.add(EMBEDDED);
    return () => document.documentElement.classList.remove(EMBEDDED);
  }, []);
  if (!chapter || !Figure) return <NotFound path={`/embed/${slug}`} />;
  const title = `${fill(site.nav.chapter, { n: String(chapter.number) })} · ${site.chapterTitles[chapter.slug as keyof typeof site.chapterTitles]}`;
  if (figure && !chapter.figures?.includes(figure))
    return (
      <p role="alert" className="error">
        {fill(ui.unknownFigure, { chapter: title, figure, names: (chapter.figures ?? []).join(', ') || '—' })}
      </p>
    );
  return (
    <EmbedContext.Provider value={embed}>
      <div className="embed-figure" data-chapter={chapter.slug} data-testid="embed-figure">
        <ChapterFigure Figure={Figure} />
      </div>
      <p className="embed-source">
        <a href={`${location.pathname}${location.search}${routeHref({ page: 'chapter', slug: chapter.slug })}`} target="_blank" rel="noopener">
          {fill(ui.source, { chapter: figure ? `${title} · ${partLabel(ui, figure)}` : title })} ↗
        </a>
      </p>
    </EmbedContext.Provider>
  );
}
