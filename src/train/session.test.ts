// train.py's optimiser and batches, held to PyTorch (scripts/train/golden_grads.py adamw()): four AdamW
// steps with clipping and the warm-up × cosine schedule on a fixed batch (float64 reference), and one
// training batch drawn as train.py draws it from the same mulberry32 seed.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../core/rng';
import { drawBatch, pad } from './batches';
import { scheduleFactor, TrainSession } from './session';
import type { TrainMechanism } from './types';

interface Golden {
  mechanism: TrainMechanism;
  layers: number;
  d_model: number;
  tokens: number[][];
  targets: number[][];
  steps: number;
  lr: number;
  horizon: number;
  losses: number[];
  start: { name: string; shape: number[]; data: number[] }[];
  end: Record<string, number[]>;
  batch: { task: 'mqar'; seed: number; n: number; tokens: number[][]; targets: number[][] };
}
const g = JSON.parse(readFileSync(new URL('../../scripts/train/golden/adamw-deltanet.json', import.meta.url), 'utf8')) as Golden;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, x) => s + x * x, 0));

describe('the training session against train.py', () => {
  it('four AdamW steps (clip 1, weight decay 0.01, warm-up × cosine) end at PyTorch’s weights', async () => {
    const sized = new TrainSession({
      task: 'story',
      level: 3,
      mechanism: g.mechanism,
      dModel: g.d_model as 16, // 8 in the golden file: d_k = d_v = 4
      layers: g.layers,
      ablations: { noGate: false, noDelta: false, freezeKeys: false },
      seed: 1,
      batch: 3,
      learningRate: g.lr,
      horizon: g.horizon,
    });
    sized.load(g.start);
    const batch = pad(g.tokens.map((tokens, i) => ({ tokens: tokens, targets: g.targets[i] })));
    const losses: number[] = [];
    for (let i = 0; i < g.steps; i++) {
      const l = sized.trainStep(batch);
      losses.push((await l.data())[0]);
      l.dispose();
    }
    losses.forEach((l, i) => expect(Math.abs(l - g.losses[i]) / g.losses[i]).toBeLessThan(1e-5));
    const start = new Map(g.start.map((t) => [t.name, t.data]));
    const end = await sized.exportWeights();
    for (const t of end.tensors) {
      // The change over the four steps, relative to PyTorch's change: what the optimiser did.
      const moved = t.data.map((x, i) => x - start.get(t.name)![i]);
      const want = g.end[t.name].map((x, i) => x - start.get(t.name)![i]);
      const err = norm(moved.map((x, i) => x - want[i])) / norm(want);
      expect(err, t.name).toBeLessThan(1e-3);
    }
    sized.dispose();
  });

  it('with an ablation, the parameters it takes out of the model get no update and the rest still train', async () => {
    // Without the delta correction, β is never used; without the gate, the gate's projection is not.
    for (const [mechanism, ablations, unused] of [
      ['deltanet', { noGate: false, noDelta: true, freezeKeys: false }, ['l0.beta.W', 'l0.beta.b']],
      ['gated_deltanet', { noGate: true, noDelta: false, freezeKeys: false }, ['l0.gate.W', 'l0.gate.b']],
    ] as const) {
      const session = new TrainSession({ task: 'story', level: 2, mechanism, dModel: 16, layers: 1, ablations, seed: 2, batch: 4, learningRate: 3e-3 });
      const before = new Map((await session.exportWeights()).tensors.map((t) => [t.name, t.data]));
      for (let i = 0; i < 3; i++) {
        const l = session.trainStep();
        expect(Number.isFinite((await l.data())[0]), `${mechanism} loss`).toBe(true);
        l.dispose();
      }
      const after = (await session.exportWeights()).tensors;
      for (const t of after) {
        const same = t.data.every((x, i) => x === before.get(t.name)![i]);
        expect(same, `${mechanism} ${t.name} ${unused.includes(t.name as never) ? 'unused: unchanged' : 'used: trained'}`).toBe(unused.includes(t.name as never));
      }
      session.dispose();
    }
  });

  it('a step that throws is not counted: the next step is the first, as in a session that never failed', async () => {
    // The lab's step counter is the sessions' step (src/train/worker.ts stepCount); a broken batch stands in for a failing kernel.
    const setup = { task: 'story', level: 2, mechanism: 'deltanet', dModel: 16, layers: 1, ablations: { noGate: false, noDelta: false, freezeKeys: false }, seed: 5, batch: 4, learningRate: 3e-3 } as const;
    const failing = new TrainSession(setup);
    const fresh = new TrainSession(setup);
    const broken = { tokens: new Int32Array(5), targets: new Int32Array(5), B: 2, T: 3 };
    expect(() => failing.trainStep(broken)).toThrow();
    expect(failing.step).toBe(0);
    const good = drawBatch(rng(11), 'story', 2, 4);
    const [a, b] = [failing.trainStep(good), fresh.trainStep(good)];
    expect((await a.data())[0]).toBe((await b.data())[0]);
    expect(failing.step).toBe(1);
    // Same Adam step number and learning rate as the fresh session: the same weights, bit for bit.
    const [wa, wb] = [await failing.exportWeights(), await fresh.exportWeights()];
    wa.tensors.forEach((t, i) => expect(t.data, t.name).toEqual(wb.tensors[i].data));
    [a, b].forEach((l) => l.dispose());
    failing.dispose();
    fresh.dispose();
  });

  it('draws a training batch token for token as train.py does from the same seed', () => {
    const b = drawBatch(rng(g.batch.seed), 'mqar', 24, g.batch.n);
    const want = pad(g.batch.tokens.map((tokens, i) => ({ tokens, targets: g.batch.targets[i] })));
    expect([b.B, b.T]).toEqual([want.B, want.T]);
    expect(Array.from(b.tokens)).toEqual(Array.from(want.tokens));
    expect(Array.from(b.targets)).toEqual(Array.from(want.targets));
  });

  it('follows train.py’s learning-rate factor: linear warm-up over 100 steps, cosine to 0 at the horizon', () => {
    expect(scheduleFactor(0, 2000)).toBeCloseTo(0.01, 12);
    expect(scheduleFactor(99, 2000)).toBeCloseTo(0.5 * (1 + Math.cos((Math.PI * 99) / 2000)), 12);
    expect(scheduleFactor(1000, 2000)).toBeCloseTo(0.5, 12);
    expect(scheduleFactor(2500, 2000)).toBe(0);
  });
});
