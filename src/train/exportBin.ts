// An exported model in the site's own file layout (scripts/train/train.py export()): the .bin bytes
// (float32 little-endian, tensors back to back in export_tensors order) and its manifest entry, which
// src/models/trained.ts (readWeights, buildTrained) reads like any offline-trained model.
import type { TrainedSpec } from '../models/trained';
import type { ExportedModel } from './types';

export interface TrainedProvenance {
  seed: number;
  steps: number;
  /** Sequences per training step (the page's 32, or 64 as the offline runs). */
  batch?: number;
  /** Seconds of the model's own training steps; 0 when not timed (files from before the lab timed runs). */
  trainSeconds: number;
  /** Held-out accuracy per level, if measured. */
  accuracy?: Record<string, number>;
  /** The step the accuracy was measured at (the lab measures every few steps, so it can trail `steps`). */
  accuracyStep?: number;
}

export function toTrainedFile(model: ExportedModel, info: TrainedProvenance): { bin: ArrayBuffer; spec: TrainedSpec } {
  const total = model.tensors.reduce((s, t) => s + t.data.length, 0);
  const bin = new ArrayBuffer(4 * total);
  const view = new DataView(bin);
  const tensors: TrainedSpec['tensors'] = [];
  let offset = 0;
  for (const t of model.tensors) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (n !== t.data.length) throw new Error(`${t.name}: shape [${t.shape}] does not hold ${t.data.length} numbers`);
    tensors.push({ name: t.name, shape: t.shape, offset });
    t.data.forEach((x, i) => view.setFloat32(offset + 4 * i, x, true));
    offset += 4 * n;
  }
  const spec: TrainedSpec = {
    id: model.id,
    task: model.task,
    mechanism: model.mechanism,
    layers: model.layers,
    d_model: model.d_model,
    dk: model.dk,
    dv: model.dv,
    vocab: model.vocab,
    seed: info.seed,
    steps: info.steps,
    ...(info.batch === undefined ? {} : { batch: info.batch }),
    trainSeconds: info.trainSeconds,
    params: total,
    file: `${model.id}.bin`,
    bytes: bin.byteLength,
    accuracy: info.accuracy ?? {},
    ...(info.accuracyStep === undefined ? {} : { accuracyStep: info.accuracyStep }),
    tensors,
  };
  return { bin, spec };
}
