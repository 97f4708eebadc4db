// The learner's own model in a trained panel: its name in the model menu, the line with its numbers
// (steps, the time of its own steps when the lab timed them, size, the held-out accuracy the lab
// measured) and the table caption's sentence on how the lab measured that accuracy.
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import type { TaskId } from '../../core/tasks';
import { ACCURACY_EVERY, ACCURACY_SEQUENCES } from '../../train/protocol';
import { trainedStrings } from './trained.strings';
import type { YourModel } from './yourModel';

type Words = typeof trainedStrings.en;

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

/** The menu's name for the learner's model: where it came from and how long it trained. */
export function yourLabel(ui: { yourModel: string; yourModelFile: string }, m: YourModel): string {
  const steps = String(m.spec.steps);
  return fill(m.from.kind === 'lab' ? ui.yourModel : ui.yourModelFile, { steps });
}

/** Seconds as the panel shows them: tenths below ten. */
export function secondsText(s: number): string {
  return s < 10 ? s.toFixed(1) : s.toFixed(0);
}

/** The accuracies the lab measured, as [level, accuracy], in level order. */
function measured(model: YourModel): [string, number][] {
  return Object.entries(model.spec.accuracy)
    .filter(([, acc]) => Number.isFinite(acc))
    .sort(([a], [b]) => Number(a) - Number(b));
}

/**
 * The caption's sentence for the learner's row: the lab scores only the difficulty it trains at, every
 * ACCURACY_EVERY steps, so its number may trail the saved weights — not the manifest's after-training sweep.
 */
export function yourTableNote(ui: Words, model: YourModel, task: TaskId): string {
  const first = measured(model)[0];
  if (!first) return ui.yourTableNoteNone;
  const step = model.spec.accuracyStep;
  const words = { n: String(ACCURACY_SEQUENCES), every: String(ACCURACY_EVERY), name: ui.levelName[task], level: first[0], steps: String(model.spec.steps) };
  return step === undefined ? fill(ui.yourTableNoteUndated, words) : fill(ui.yourTableNote, { ...words, step: String(step) });
}

/** The learner's model's own numbers: steps, time (only when timed), size, and the held-out accuracy the lab measured. */
export function YourNumbers({ model, task }: { model: YourModel; task: TaskId }) {
  const ui = useLocalized(trainedStrings);
  const scores = measured(model);
  const list = scores.map(([level, acc]) => fill(ui.yourAccuracyItem, { acc: pct(acc), name: ui.levelName[task], level })).join(ui.listSeparator);
  const { steps, params, trainSeconds, accuracyStep } = model.spec;
  // A file from before the lab timed its runs says 0: no time is shown rather than a made-up one.
  const numbers = trainSeconds > 0 ? fill(ui.yourNumbersTimed, { steps: String(steps), params: String(params), seconds: secondsText(trainSeconds) }) : fill(ui.yourNumbers, { steps: String(steps), params: String(params) });
  const accuracy = scores.length === 0 ? ui.yourNoAccuracy : accuracyStep === undefined ? fill(ui.yourAccuracy, { list }) : fill(ui.yourAccuracyAt, { list, step: String(accuracyStep) });
  return (
    <p className="muted" data-testid="trained-your-numbers" data-seconds={trainSeconds > 0 ? trainSeconds : undefined}>
      {numbers} {accuracy}
    </p>
  );
}
