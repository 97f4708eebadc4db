// Chapter 8's answers: the same story run live through two models — linear attention and the
// chapter's delta-rule memory — and the last read of each decoded into scores over the places.
// Until a live run is back the float64 reference fills in (and the badge says so).
import { useMemo } from 'react';
import { runReference } from '../../../core';
import { PLACES, decodePlaces, latestPlace, rankPlaces, type Story, type StoryCase } from '../../../core/story';
import { ScoreBars } from '../../../viz/ScoreBars';
import { maxAbsOf } from '../../../viz';
import { ch08Strings } from './strings';
import { BackendBadge } from '../../components/BackendBadge';
import { RunProblems } from '../../components/RunProblems';
import { useLiveRun, type LiveRun } from '../../hooks/useLiveRun';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import './story.css';

export interface StoryAnswersProps {
  story: Story;
  linearCase: StoryCase;
  memoryCase: StoryCase;
  /** Title of the delta-rule memory, e.g. "DeltaNet (β = 1.00)". */
  memoryTitle: string;
  /** False until the learner commits a prediction: the bars stay hidden. */
  revealed: boolean;
}

/** A chart's own scale: its largest |score| reaches the end of the track (1 when all are 0). */
export function scaleOf(scores: readonly number[]): number {
  const m = maxAbsOf(scores);
  return m > 1e-9 ? m : 1;
}

/** The last read o_T, from the live run when it is back, else from the float64 core. */
function lastRead(run: LiveRun, c: StoryCase): number[] {
  const o = run.status === 'done' ? run.outcome.result.o : runReference(c, 'parallel').o;
  return o[o.length - 1];
}

export function StoryAnswers({ story, linearCase, memoryCase, memoryTitle, revealed }: StoryAnswersProps) {
  const ui = useLocalized(ch08Strings);
  const linearRun = useLiveRun(linearCase, 'parallel');
  const memoryRun = useLiveRun(memoryCase, 'parallel');
  const linearScores = useMemo(() => decodePlaces(lastRead(linearRun, linearCase)), [linearRun, linearCase]);
  const memoryScores = useMemo(() => decodePlaces(lastRead(memoryRun, memoryCase)), [memoryRun, memoryCase]);
  const placeNames = PLACES.map((p) => ui.places[p]);
  const who = ui.entities[story.question];
  const latest = latestPlace(story, story.question);
  // Each chart its own scale (its top score fills the track): on one shared scale DeltaNet's exact
  // 1.00 looked faint beside linear attention's larger mixed scores. The note under the charts says so.
  const signed = [...linearScores, ...memoryScores].some((x) => x < -1e-6);

  const verdict = (scores: number[]) => {
    const r = rankPlaces(scores);
    if (r.top === null) return fill(ui.answers.none, { who });
    if (r.tied.length > 1) return fill(ui.answers.tie, { places: r.tied.map((i) => placeNames[i]).join(' = ') });
    return fill(ui.answers.says, { place: placeNames[r.top] });
  };
  const column = (name: string, scores: number[], run: LiveRun, testId: string) => {
    const r = rankPlaces(scores);
    return (
      <div className="answer-column" data-testid={testId} data-top={r.top === null ? '' : PLACES[r.top]} data-tied={r.tied.map((i) => PLACES[i]).join(',')}>
        <ScoreBars
          labels={placeNames}
          values={scores}
          limit={scaleOf(scores)}
          signed={signed}
          marked={r.tied}
          title={name}
          label={fill(ui.answers.scores, { name })}
          markText={ui.answers.answer}
          testId={`${testId}-bars`}
        />
        <p className="answer-verdict" data-testid={`${testId}-verdict`}>
          {verdict(scores)}
        </p>
        <BackendBadge run={run} testId={`${testId}-backend`} />
      </div>
    );
  };

  return (
    <section className="answers" aria-label={ui.answers.title} data-testid="answers" data-revealed={revealed}>
      <h3>{ui.answers.title}</h3>
      {!revealed ? (
        <p className="muted" data-testid="answers-hidden">
          {ui.answers.hidden}
        </p>
      ) : (
        <>
          <p data-testid="answer-truth">{latest ? fill(ui.answers.truth, { who, place: ui.places[latest] }) : fill(ui.answers.truthNone, { who })}</p>
          <div className="answer-columns">
            {column(ui.answers.linear, linearScores, linearRun, 'answer-linear')}
            {column(memoryTitle, memoryScores, memoryRun, 'answer-delta')}
          </div>
          <RunProblems runs={[linearRun, memoryRun]} />
          <p className="muted story-note" data-testid="answers-scale">
            {ui.answers.scale}
          </p>
          <p className="muted story-note">{ui.answers.decoded}</p>
        </>
      )}
    </section>
  );
}
