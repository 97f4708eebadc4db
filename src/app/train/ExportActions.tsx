// One trained model's ways out of the lab: its weights as JSON, as a self-contained .onnx file, or
// straight into a chapter's trained panel (kept in the page by yourModel.ts, then shown there).
import type { TaskId } from '../../core/tasks';
import { toTrainedFile, type TrainedProvenance } from '../../train/exportBin';
import { toLabJson } from '../../train/labFile';
import type { Ablations, TrainMechanism, Trainer } from '../../train/types';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { saveBlob } from '../playground/download';
import { routeHref } from '../routes';
import { chapterFor, keepYourModel, requestShow } from '../trained/yourModel';
import { trainStrings } from './train.strings';

export interface ExportSetup {
  task: TaskId;
  level: number;
  dModel: number;
  layers: number;
  seed: number;
  /** Sequences per training step. */
  batch: number;
  /** The step the weights are at. */
  step: number;
  /** The latest held-out accuracy at `level` and the step it was measured at, or null before the first. */
  measured: { step: number; accuracy: number } | null;
  /** Seconds of this model's own training steps (runState's trainMs), pauses not counted. */
  trainSeconds: number;
}

interface Props {
  trainer: Trainer | null;
  disabled: boolean;
  mechanism: TrainMechanism;
  /** The mechanism's name, for the buttons' labels. */
  name: string;
  /**
   * Trained without its gate or delta correction: its forward differs from the full mechanism that the
   * panels' graph (and so the .onnx file) runs, so only the JSON may leave.
   */
  ablated: boolean;
  setup: ExportSetup;
  /** Recorded in the JSON, so a panel can refuse a model whose forward it would not reproduce. */
  ablations: Ablations;
  onError: (detail: string | null) => void;
}

export function ExportActions({ trainer, disabled, mechanism: m, name, ablated, setup, ablations, onError }: Props) {
  const ui = useLocalized(trainStrings);
  const { task, dModel, layers, step } = setup;
  const chapter = chapterFor(task, m);
  const info: TrainedProvenance = {
    seed: setup.seed,
    steps: step,
    batch: setup.batch,
    trainSeconds: setup.trainSeconds,
    accuracy: setup.measured === null ? {} : { [String(setup.level)]: setup.measured.accuracy },
    ...(setup.measured === null ? {} : { accuracyStep: setup.measured.step }),
  };
  const noteId = `train-ablated-${m}`;
  const fileName = (ext: string) => `memory-lane-${task}-${m}-d${dModel}-l${layers}-step${step}.${ext}`;

  /** Export the weights, then hand them on; any failure becomes the page's sentence. */
  const withWeights = (use: (model: Awaited<ReturnType<Trainer['exportWeights']>>) => void | Promise<void>) => {
    if (!trainer) return;
    onError(null);
    trainer
      .exportWeights(m)
      .then(use)
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <span className="train-export">
      <button type="button" disabled={disabled} aria-label={fill(ui.exportName, { name })} data-testid={`train-export-${m}`} onClick={() => withWeights((model) => saveBlob(new Blob([toLabJson(model, info, ablations)], { type: 'application/json' }), fileName('json')))}>
        {ui.export}
      </button>
      <button
        type="button"
        disabled={disabled || ablated}
        aria-label={fill(ui.exportOnnxName, { name })}
        aria-describedby={ablated ? noteId : undefined}
        data-testid={`train-export-onnx-${m}`}
        onClick={() =>
          withWeights(async (model) => {
            const { toOnnxFile } = await import('../../train/exportOnnx'); // onnx-proto only when asked for
            saveBlob(new Blob([toOnnxFile(model, info)], { type: 'application/octet-stream' }), fileName('onnx'));
          })
        }
      >
        {ui.exportOnnx}
      </button>
      {chapter && (
        <button
          type="button"
          disabled={disabled || ablated}
          aria-label={fill(ui.openName, { name, n: String(chapter.number) })}
          aria-describedby={ablated ? noteId : undefined}
          data-testid={`train-open-${m}`}
          onClick={() =>
            withWeights((model) => {
              const { spec, bin } = toTrainedFile(model, info);
              keepYourModel(spec, bin, { kind: 'lab' });
              requestShow(task);
              location.hash = routeHref({ page: 'chapter', slug: chapter.slug });
            })
          }
        >
          {fill(ui.open, { n: String(chapter.number) })}
        </button>
      )}
      {ablated && (
        <span className="muted" id={noteId} data-testid={noteId}>
          {ui.exportAblated}
        </span>
      )}
    </span>
  );
}
