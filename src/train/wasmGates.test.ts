// Every mechanism on the WASM backend, the lab's usual one: GLA and Gated DeltaNet once stopped at their
// first step there (tf.logSigmoid's backward pass failed on an intermediate tensor), so a few AdamW steps
// must run and give the cpu backend's losses (the golden gradients are checked on cpu); and the
// replacement log σ against float64 by hand.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { logSigmoid } from './model';
import { TrainSession } from './session';
import type { TrainMechanism } from './types';

const STEPS = 3;

async function losses(backend: 'cpu' | 'wasm', mechanism: TrainMechanism): Promise<number[]> {
  await tf.setBackend(backend);
  await tf.ready();
  const s = new TrainSession({ task: 'mqar', level: 1, mechanism, dModel: 16, layers: 1, ablations: { noGate: false, noDelta: false, freezeKeys: false }, seed: 7, batch: 4, learningRate: 3e-3 });
  const out: number[] = [];
  for (let i = 0; i < STEPS; i += 1) {
    const l = s.trainStep();
    out.push((await l.data())[0]);
    l.dispose();
  }
  return out;
}

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['gla', 'gated_deltanet', 'retnet', 'mamba2', 'mamba', 'linear_attention', 'deltanet', 'softmax_attention'] as TrainMechanism[])('%s on the WASM backend', (m) => {
  it(`runs ${STEPS} training steps with the cpu backend's losses`, async () => {
    const wasm = await losses('wasm', m);
    const cpu = await losses('cpu', m);
    expect(wasm).toHaveLength(STEPS);
    wasm.forEach((l, i) => {
      expect(Number.isFinite(l)).toBe(true);
      expect(Math.abs(l - cpu[i]) / cpu[i]).toBeLessThan(1e-4);
    });
  });
});

describe('log σ(x) = −softplus(−x)', () => {
  const xs = [-40, -8, -1.5, -1e-3, 0, 1e-3, 0.7, 5, 40];
  const ref = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
  const refGrad = (x: number) => 1 / (1 + Math.exp(x)); // d/dx log σ(x) = σ(−x)

  it.each(['cpu', 'wasm'])('matches float64 values and gradients on %s', async (backend) => {
    await tf.setBackend(backend);
    await tf.ready();
    const x = tf.tensor1d(xs);
    const [y, g] = tf.tidy(() => [logSigmoid(x), tf.grad((t: tf.Tensor) => tf.sum(logSigmoid(t)))(x)]);
    const yv = await y.data();
    const gv = await g.data();
    xs.forEach((xi, i) => {
      expect(yv[i]).toBeCloseTo(ref(xi), 5);
      expect(gv[i]).toBeCloseTo(refGrad(xi), 6);
    });
    tf.dispose([x, y, g]);
  });
});
