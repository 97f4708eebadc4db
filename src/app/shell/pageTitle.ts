// The document title of each page, in the page's language: the tab and the history list then say
// which chapter is which, not "Memory Lane" on every page.
import { useEffect } from 'react';
import { findChapter } from '../chapters/registry';
import { fill, type Lang } from '../i18n';
import type { SiteWords } from './site.strings';
import type { Route } from '../routes';

export function pageTitle(route: Route, t: SiteWords): string {
  const page = (name: string) => fill(t.titles.page, { page: name, site: t.siteName });
  switch (route.page) {
    case 'home':
      return t.titles.home;
    case 'lab':
      return page(t.nav.lab);
    case 'playground':
      return page(t.titles.playground);
    case 'train':
      return page(t.titles.train);
    case 'glossary':
      return page(t.titles.glossary);
    case 'chapter':
    case 'embed': {
      const chapter = findChapter(route.slug);
      if (!chapter?.load) return page(t.nav.notFound);
      const title = t.chapterTitles[chapter.slug as keyof typeof t.chapterTitles];
      return page(`${fill(t.nav.chapter, { n: String(chapter.number) })} · ${title}`);
    }
    case 'not-found':
      return page(t.nav.notFound);
  }
}

/** Keep the document's title and language in step with the route and the language switch. */
export function useDocumentTitle(route: Route, lang: Lang, t: SiteWords): void {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = pageTitle(route, t);
  }, [route, lang, t]);
}
