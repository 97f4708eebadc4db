// The lab route (#/lab) paints in two stages, as a chapter does (pageSettle.tsx): its title and prose
// as soon as the prose is in, then its live figure, whose code (the core, the heatmaps, d3's colour
// scales) is a chunk of its own, asked for once the text is painted. The figure sat under an empty
// space and then moved down when both came at once; now what is painted stays where it is.
import { lazy } from 'react';
import { Prose } from '../content/Prose';
import { useLocalized } from '../i18n/define';
import { AfterTop, SettleBelow, SettleGate } from '../shell/pageSettle';
import { labStrings } from './lab.strings';

const LabFigure = lazy(() => import('./FirstLight').then((m) => ({ default: m.LabFigure })));

const LAB_TOP = ['prose-all'] as const;
/** The figure then waits for itself too (DualView). */
const LAB_BELOW = ['lab-figure'] as const;

export function LabRoute() {
  const labUi = useLocalized(labStrings);
  return (
    <SettleGate parts={LAB_TOP} below={LAB_BELOW}>
      <article className="first-light">
        <h1>{labUi.title}</h1>
        <Prose id="first-light" />
        <SettleBelow>
          <AfterTop part="lab-figure">
            <LabFigure />
          </AfterTop>
        </SettleBelow>
      </article>
    </SettleGate>
  );
}
