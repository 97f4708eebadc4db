// The lab's .onnx export is a model on its own: onnxruntime runs the bytes with nothing else (no
// manifest, no .bin) and gets the engine's tfjs logits; the same file reads back for a trained panel,
// and a damaged or foreign file is refused with words, not a crash.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldOut, TASKS } from '../core/tasks';
import { Graph } from '../models/graph';
import onnxProto from 'onnx-proto';
import { oneHot } from '../models/trained';
import { toOnnxFile } from './exportOnnx';
import { readLabFile, toLabJson } from './labFile';
import { LabFileError, type LabFileProblem } from './labFileError';
import { forward } from './model';
import { trainedFewSteps } from './fewSteps';
import type { ExportedModel, TrainMechanism } from './types';

const { onnx } = onnxProto; // CommonJS: no named export under Node's ESM interop
ort.env.wasm.numThreads = 1;
const sessions: ort.InferenceSession[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await Promise.allSettled(sessions.map((s) => s.release()));
});

const MECHANISMS: TrainMechanism[] = ['linear_attention', 'retnet', 'mamba2', 'gla', 'deltanet', 'gated_deltanet', 'mamba', 'softmax_attention'];
const INFO = { seed: 5, steps: 3, trainSeconds: 0, accuracy: { '4': 0.25 } };

/** The engine's own tfjs forward: the reference the file is held to. */
async function engineLogits(model: ExportedModel, tokens: number[]): Promise<number[][]> {
  const params = Object.fromEntries(model.tensors.map((t) => [t.name, tf.tensor(t.data, t.shape)]));
  const out = (await forward(params, tf.tensor2d([tokens], undefined, 'int32'), { mechanism: model.mechanism, layers: model.layers }).logits.array()) as number[][][];
  return out[0];
}

async function onnxLogits(bytes: Uint8Array, tokens: number[], vocab: number): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  sessions.push(session);
  expect(session.inputNames).toEqual(['onehot']);
  const hot = oneHot(tokens, vocab);
  const out = await session.run({ onehot: new ort.Tensor('float32', hot.data, hot.dims) }, ['logits']);
  return { data: out.logits.data as Float32Array, dims: out.logits.dims };
}

function worstGap(onnx: Float32Array, ours: number[][]): number {
  const vocab = ours[0].length;
  let worst = 0;
  ours.forEach((row, t) => row.forEach((z, j) => (worst = Math.max(worst, Math.abs(onnx[t * vocab + j] - z)))));
  return worst;
}

describe.each(MECHANISMS)('%s .onnx export', (mechanism) => {
  it('runs in onnxruntime on its own with the engine’s logits (within 1e-4)', async () => {
    const model = await trainedFewSteps(mechanism);
    const tokens = heldOut('story', 4, 1, 123)[0].tokens;
    const { data, dims } = await onnxLogits(toOnnxFile(model, INFO), tokens, model.vocab);
    expect(dims).toEqual([tokens.length, TASKS.story.vocab]);
    expect(worstGap(data, await engineLogits(model, tokens))).toBeLessThanOrEqual(1e-4);
  });
});

describe('reading an export back', () => {
  it('a two-layer DeltaNet on a long story: still the engine’s logits', async () => {
    const model = await trainedFewSteps('deltanet', 2);
    const tokens = heldOut('story', 24, 1, 7)[0].tokens;
    expect(tokens.length).toBeGreaterThan(32); // past a short sequence's doubling levels
    const { data } = await onnxLogits(toOnnxFile(model, INFO), tokens, model.vocab);
    expect(worstGap(data, await engineLogits(model, tokens))).toBeLessThanOrEqual(1e-4);
  });

  it('the .onnx and the JSON give back the same weights, bit for bit, decoded once, and how they were trained', async () => {
    const model = await trainedFewSteps('gated_deltanet');
    const timed = { ...INFO, trainSeconds: 12.5, accuracyStep: 2, batch: 64 };
    const fromOnnx = readLabFile(toOnnxFile(model, timed));
    const fromJson = readLabFile(new TextEncoder().encode(toLabJson(model, timed)));
    for (const file of [fromOnnx, fromJson]) {
      expect(file.spec).toMatchObject({ task: 'story', mechanism: 'gated_deltanet', steps: 3, batch: 64, trainSeconds: 12.5, accuracyStep: 2, accuracy: { '4': 0.25 } });
      const view = new DataView(file.bin);
      for (const t of model.tensors) {
        const entry = file.spec.tensors.find((e) => e.name === t.name)!;
        // The reference: Math.fround of the engine's numbers (float32 is what both files hold).
        const expected = t.data.map(Math.fround);
        expect(Array.from({ length: t.data.length }, (_, i) => view.getFloat32(entry.offset + 4 * i, true))).toEqual(expected);
        // The decoded weights come along, so the panel does not decode the bytes a second time.
        expect(Array.from(file.weights.get(t.name).data)).toEqual(expected);
      }
    }
  });

  it('keeps how it was trained only where it reads as such: no made-up time, no measurement past the last step', async () => {
    const model = await trainedFewSteps('linear_attention');
    const read = (info: object) => readLabFile(new TextEncoder().encode(toLabJson(model, { ...INFO, ...info }))).spec;
    expect(read({ trainSeconds: -4, accuracyStep: 9 })).toMatchObject({ trainSeconds: 0, steps: 3 });
    expect(read({ trainSeconds: -4, accuracyStep: 9 }).accuracyStep).toBeUndefined();
    expect(read({}).accuracyStep).toBeUndefined(); // a file from before the lab recorded it
    expect(read({ accuracyStep: 3 }).accuracyStep).toBe(3);
    // The batch: kept where it is a plausible count, left out otherwise (and in files from before it was kept).
    expect(read({ batch: 32 }).batch).toBe(32);
    for (const batch of [0, -32, 2.5, 1e9]) expect(read({ batch }).batch, String(batch)).toBeUndefined();
    expect(read({}).batch).toBeUndefined();
  });

  it('refuses damaged and foreign files, naming the problem', async () => {
    const model = await trainedFewSteps('linear_attention');
    const bytes = toOnnxFile(model, INFO);
    const refused = (b: Uint8Array): LabFileProblem => {
      try {
        readLabFile(b);
      } catch (e) {
        expect(e).toBeInstanceOf(LabFileError);
        return (e as LabFileError).problem;
      }
      throw new Error('the file was accepted');
    };
    // Cut in half: the protobuf ends inside a field.
    expect(refused(bytes.slice(0, Math.floor(bytes.length / 2))).kind).toBe('not-onnx');
    // A valid ONNX model that the lab did not write.
    const g = new Graph('other');
    g.output(g.op('Relu', [g.input('x', [2])]), 'y');
    expect(refused(g.toBytes())).toEqual({ kind: 'not-from-lab' });
    // The lab's own file with one weight's initializer taken out.
    const decoded = onnx.ModelProto.decode(bytes);
    const graph = decoded.graph!;
    graph.initializer = (graph.initializer ?? []).filter((t) => t.name !== 'l0.k.W');
    expect(refused(onnx.ModelProto.encode(decoded).finish())).toEqual({ kind: 'missing-tensor', name: 'l0.k.W' });
    // JSON: cut off, no weights, a missing tensor, a wrong shape, a NaN (JSON null), a count that does not fit the shape, another task's vocabulary.
    const json = JSON.parse(toLabJson(model, INFO)) as ExportedModel;
    const enc = (x: unknown): Uint8Array => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x));
    const edit = (name: string, f: (t: ExportedModel['tensors'][number]) => unknown) => enc({ ...json, tensors: json.tensors.map((t) => (t.name === name ? f(t) : t)) });
    expect(refused(enc(toLabJson(model, INFO).slice(0, 300))).kind).toBe('not-json');
    expect(refused(enc({ hello: 'world' })).kind).toBe('no-weights');
    expect(refused(enc({ ...json, tensors: json.tensors.filter((t) => t.name !== 'l0.q.W') }))).toEqual({ kind: 'missing-tensor', name: 'l0.q.W' });
    expect(refused(edit('readout.b', (t) => ({ ...t, shape: [t.data.length / 2, 2] })))).toMatchObject({ kind: 'wrong-shape', name: 'readout.b' });
    expect(refused(edit('embed', (t) => ({ ...t, data: [null, ...t.data.slice(1)] }))).kind).toBe('no-weights');
    expect(refused(edit('embed', (t) => ({ ...t, data: t.data.slice(1) })))).toEqual({ kind: 'wrong-size', name: 'embed' });
    expect(refused(edit('embed', (t) => ({ ...t, data: [1e39, ...t.data.slice(1)] })))).toEqual({ kind: 'not-finite', name: 'embed' }); // past float32's range
    expect(refused(enc({ ...json, task: 'mqar' }))).toEqual({ kind: 'wrong-vocab', vocab: TASKS.story.vocab, expected: TASKS.mqar.vocab });
    // Ablations: one that changes the forward is refused, one that does not apply (no gate in linear attention) or only froze the keys is not.
    expect(() => readLabFile(enc(toLabJson(model, INFO, { noGate: true, noDelta: false, freezeKeys: true })))).not.toThrow();
    const delta = await trainedFewSteps('deltanet');
    expect(refused(enc(toLabJson(delta, INFO, { noGate: false, noDelta: true, freezeKeys: false })))).toEqual({ kind: 'ablated' });
    expect(() => readLabFile(enc(toLabJson(delta, INFO, { noGate: true, noDelta: false, freezeKeys: false })))).not.toThrow();
    // A weight that is not finite cannot even be exported.
    const bad = { ...model, tensors: model.tensors.map((t, i) => (i === 1 ? { ...t, data: [Infinity, ...t.data.slice(1)] } : t)) };
    expect(() => toOnnxFile(bad, INFO)).toThrow(/non-finite/);
  });
});
