// The playground route, loaded on demand: the chapters' readers never download it. It paints in two
// stages, as a chapter does (pageSettle.tsx): its title and lead (content/<lang>/playground.md, a chunk
// of a few hundred bytes) first, then the page, whose code (~150 kB: the views, the editor, the trained
// panel) is asked for once that text is painted.
import { lazy } from 'react';
import { Prose } from '../content/Prose';
import { useLocalized } from '../i18n/define';
import { AfterTop, SettleBelow, SettleGate } from '../shell/pageSettle';
import { siteStrings } from '../shell/site.strings';

const PlaygroundPage = lazy(() => import('./PlaygroundPage').then((m) => ({ default: m.PlaygroundPage })));

const PLAYGROUND_TOP = ['prose-all'] as const;
const PLAYGROUND_BELOW = ['playground'] as const;

export function PlaygroundRoute() {
  const site = useLocalized(siteStrings);
  return (
    <SettleGate parts={PLAYGROUND_TOP} below={PLAYGROUND_BELOW}>
      <article className="playground" data-testid="playground">
        <h1>{site.titles.playground}</h1>
        <div className="lead">
          <Prose id="playground" />
        </div>
        <SettleBelow>
          <AfterTop part="playground">
            <PlaygroundPage />
          </AfterTop>
        </SettleBelow>
      </article>
    </SettleGate>
  );
}
