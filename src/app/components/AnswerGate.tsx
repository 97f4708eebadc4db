// Exercises never show their answer before the learner commits (docs/design.md §3). A page keeps one
// gate per exercise (src/app/exercises.ts): PredictReveal opens it when the answer is shown, and any
// figure, table or readout that would give the answer away reads it — through <AnswerGate> (a visible
// placeholder instead of the part) or useExerciseGate (e.g. to hold a stepper before the answer).
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ExerciseId } from '../exercises';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { answerGateStrings } from './answerGate.strings';
import './answerGate.css';
import { predictStrings } from './predict.strings';

/** locked: no guess yet; held: a guess is in, but a lecturer's link (?hide=answer) waits for Reveal; open: the answer shows. */
export type GateState = 'locked' | 'held' | 'open';

interface GateStore {
  state: (id: ExerciseId) => GateState;
  set: (id: ExerciseId, state: GateState) => void;
}

const GateContext = createContext<GateStore | null>(null);

/**
 * One per page, so a page's gates start locked each time it opens. The chapter page holds one around
 * its prose and figure (the prose after the figure may explain an answer); the figure's own, needed
 * when it is embedded alone, then defers to it.
 */
export function ExerciseGateProvider({ children }: { children: ReactNode }) {
  const outer = useContext(GateContext);
  const [gates, setGates] = useState<Partial<Record<ExerciseId, GateState>>>({});
  const store = useMemo<GateStore>(
    () => ({
      state: (id) => gates[id] ?? 'locked',
      set: (id, state) => setGates((g) => (g[id] === state ? g : { ...g, [id]: state })),
    }),
    [gates],
  );
  if (outer) return <>{children}</>;
  return <GateContext.Provider value={store}>{children}</GateContext.Provider>;
}

export interface ExerciseGate {
  state: GateState;
  open: boolean;
  set: (state: GateState) => void;
}

const noop = () => undefined;

/** The gate of an exercise; without one (a figure no question is about), always open. */
export function useExerciseGate(id: ExerciseId | undefined): ExerciseGate {
  const store = useContext(GateContext);
  // Outside a page that asks questions (a unit test of one figure), nothing is held back.
  if (!store || id === undefined) return { state: 'open', open: true, set: noop };
  const state = store.state(id);
  return { state, open: state === 'open', set: (next) => store.set(id, next) };
}

/**
 * The placeholder in place of a part that would give the answer away; `step` names a held step of a
 * stepped figure, `kind="prose"` a passage of the chapter's text.
 */
export function GatePlaceholder({
  exercise,
  state,
  step,
  kind = 'part',
}: {
  exercise: ExerciseId;
  state: Exclude<GateState, 'open'>;
  step?: number;
  kind?: 'part' | 'prose';
}) {
  const predictUi = useLocalized(predictStrings);
  const ui = useLocalized(answerGateStrings);
  const values = { title: predictUi.title, t: String(step ?? '') };
  const text =
    kind === 'prose'
      ? state === 'held'
        ? ui.heldProse
        : ui.prose
      : step === undefined
        ? state === 'held'
          ? ui.held
          : ui.locked
        : state === 'held'
          ? ui.heldStep
          : ui.step;
  return (
    <p className={`answer-gate answer-gate-${kind}`} role="note" data-testid="answer-gate" data-exercise={exercise} data-state={state}>
      <span>{fill(text, values)}</span>
      {state === 'locked' && (
        <button type="button" className="answer-gate-go" onClick={() => goToQuestion(exercise)} data-testid="answer-gate-go">
          {ui.goToQuestion}
        </button>
      )}
    </p>
  );
}

/**
 * A locked part or passage is only useful if the learner can find the question that opens it: on a
 * stepped page the question may be a screen away. Scroll it into view and put the focus on its first choice.
 */
function goToQuestion(exercise: ExerciseId): void {
  const question = document.querySelector<HTMLElement>(`.predict[data-exercise="${exercise}"]`);
  if (!question) return;
  const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  question.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  question.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus({ preventScroll: true });
}

/** Its children once the exercise's answer is shown (or when there is no exercise); until then a visible placeholder. */
export function AnswerGate({ exercise, children }: { exercise: ExerciseId | undefined; children: ReactNode }) {
  const gate = useExerciseGate(exercise);
  return gate.state === 'open' || exercise === undefined ? <>{children}</> : <GatePlaceholder exercise={exercise} state={gate.state} />;
}
