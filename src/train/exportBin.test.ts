// Weights trained by the engine open in the site's trained panels: the exported .bin + manifest entry
// go through src/models/trained.ts (readWeights → the ONNX graph, run by onnxruntime-web) and give the
// same logits as the engine's own tfjs forward.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldOut } from '../core/tasks';
import { releaseNodeSessions, runInNode } from '../models/run-node';
import { decodeTrained, prepareTrained, readWeights } from '../models/trained';
import { toTrainedFile } from './exportBin';
import { forward } from './model';
import { trainedFewSteps } from './fewSteps';
import type { TrainMechanism } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(releaseNodeSessions);

const MECHANISMS: TrainMechanism[] = ['linear_attention', 'retnet', 'mamba2', 'gla', 'deltanet', 'gated_deltanet', 'mamba', 'softmax_attention'];

describe.each(MECHANISMS)('%s export', (mechanism) => {
  it('loads in the trained panels’ ONNX graph with the engine’s logits (within 1e-4)', async () => {
    const exported = await trainedFewSteps(mechanism); // three steps off the initial weights
    const { bin, spec } = toTrainedFile(exported, { seed: 5, steps: 3, trainSeconds: 0 });
    expect(spec.tensors.map((t) => t.name)).toEqual(exported.tensors.map((t) => t.name));
    const tokens = heldOut('story', 4, 1, 123)[0].tokens;
    const { outputs } = await runInNode(prepareTrained(spec, readWeights(spec, bin), tokens));
    const onnx = decodeTrained(spec, outputs).logits;
    const params = Object.fromEntries(exported.tensors.map((t) => [t.name, tf.tensor(t.data, t.shape)]));
    const ours = (await forward(params, tf.tensor2d([tokens], undefined, 'int32'), { mechanism, layers: 1 }).logits.array()) as number[][][];
    let worst = 0;
    onnx.forEach((row, t) => row.forEach((z, j) => (worst = Math.max(worst, Math.abs(z - ours[0][t][j])))));
    expect(worst).toBeLessThanOrEqual(1e-4);
  });
});
