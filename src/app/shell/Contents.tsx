import { CHAPTERS } from '../chapters/registry';
import { fill, useStrings } from '../i18n';
import { useLocalized } from '../i18n/define';
import { playgroundStrings } from '../playground/playground.strings';
import { routeHref } from '../routes';

/** The table of contents: every chapter in order; the ones not live yet are listed but not linked. */
export function Contents({ current }: { current?: string }) {
  const { t } = useStrings();
  const playground = useLocalized(playgroundStrings);
  return (
    <nav aria-label={t.nav.contents} className="contents">
      <h2>{t.nav.contents}</h2>
      <ol start={0}>
        {CHAPTERS.map((c) => {
          const title = t.chapterTitles[c.slug as keyof typeof t.chapterTitles];
          const label = `${fill(t.nav.chapter, { n: String(c.number) })} · ${title}`;
          return (
            <li key={c.slug} value={c.number}>
              {c.load ? (
                <a href={routeHref({ page: 'chapter', slug: c.slug })} aria-current={current === c.slug ? 'page' : undefined}>
                  {label}
                </a>
              ) : (
                <span className="muted">
                  {label} <em>({t.nav.comingSoon})</em>
                </span>
              )}
            </li>
          );
        })}
        <li value={undefined} className="lab-link">
          <a href={routeHref({ page: 'glossary' })} aria-current={current === 'glossary' ? 'page' : undefined}>
            {t.titles.glossary}
          </a>
        </li>
        <li value={undefined} className="lab-link">
          <a href={routeHref({ page: 'lab' })}>{t.nav.lab}</a>
        </li>
        <li value={undefined} className="lab-link">
          <a href={routeHref({ page: 'playground' })} aria-current={current === 'playground' ? 'page' : undefined}>
            {playground.nav}
          </a>
        </li>
      </ol>
    </nav>
  );
}
