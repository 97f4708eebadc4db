// Home: what the site is, in two sentences, and one live figure. The text paints as soon as the entry
// has run (it is what a visitor reads first); the figure's code (the core, the heatmaps, d3's colour
// scales) is its own chunk, kept out of the entry every page waits for, and the figure and the contents
// under it paint once it is in (pageSettle.tsx's second stage), so nothing painted moves; it is asked
// for once the text is painted. The figure then waits alone until it will not move (DualView).
import { Suspense, lazy } from 'react';
import { Contents } from '../shell/Contents';
import { routeHref } from '../routes';
import { homeStrings } from './home.strings';
import { siteStrings } from '../shell/site.strings';
import { useLocalized } from '../i18n/define';
import { SettleBelow, SettleGate, Settled, useAfterFirstPaint } from '../shell/pageSettle';

const DualView = lazy(() => import('./DualView').then((m) => ({ default: m.DualView })));

const HOME_TOP: readonly string[] = [];
const HOME_BELOW = ['home-figure'] as const;

/** The live figure, asked for once the text above it is painted (useAfterFirstPaint). */
function HomeFigure() {
  if (!useAfterFirstPaint()) return null;
  return (
    <Suspense fallback={null}>
      <DualView seed={1} />
      <Settled part="home-figure" />
    </Suspense>
  );
}

export function Home() {
  const site = useLocalized(siteStrings);
  const homeUi = useLocalized(homeStrings);
  return (
    <SettleGate parts={HOME_TOP} below={HOME_BELOW}>
      <article className="home">
        <h1>{site.siteName}</h1>
        <p className="lead">{homeUi.lead}</p>
        <p className="lead">{homeUi.lead2}</p>
        <p>
          <a className="button primary" href={routeHref({ page: 'chapter', slug: 'why' })}>
            {homeUi.start} →
          </a>
        </p>
        <SettleBelow>
          <figure className="home-figure">
            <HomeFigure />
            <figcaption className="muted">{homeUi.liveCaption}</figcaption>
          </figure>
          <Contents />
        </SettleBelow>
      </article>
    </SettleGate>
  );
}
