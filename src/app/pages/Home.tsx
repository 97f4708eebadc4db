// Home: what the site is, in two sentences, and one live figure. No page gate: the text paints at once
// (it is what a visitor reads first) and the figure, below it, waits alone until it will not move (DualView).
import { Contents } from '../shell/Contents';
import { routeHref } from '../routes';
import { DualView } from './DualView';
import { homeStrings } from './home.strings';
import { siteStrings } from '../shell/site.strings';
import { useLocalized } from '../i18n/define';

export function Home() {
  const site = useLocalized(siteStrings);
  const homeUi = useLocalized(homeStrings);
  return (
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
  );
}
