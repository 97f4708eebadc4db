// The glossary page (#/glossary): every term of content/<lang>/glossary.md with its meaning, each
// with a stable anchor (id glossary-<key>). #/glossary/<key> opens the page at that entry.
import { SafeHtml } from '../../viz/safeHtml';
import { useEffect } from 'react';
import { fill, useStrings } from '../i18n';
import { useLocalized } from '../i18n/define';
import { routeHref } from '../routes';
import { glossaryStrings } from './glossary.strings';
import { useGlossary } from './useGlossary';
import './glossary.css';
import { siteStrings } from '../shell/site.strings';
import { useSettled, useTopPainted } from '../shell/pageSettle';

export const entryId = (key: string) => `glossary-${key}`;

export function GlossaryPage({ term }: { term?: string }) {
  const { lang } = useStrings();
  const site = useLocalized(siteStrings);
  const ui = useLocalized(glossaryStrings);
  const { glossary, error } = useGlossary(lang);
  // The route paints the page once the table is in (GlossaryRoute.tsx): the footer does not jump past a loading line.
  useSettled('glossary-table', glossary !== null || error !== null);
  // An entry in a page still unpainted (visibility: hidden) cannot take the focus: wait for the paint.
  const painted = useTopPainted();
  const found = !!glossary && !!term && glossary.entries.some((e) => e.key === term);

  useEffect(() => {
    if (!found || !term || !painted) return;
    const el = document.getElementById(entryId(term));
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'start' });
  }, [found, term, painted]);

  return (
    <article className="glossary" data-testid="glossary">
      <h1>{site.titles.glossary}</h1>
      {error && <p role="alert">{error}</p>}
      {!glossary && !error && <p className="muted">{ui.loading}</p>}
      {glossary && (
        <>
          {term && !found && <p className="notice">{fill(ui.missing, { term })}</p>}
          <SafeHtml className="prose" html={glossary.introHtml} />
          <dl className="glossary-list">
            {glossary.entries.map((e) => (
              <div key={e.key} id={entryId(e.key)} tabIndex={-1} className={`gloss-entry${e.key === term ? ' is-target' : ''}`} data-term={e.key}>
                <dt>
                  <SafeHtml as="span" html={e.termHtml} />
                  <a className="gloss-entry-link" href={routeHref({ page: 'glossary', term: e.key })} aria-label={`${ui.entryLink}: ${e.term}`}>
                    #
                  </a>
                </dt>
                <SafeHtml as="dd" html={e.meaningHtml} />
              </div>
            ))}
          </dl>
        </>
      )}
    </article>
  );
}
