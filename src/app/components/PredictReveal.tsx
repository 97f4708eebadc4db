// Predict, then reveal: the learner commits to a guess before the figure answers. Commitment is the
// point — the answer (and its explanation) stays hidden until a choice is locked in. A lecturer's
// link (?hide=answer) holds it back even then, until someone presses "Reveal the answer".
import { useId, useState, type ReactNode } from 'react';
import { useClassroom } from '../classroom/context';
import { useStrings } from '../i18n';

export interface PredictRevealProps {
  question: ReactNode;
  choices: ReadonlyArray<{ id: string; label: ReactNode }>;
  answer: string;
  /** Why the answer is right, shown after the reveal. */
  explanation: ReactNode;
  /** Called when the learner locks in a guess (e.g. to play the animation that answers it). */
  onCommit?: (choice: string) => void;
  testId?: string;
}

export function PredictReveal({ question, choices, answer, explanation, onCommit, testId = 'predict' }: PredictRevealProps) {
  const { t } = useStrings();
  const name = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [committed, setCommitted] = useState(false);
  const { hidden } = useClassroom();
  const [revealed, setRevealed] = useState(false);
  const held = committed && hidden.answer && !revealed;
  const shown = committed && !held;
  const correct = shown && choice === answer;
  return (
    <section className="predict" aria-label={t.predict.title} data-testid={testId} data-state={held ? 'held' : shown ? (correct ? 'right' : 'wrong') : 'open'}>
      <h3>{t.predict.title}</h3>
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
            // onCommit plays what answers the question, so a held answer waits for the reveal.
            if (choice && !hidden.answer) onCommit?.(choice);
          }}
          data-testid={`${testId}-commit`}
        >
          {t.predict.commit}
        </button>
      ) : held ? (
        <div role="status" className="predict-result predict-held" data-testid={`${testId}-held`}>
          <p>{t.instructor.answerHidden}</p>
          <button
            type="button"
            onClick={() => {
              setRevealed(true);
              if (choice) onCommit?.(choice);
            }}
            data-testid={`${testId}-reveal`}
          >
            {t.instructor.reveal}
          </button>
        </div>
      ) : (
        <div role="status" className="predict-result" data-testid={`${testId}-result`}>
          <p>
            <strong>{correct ? t.predict.right : t.predict.wrong}</strong>
          </p>
          <div>{explanation}</div>
          <button
            type="button"
            onClick={() => {
              setCommitted(false);
              setRevealed(false);
              setChoice(null);
            }}
          >
            {t.predict.again}
          </button>
        </div>
      )}
    </section>
  );
}
