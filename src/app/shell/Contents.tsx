import { CHAPTERS } from '../chapters/registry';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { routeHref } from '../routes';
import { siteStrings } from './site.strings';

/** The table of contents: every chapter in order; the ones not live yet are listed but not linked. */
export function Contents({ current }: { current?: string }) {
  const site = useLocalized(siteStrings);
  return (
    <nav aria-label={site.nav.contents} className="contents">
      <h2>{site.nav.contents}</h2>
      <ol start={0}>
        {CHAPTERS.map((c) => {
          const title = site.chapterTitles[c.slug as keyof typeof site.chapterTitles];
          const label = `${fill(site.nav.chapter, { n: String(c.number) })} · ${title}`;
          return (
            <li key={c.slug} value={c.number}>
              {c.load ? (
                <a href={routeHref({ page: 'chapter', slug: c.slug })} aria-current={current === c.slug ? 'page' : undefined}>
                  {label}
                </a>
              ) : (
                <span className="muted">
                  {label} <em>({site.nav.comingSoon})</em>
                </span>
              )}
            </li>
          );
        })}
        <li value={undefined} className="lab-link">
          <a href={routeHref({ page: 'glossary' })} aria-current={current === 'glossary' ? 'page' : undefined}>
            {site.titles.glossary}
          </a>
        </li>
        <li value={undefined} className="lab-link">
          <a href={routeHref({ page: 'lab' })}>{site.nav.lab}</a>
        </li>
        <li value={undefined} className="lab-link">
          <a href={routeHref({ page: 'playground' })} aria-current={current === 'playground' ? 'page' : undefined}>
            {site.nav.playground}
          </a>
        </li>
        <li value={undefined} className="lab-link">
          <a href={routeHref({ page: 'train' })} aria-current={current === 'train' ? 'page' : undefined}>
            {site.titles.train}
          </a>
        </li>
      </ol>
    </nav>
  );
}
