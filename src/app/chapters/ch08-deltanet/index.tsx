// Chapter 8: DeltaNet. The story "Joe went to the garden … Joe went to the kitchen. Where is Joe?" is
// written into two memories: linear attention adds every place up, the delta rule overwrites. The
// learner predicts first, then sees both answers (two live models), then steps through DeltaNet's
// memory, where every write is one gradient step on ½‖S k − v‖² (β up to 2; α for Gated DeltaNet).
// The story (?story=jg,mo_j), the keys, β, the gate, α and the step are in the link.
import { useMemo } from 'react';
import { betaRegime } from '../../../core/deltaStep';
import { DEFAULT_STORY, ENTITIES, KEY_SETS, PLACES, storyCase, type StoryMemory } from '../../../core/story';
import { Formula } from '../../../viz';
import { useExerciseGate } from '../../components/AnswerGate';
import { PredictReveal } from '../../components/PredictReveal';
import { PresetMenu, Slider } from '../../components/Controls';
import { DeltaStepPanel } from './DeltaStepPanel';
import { MemoryLab } from '../../figure/MemoryLab';
import { StoryAnswers } from './StoryAnswers';
import { StoryEditor } from './StoryEditor';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { storyParam } from '../../state/linkSchemas';
import { flag, numberIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { ch08Strings } from './strings';
import { Staggered } from '../../shell/pageSettle';

const PREDICT_CHOICES = ['latest-both', 'mix-latest', 'first-latest', 'mix-mix'] as const;
/** The sliders' ranges; a link's β and α are clamped and rounded to the same. */
const BETA = { min: 0, max: 2, step: 0.05 };
const ALPHA = { min: 0.05, max: 1, step: 0.05 };
const STORY = storyParam();

export default function DeltaNetChapter() {
  const ui = useLocalized(ch08Strings);
  const [story, setStory] = useUrlParam('story', STORY, DEFAULT_STORY);
  const [keys, setKeys] = useUrlParam('keys', oneOf(KEY_SETS), 'orthogonal');
  const [beta, setBeta] = useUrlParam('beta', numberIn(BETA), 1);
  const [gated, setGated] = useUrlParam('gated', flag(), false);
  const [alpha, setAlpha] = useUrlParam('alpha', numberIn(ALPHA), 0.8);
  // The answers (and story edits) wait for a locked-in guess; a lecturer's link (?hide=answer) waits for Reveal too.
  const revealed = useExerciseGate('deltanet').open;

  const memoryCase = useMemo(() => {
    const memory: StoryMemory = gated ? { mechanism: 'gated_deltanet', beta, alpha } : { mechanism: 'deltanet', beta };
    return storyCase(story, memory, keys);
  }, [story, keys, beta, gated, alpha]);
  const linearCase = useMemo(() => storyCase(story, { mechanism: 'linear_attention' }, keys), [story, keys]);
  const tokens = useMemo(
    () => [
      ...story.facts.map((f) => fill(ui.token, { who: ui.entities[f.entity], place: ui.places[f.place] })),
      fill(ui.questionToken, { who: ui.entities[story.question] }),
    ],
    [story, ui],
  );
  const placeName = (i: number) => ui.places[PLACES[i]];
  // With orthogonal keys each column of S belongs to one person; overlapping keys mix them.
  const keyName = (j: number) => (keys === 'orthogonal' ? ui.entities[ENTITIES[j]] : fill(ui.axes.dim, { n: String(j + 1) }));
  const memoryTitle = gated
    ? fill(ui.answers.gated, { alpha: alpha.toFixed(2), beta: beta.toFixed(2) })
    : fill(ui.answers.delta, { beta: beta.toFixed(2) });
  const regime = betaRegime(beta);
  // From the asked person's second fact on, the memory shows an overwrite (or a sum): the answer.
  const answerGate = useMemo(() => {
    const asked = story.facts.flatMap((f, i) => (f.entity === story.question ? [i] : []));
    const from = asked.length > 1 ? asked[1] : Infinity;
    return { exercise: 'deltanet' as const, locksStep: (step: number) => step >= from };
  }, [story]);

  return (
    <>
      {/* The story and the lab, laid out one a frame as the chapter loads (pageSettle.tsx). */}
      <Staggered>
        <section className="story-lab" aria-label={ui.storyRegion}>
          <StoryEditor story={story} onChange={setStory} locked={!revealed} onReset={() => setStory(DEFAULT_STORY)} />
          <PredictReveal
            exercise="deltanet"
            question={ui.predict.question}
            choices={PREDICT_CHOICES.map((id) => ({ id, label: ui.predict.choices[id] }))}
            explanation={<p>{ui.predict.explanation}</p>}
          />
          <StoryAnswers story={story} linearCase={linearCase} memoryCase={memoryCase} memoryTitle={memoryTitle} revealed={revealed} />
        </section>
        <MemoryLab
          input={memoryCase}
          tokens={tokens}
          label={ui.figure}
          answerGate={answerGate}
          stateAxes={{ row: placeName, col: keyName }}
          controls={
            <>
              <PresetMenu label={ui.keys.label} value={keys} options={KEY_SETS.map((id) => ({ id, label: ui.keys.options[id] }))} onChange={setKeys} />
              <div className="control">
                <Slider label={<Formula tex="\bet" />} value={beta} min={BETA.min} max={BETA.max} step={BETA.step} onChange={setBeta} testId="beta" />
                <p className="beta-regime" data-regime={regime} data-testid="beta-regime" aria-live="polite">
                  {ui.controls.regimes[regime]}
                </p>
              </div>
              <label className="gate-toggle">
                <input type="checkbox" checked={gated} onChange={(e) => setGated(e.target.checked)} data-testid="gated-toggle" />
                {ui.controls.gated}
              </label>
              {gated && (
                <div className="control">
                  <Slider label={<Formula tex="\alp" />} value={alpha} min={ALPHA.min} max={ALPHA.max} step={ALPHA.step} onChange={setAlpha} testId="alpha" />
                  <p className="muted story-note">{ui.controls.gateNote}</p>
                </div>
              )}
            </>
          }
          footer={(traces) => <DeltaStepPanel trace={traces.recurrent} placeName={placeName} keyName={keyName} />}
        />
      </Staggered>
    </>
  );
}
