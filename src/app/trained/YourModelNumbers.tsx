// The learner's own model in a trained panel: its name in the model menu and the line with its numbers
// (steps, size, the held-out accuracy the lab measured).
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import type { TaskId } from '../../core/tasks';
import { trainedStrings } from './trained.strings';
import type { YourModel } from './yourModel';

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

/** The menu's name for the learner's model: where it came from and how long it trained. */
export function yourLabel(ui: { yourModel: string; yourModelFile: string }, m: YourModel): string {
  const steps = String(m.spec.steps);
  return fill(m.from.kind === 'lab' ? ui.yourModel : ui.yourModelFile, { steps });
}

/** The learner's model's own numbers: steps, size, and the held-out accuracy the lab measured. */
export function YourNumbers({ model, task }: { model: YourModel; task: TaskId }) {
  const ui = useLocalized(trainedStrings);
  const measured = Object.entries(model.spec.accuracy).filter(([, acc]) => Number.isFinite(acc));
  const list = measured.map(([level, acc]) => fill(ui.yourAccuracyItem, { acc: pct(acc), name: ui.levelName[task], level })).join(ui.listSeparator);
  return (
    <p className="muted" data-testid="trained-your-numbers">
      {fill(ui.yourNumbers, { steps: String(model.spec.steps), params: String(model.spec.params) })}{' '}
      {measured.length > 0 ? fill(ui.yourAccuracy, { list }) : ui.yourNoAccuracy}
    </p>
  );
}
