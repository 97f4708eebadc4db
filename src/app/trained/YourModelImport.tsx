// Open a file the training lab exported (.json or .onnx) in a trained panel. A file that is not a lab
// model, is damaged, or was trained on another task than the panel runs gets one sentence saying so;
// the panel goes on showing what it showed.
import { useId, useState } from 'react';
import type { TaskId } from '../../core/tasks';
import { readLabFile } from '../../train/labFile';
import { LabFileError, type LabFileProblem } from '../../train/labFileError';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { trainedStrings } from './trained.strings';
import { keepYourModel } from './yourModel';

/** Far above any lab model (d_model 32, two layers: well under 1 MB as JSON). */
const MAX_BYTES = 20 * 2 ** 20;

/** `replaces`: a model of the learner's is already kept for this task, and opening one would replace it. */
export function YourModelImport({ task, fixedTask, replaces, onOpened }: { task: TaskId; fixedTask: boolean; replaces: boolean; onOpened: (task: TaskId) => void }) {
  const ui = useLocalized(trainedStrings);
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  const open = async (file: File) => {
    const name = file.name.length > 60 ? `${file.name.slice(0, 60)}…` : file.name;
    const fail = (detail: string) => setError(fill(ui.importError, { file: name, detail }));
    if (file.size > MAX_BYTES) return fail(fill(ui.importTooLarge, { mb: (file.size / 2 ** 20).toFixed(0) }));
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return fail(ui.importUnreadable);
    }
    try {
      const { spec, bin, weights } = readLabFile(bytes);
      const trainedOn = spec.task as TaskId;
      if (fixedTask && trainedOn !== task) return fail(fill(ui.importWrongTask, { task: ui.tasks[trainedOn], here: ui.tasks[task] }));
      keepYourModel(spec, bin, { kind: 'file', name }, weights);
      setError(null);
      onOpened(trainedOn);
    } catch (e) {
      fail(e instanceof LabFileError ? problemText(ui.importProblems, e.problem) : e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="trained-import">
      <label htmlFor={id}>{ui.importLabel}</label>{' '}
      <input
        id={id}
        type="file"
        accept=".json,.onnx,application/json"
        aria-describedby={replaces ? `${id}-replaces` : undefined}
        data-testid="trained-import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file chosen again opens again
          if (file) void open(file);
        }}
      />
      {replaces && (
        <p className="muted trained-import-note" id={`${id}-replaces`} data-testid="trained-import-replaces">
          {ui.importReplaces}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="trained-import-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The problem in the reader's language, its details filled in. */
function problemText(words: Record<LabFileProblem['kind'], string>, p: LabFileProblem): string {
  const { kind, ...details } = p;
  return fill(words[kind], Object.fromEntries(Object.entries(details).map(([k, v]) => [k, String(v)])));
}
