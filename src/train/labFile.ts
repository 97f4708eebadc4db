// The lab's two export files, read back for a trained panel: the JSON (the engine's ExportedModel with
// how it was trained) and the .onnx (exportOnnx.ts). Either becomes a manifest entry and .bin bytes;
// a file that is neither, or is damaged, throws a WeightsError whose message the panel shows.
import { readWeights, WeightsError, type TrainedSpec } from '../models/trained';
import { toTrainedFile, type TrainedProvenance } from './exportBin';
import { checkSpec, readOnnxFile } from './exportOnnx';
import { paramSpecs } from './params';
import type { ExportedModel, TrainMechanism } from './types';

/** The JSON export: the weights and how they were trained. */
export interface LabJson extends ExportedModel {
  provenance: TrainedProvenance;
}

export function toLabJson(model: ExportedModel, info: TrainedProvenance): string {
  return JSON.stringify({ ...model, provenance: info } satisfies LabJson);
}

export function readLabFile(bytes: Uint8Array): { spec: TrainedSpec; bin: ArrayBuffer } {
  // A JSON file starts with "{" (after any blank space); an ONNX protobuf never does.
  const first = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  const file = first === 0x7b ? readLabJson(new TextDecoder().decode(bytes)) : readOnnxFile(bytes);
  checkSpec(file.spec);
  checkTensors(file.spec);
  readWeights(file.spec, file.bin); // sizes and finite numbers, as for any weights file
  return file;
}

/** Every tensor the lab's model of this size has, with its shape, and no others. */
function checkTensors(spec: TrainedSpec): void {
  if (spec.mechanism === 'lti') throw new WeightsError('the lab does not train the time-invariant model');
  const want = paramSpecs({ mechanism: spec.mechanism as TrainMechanism, vocab: spec.vocab, layers: spec.layers, dModel: spec.d_model, dk: spec.dk, dv: spec.dv });
  const got = new Map(spec.tensors.map((t) => [t.name, t.shape.join('×')]));
  for (const w of want) {
    const shape = got.get(w.name);
    if (shape === undefined) throw new WeightsError(`tensor ${w.name} is missing`);
    if (shape !== w.shape.join('×')) throw new WeightsError(`tensor ${w.name} is ${shape}, expected ${w.shape.join('×')}`);
  }
  if (got.size !== want.length) throw new WeightsError(`the file has ${got.size} tensors, the model ${want.length}`);
}

function readLabJson(text: string): { spec: TrainedSpec; bin: ArrayBuffer } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WeightsError('the file is not valid JSON');
  }
  const m = raw as Partial<LabJson> | null;
  const tensorsOk =
    !!m && Array.isArray(m.tensors) && m.tensors.every((t) => t && typeof t.name === 'string' && Array.isArray(t.shape) && Array.isArray(t.data) && t.data.every((x) => typeof x === 'number'));
  if (!tensorsOk) throw new WeightsError('the file holds no weights in the lab’s layout');
  const p = m.provenance;
  const info: TrainedProvenance = {
    seed: Number.isFinite(p?.seed) ? Number(p?.seed) : 0,
    steps: Number.isFinite(p?.steps) ? Number(p?.steps) : 0,
    trainSeconds: Number.isFinite(p?.trainSeconds) ? Number(p?.trainSeconds) : 0,
    accuracy: p?.accuracy && typeof p.accuracy === 'object' ? p.accuracy : {},
  };
  // toTrainedFile checks every tensor's size against its shape.
  let file: { bin: ArrayBuffer; spec: TrainedSpec };
  try {
    file = toTrainedFile(m as ExportedModel, info);
  } catch (e) {
    throw new WeightsError(e instanceof Error ? e.message : String(e));
  }
  return file;
}
