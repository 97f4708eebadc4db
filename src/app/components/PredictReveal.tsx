// Predict, then reveal: the learner commits to a guess before the figure answers. Commitment is the
// point — the answer (and its explanation) stays hidden until a choice is locked in. A lecturer's
// link (?hide=answer) holds it back even then, until someone presses "Reveal the answer". The
// exercise's gate (AnswerGate.tsx) follows the same states, so figures hold their answer back too.
import { useId, useState, type ReactNode } from 'react';
import { useClassroom } from '../classroom/context';
import { EXERCISES, type ExerciseId } from '../exercises';
import { useExerciseGate } from './AnswerGate';
import { classroomStrings } from '../classroom/classroom.strings';
import { predictStrings } from './predict.strings';
import { useLocalized } from '../i18n/define';

export interface PredictRevealProps {
  /** Which exercise of src/app/exercises.ts this is: its test id, its answer and its gate. */
  exercise: ExerciseId;
  question: ReactNode;
  choices: ReadonlyArray<{ id: string; label: ReactNode }>;
  /** Why the answer is right, shown after the reveal. */
  explanation: ReactNode;
  /** Called when the learner locks in a guess (e.g. to play the animation that answers it). */
  onCommit?: (choice: string) => void;
}

export function PredictReveal({ exercise, question, choices, explanation, onCommit }: PredictRevealProps) {
  const { testId, answer } = EXERCISES[exercise];
  const gate = useExerciseGate(exercise);
  const predictUi = useLocalized(predictStrings);
  const classroom = useLocalized(classroomStrings);
  const name = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [committed, setCommitted] = useState(false);
  const { hidden } = useClassroom();
  const [revealed, setRevealed] = useState(false);
  const held = committed && hidden.answer && !revealed;
  const shown = committed && !held;
  const correct = shown && choice === answer;
  return (
    <section className="predict" aria-label={predictUi.title} data-testid={testId} data-exercise={exercise} data-state={held ? 'held' : shown ? (correct ? 'right' : 'wrong') : 'open'}>
      <h3>{predictUi.title}</h3>
      <fieldset disabled={committed}>
        <legend>{question}</legend>
        {choices.map((c) => (
          <label key={c.id} className={shown && c.id === answer ? 'predict-choice answer' : 'predict-choice'}>
            <input type="radio" name={name} value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} data-choice={c.id} />
            {c.label}
          </label>
        ))}
      </fieldset>
      {!committed ? (
        <button
          type="button"
          disabled={choice === null}
          onClick={() => {
            setCommitted(true);
            gate.set(hidden.answer ? 'held' : 'open');
            // onCommit plays what answers the question, so a held answer waits for the reveal.
            if (choice && !hidden.answer) onCommit?.(choice);
          }}
          data-testid={`${testId}-commit`}
        >
          {predictUi.commit}
        </button>
      ) : held ? (
        <div role="status" className="predict-result predict-held" data-testid={`${testId}-held`}>
          <p>{classroom.instructor.answerHidden}</p>
          <button
            type="button"
            onClick={() => {
              setRevealed(true);
              gate.set('open');
              if (choice) onCommit?.(choice);
            }}
            data-testid={`${testId}-reveal`}
          >
            {classroom.instructor.reveal}
          </button>
        </div>
      ) : (
        <div role="status" className="predict-result" data-testid={`${testId}-result`}>
          <p>
            <strong>{correct ? predictUi.right : predictUi.wrong}</strong>
          </p>
          <div>{explanation}</div>
          <button
            type="button"
            onClick={() => {
              setCommitted(false);
              setRevealed(false);
              setChoice(null);
              gate.set('locked');
            }}
          >
            {predictUi.again}
          </button>
        </div>
      )}
    </section>
  );
}
