// The engine's gradients against two independent witnesses:
//  1. PyTorch autograd in float64 on the same parameters and batch (scripts/train/golden_grads.py):
//     relative error ‖g − g*‖ / ‖g*‖ ≤ 1e-4 per tensor, in float32;
//  2. central finite differences of the engine's own forward along a random direction per tensor.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../core/rng';
import { forward, loss, type Params } from './model';
import type { TrainMechanism } from './types';

interface Golden {
  mechanism: TrainMechanism;
  layers: number;
  tokens: number[][];
  targets: number[][];
  loss: number;
  params: { name: string; shape: number[]; data: number[] }[];
  grads: Record<string, number[]>;
}

const MECHANISMS: TrainMechanism[] = ['linear_attention', 'retnet', 'mamba2', 'gla', 'deltanet', 'gated_deltanet', 'mamba', 'softmax_attention'];
const load = (m: TrainMechanism): Golden =>
  JSON.parse(readFileSync(new URL(`../../scripts/train/golden/grads-${m}.json`, import.meta.url), 'utf8')) as Golden;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function setup(g: Golden) {
  const params: Params = Object.fromEntries(g.params.map((p) => [p.name, tf.tensor(p.data, p.shape)]));
  const tokens = tf.tensor2d(g.tokens, undefined, 'int32');
  const targets = tf.tensor2d(g.targets, undefined, 'int32');
  const lossOf = (P: Params) => loss(forward(P, tokens, { mechanism: g.mechanism, layers: g.layers }).logits as tf.Tensor3D, targets);
  return { params, lossOf };
}

const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, x) => s + x * x, 0));
const relErr = (a: ArrayLike<number>, b: ArrayLike<number>) => norm(Array.from(a, (x, i) => x - b[i])) / norm(b);

describe.each(MECHANISMS)('%s gradients', (m) => {
  const g = load(m);

  it('loss and every parameter gradient match PyTorch autograd (float64) within 1e-4', () => {
    tf.tidy(() => {
      const { params, lossOf } = setup(g);
      const names = Object.keys(params);
      const { value, grads } = tf.valueAndGrads((...xs: tf.Tensor[]) => lossOf(Object.fromEntries(names.map((n, i) => [n, xs[i]]))))(
        names.map((n) => params[n]),
      );
      expect(Math.abs(value.dataSync()[0] - g.loss) / g.loss).toBeLessThan(1e-5);
      expect(names.sort()).toEqual(Object.keys(g.grads).sort());
      for (const [i, n] of Object.keys(params).entries()) {
        const want = g.grads[n];
        if (norm(want) === 0) continue;
        expect({ n, err: relErr(grads[i].dataSync(), want) }).toEqual({ n, err: expect.closeTo(0, 4) });
        expect(relErr(grads[i].dataSync(), want), n).toBeLessThanOrEqual(1e-4);
      }
    });
  });

  it('agrees with central finite differences of its own forward along a random direction per tensor', () => {
    tf.tidy(() => {
      const { params, lossOf } = setup(g);
      const names = Object.keys(params);
      const grads = tf.grads((...xs: tf.Tensor[]) => lossOf(Object.fromEntries(names.map((n, i) => [n, xs[i]]))))(names.map((n) => params[n]));
      const r = rng(5);
      // A few tensors per mechanism: the embedding, the first layer's mixer inputs and gates, the readout.
      const checked = names.filter((n) => n === 'embed' || n === 'readout.W' || n.startsWith('l0.'));
      for (const n of checked) {
        const i = names.indexOf(n);
        const p = params[n];
        const u = tf.tensor(Array.from({ length: p.size }, () => 2 * r() - 1), p.shape);
        const unit = tf.div(u, tf.norm(u));
        const h = 1e-2;
        const at = (s: number) => lossOf({ ...params, [n]: tf.add(p, tf.mul(unit, s)) }).dataSync()[0];
        const fd = (at(h) - at(-h)) / (2 * h);
        const analytic = tf.sum(tf.mul(grads[i], unit)).dataSync()[0];
        expect(Math.abs(fd - analytic), `${n}: fd ${fd} vs ${analytic}`).toBeLessThanOrEqual(2e-3 * Math.max(1, Math.abs(analytic)) + 1e-4);
      }
    });
  });
});
