// The lab's two export files, read back for a trained panel: the JSON (the engine's ExportedModel with
// how it was trained) and the .onnx (exportOnnx.ts). Either becomes a manifest entry, .bin bytes and
// the weights decoded from them (decoded here once, then kept as they are);
// a file that is neither, or is damaged, throws a LabFileError naming the problem.
import { readWeights, WeightsError, type TrainedSpec, type Weights } from '../models/trained';
import { toTrainedFile, type TrainedProvenance } from './exportBin';
import { checkSpec, readOnnxFile } from './exportOnnx';
import { LabFileError } from './labFileError';
import { ablationApplies, paramSpecs } from './params';
import type { Ablations, ExportedModel, TrainMechanism } from './types';

/** The JSON export: the weights, how they were trained, and which ablations were on. */
export interface LabJson extends ExportedModel {
  provenance: TrainedProvenance;
  ablations?: Ablations;
}

export function toLabJson(model: ExportedModel, info: TrainedProvenance, ablations?: Ablations): string {
  return JSON.stringify({ ...model, provenance: info, ablations } satisfies LabJson);
}

export interface LabFile {
  spec: TrainedSpec;
  bin: ArrayBuffer;
  weights: Weights;
}

export function readLabFile(bytes: Uint8Array): LabFile {
  // A JSON file starts with "{" (after any blank space); an ONNX protobuf never does.
  const first = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  const file = first === 0x7b ? readLabJson(new TextDecoder().decode(bytes)) : readOnnxFile(bytes);
  checkSpec(file.spec);
  checkTensors(file.spec);
  // The checks every weights file gets (size, bounds, finite numbers); a NaN or infinity is named.
  let weights: Weights;
  try {
    weights = readWeights(file.spec, file.bin);
  } catch (e) {
    if (e instanceof WeightsError && e.nonFiniteTensor) throw new LabFileError({ kind: 'not-finite', name: e.nonFiniteTensor });
    throw e;
  }
  // How it was trained is shown, not computed with: keep what reads as a step count, a time and accuracies.
  const { accuracyStep, batch, ...rest } = file.spec;
  const steps = Math.max(0, Math.round(rest.steps));
  const accuracy = Object.fromEntries(Object.entries(rest.accuracy).filter(([, a]) => typeof a === 'number' && a >= 0 && a <= 1));
  const seconds = Number(rest.trainSeconds);
  const spec: TrainedSpec = { ...rest, steps, accuracy, trainSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 0 };
  if (Number.isInteger(batch) && batch! >= 1 && batch! <= MAX_BATCH) spec.batch = batch;
  if (Number.isInteger(accuracyStep) && accuracyStep! >= 0 && accuracyStep! <= steps) spec.accuracyStep = accuracyStep;
  return { bin: file.bin, spec, weights };
}

/** Larger than any batch the lab or the offline runs use: a bigger number in a file is not shown. */
const MAX_BATCH = 4096;

/** Every tensor the lab's model of this size has, with its shape, and no others. */
function checkTensors(spec: TrainedSpec): void {
  if (spec.mechanism === 'lti') throw new LabFileError({ kind: 'not-trainable' });
  const want = paramSpecs({ mechanism: spec.mechanism as TrainMechanism, vocab: spec.vocab, layers: spec.layers, dModel: spec.d_model, dk: spec.dk, dv: spec.dv });
  const got = new Map(spec.tensors.map((t) => [t.name, t.shape.join('×')]));
  for (const w of want) {
    const shape = got.get(w.name);
    const expected = w.shape.join('×');
    if (shape === undefined) throw new LabFileError({ kind: 'missing-tensor', name: w.name });
    if (shape !== expected) throw new LabFileError({ kind: 'wrong-shape', name: w.name, shape, expected });
  }
  if (got.size !== want.length) throw new LabFileError({ kind: 'extra-tensors', count: got.size, expected: want.length });
}

function readLabJson(text: string): { spec: TrainedSpec; bin: ArrayBuffer } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new LabFileError({ kind: 'not-json' });
  }
  const m = raw as Partial<LabJson> | null;
  const tensorsOk =
    !!m && Array.isArray(m.tensors) && m.tensors.every((t) => t && typeof t.name === 'string' && Array.isArray(t.shape) && t.shape.every(Number.isInteger) && Array.isArray(t.data) && t.data.every((x) => typeof x === 'number'));
  if (!tensorsOk) throw new LabFileError({ kind: 'no-weights' });
  // Without its gate or delta correction the model computes differently from the panels' full mechanism.
  const ab = m.ablations;
  const mechanism = m.mechanism as TrainMechanism;
  if (ab && (['noGate', 'noDelta'] as const).some((k) => ab[k] === true && ablationApplies(mechanism, k))) throw new LabFileError({ kind: 'ablated' });
  for (const t of m.tensors!) if (t.shape.reduce((a, b) => a * b, 1) !== t.data.length) throw new LabFileError({ kind: 'wrong-size', name: t.name });
  const p = m.provenance;
  const info: TrainedProvenance = {
    seed: Number.isFinite(p?.seed) ? Number(p?.seed) : 0,
    steps: Number.isFinite(p?.steps) ? Number(p?.steps) : 0,
    trainSeconds: Number.isFinite(p?.trainSeconds) ? Number(p?.trainSeconds) : 0,
    accuracy: p?.accuracy && typeof p.accuracy === 'object' ? p.accuracy : {},
    ...(Number.isInteger(p?.accuracyStep) ? { accuracyStep: Number(p?.accuracyStep) } : {}),
    ...(Number.isFinite(p?.batch) ? { batch: Number(p?.batch) } : {}),
  };
  return toTrainedFile(m as ExportedModel, info);
}
