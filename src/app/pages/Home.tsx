// Home: what the site is, in two sentences, and one live figure.
import { Contents } from '../shell/Contents';
import { routeHref } from '../routes';
import { DUAL_VIEW_PART, DualView } from './DualView';
import { SettleGate } from '../shell/pageSettle';
import { homeStrings } from './home.strings';
import { siteStrings } from '../shell/site.strings';
import { useLocalized } from '../i18n/define';

/** Painted once the live figure has its formulas and knows its notice, so nothing under them moves. */
const HOME_PARTS = [DUAL_VIEW_PART];

export function Home() {
  const site = useLocalized(siteStrings);
  const homeUi = useLocalized(homeStrings);
  return (
    <SettleGate parts={HOME_PARTS}>
      <article className="home">
        <h1>{site.siteName}</h1>
        <p className="lead">{homeUi.lead}</p>
        <p className="lead">{homeUi.lead2}</p>
        <p>
          <a className="button primary" href={routeHref({ page: 'chapter', slug: 'why' })}>
            {homeUi.start} →
          </a>
        </p>
        <figure className="home-figure">
          <DualView seed={1} />
          <figcaption className="muted">{homeUi.liveCaption}</figcaption>
        </figure>
        <Contents />
      </article>
    </SettleGate>
  );
}
