// A lab model as one self-contained .onnx file: the trained panels' graph (src/models/trained.ts
// buildTrained) with the weights as named initializers, input `onehot [T, vocab]`, output `logits
// [T, vocab]` (then each layer's own tensors). The manifest entry rides along in metadata_props, so the
// same file opens again in a trained panel (readOnnxFile) and in any onnxruntime.
import onnxProto from 'onnx-proto';
import type * as P from 'onnx-proto';
import { MAX_TYPED_TOKENS, TASKS, TASK_IDS } from '../core/tasks';
import { factorsFor } from '../models/ops';
import { buildTrained, readWeights, TRAINED_MECHANISMS, type TrainedSpec } from '../models/trained';
import { toTrainedFile, type TrainedProvenance } from './exportBin';
import { LabFileError } from './labFileError';
import type { ExportedModel } from './types';

// onnx-proto is CommonJS; its named export does not survive Node's ESM interop (as in graph.ts).
const { onnx } = onnxProto;

/** metadata_props keys: the manifest entry (JSON) and the longest sequence the graph is exact for. */
export const SPEC_KEY = 'memory-lane.spec';
export const MAX_LENGTH_KEY = 'memory-lane.max_length';
/** The delta family's doubling inverse is exact up to 2^factors steps: as long as a typed sequence. */
export const ONNX_MAX_LENGTH = MAX_TYPED_TOKENS;

export function toOnnxFile(model: ExportedModel, info: TrainedProvenance): Uint8Array<ArrayBuffer> {
  const { bin, spec } = toTrainedFile(model, info);
  const graph = buildTrained(spec, readWeights(spec, bin), factorsFor(ONNX_MAX_LENGTH));
  // A copy on its own ArrayBuffer (protobufjs may hand back a view of a shared pool), ready for a Blob.
  return new Uint8Array(graph.toBytes({ [SPEC_KEY]: JSON.stringify(spec), [MAX_LENGTH_KEY]: String(ONNX_MAX_LENGTH) }));
}

/** An .onnx file this site wrote, back as the manifest entry and .bin bytes; anything else is refused (LabFileError). */
export function readOnnxFile(bytes: Uint8Array): { spec: TrainedSpec; bin: ArrayBuffer } {
  let model: P.onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch {
    throw new LabFileError({ kind: 'not-onnx' });
  }
  const meta = model.metadataProps.find((p) => p.key === SPEC_KEY)?.value;
  if (!meta) throw new LabFileError({ kind: 'not-from-lab' });
  let spec: TrainedSpec;
  try {
    spec = JSON.parse(meta) as TrainedSpec;
  } catch {
    throw new LabFileError({ kind: 'bad-description' });
  }
  checkSpec(spec);
  const byName = new Map((model.graph?.initializer ?? []).map((t) => [t.name, t]));
  const bin = new ArrayBuffer(spec.bytes);
  const view = new DataView(bin);
  for (const entry of spec.tensors) {
    const data = byName.get(entry.name)?.floatData ?? [];
    const n = entry.shape.reduce((a, b) => a * b, 1);
    if (data.length === 0) throw new LabFileError({ kind: 'missing-tensor', name: entry.name });
    if (data.length !== n || entry.offset < 0 || entry.offset + 4 * n > spec.bytes) throw new LabFileError({ kind: 'wrong-size', name: entry.name });
    data.forEach((x, i) => view.setFloat32(entry.offset + 4 * i, x, true));
  }
  return { spec, bin };
}

/** The fields the panel relies on, with the right types. */
export function checkSpec(raw: unknown): asserts raw is TrainedSpec {
  const s = raw as Partial<TrainedSpec> | null;
  const count = (x: unknown): boolean => Number.isInteger(x) && (x as number) > 0;
  const ok =
    !!s &&
    typeof s === 'object' &&
    typeof s.id === 'string' &&
    (TASK_IDS as readonly string[]).includes(s.task ?? '') &&
    (TRAINED_MECHANISMS as readonly string[]).includes(s.mechanism ?? '') &&
    [s.layers, s.d_model, s.dk, s.dv, s.vocab, s.bytes].every(count) &&
    Number.isFinite(s.steps) &&
    Array.isArray(s.tensors) &&
    s.tensors.every((t) => t && typeof t.name === 'string' && Array.isArray(t.shape) && t.shape.every(count) && Number.isInteger(t.offset)) &&
    !!s.accuracy &&
    typeof s.accuracy === 'object';
  // The bytes are the tensors back to back: a description claiming more is not one the lab wrote.
  const numbers = ok ? s.tensors!.reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0) : 0;
  if (!ok || s.bytes !== 4 * numbers) throw new LabFileError({ kind: 'bad-description' });
  const expected = TASKS[s.task as keyof typeof TASKS].vocab;
  if (s.vocab !== expected) throw new LabFileError({ kind: 'wrong-vocab', vocab: s.vocab!, expected });
}
