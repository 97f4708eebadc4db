// One model in training: its parameters, AdamW state and batch stream, as train.py's train_one:
// AdamW (β 0.9 / 0.999, ε 1e-8, weight decay 0.01), gradients clipped to global norm 1, learning rate
// warmed up over 100 steps then cosine-decayed to 0 at the offline run's step count (OFFLINE_STEPS;
// it stays 0 after, so a run stops changing there, as the offline one ended).
import * as tf from '@tensorflow/tfjs-core';
import { rng, type Rng } from '../core/rng';
import { heldOut, IGNORE, TASKS, type TaskId } from '../core/tasks';
import { drawBatch, HELD_OUT, OFFLINE_STEPS, pad, type Batch } from './batches';
import { forward, loss, type Params } from './model';
import { keyProjection, paramSpecs, SSM, type ModelSize } from './params';
import { initParams } from './torchInit';
import type { Ablations, ExportedModel, ProbeReading, TrainMechanism } from './types';

export interface SessionConfig {
  task: TaskId;
  level: number;
  mechanism: TrainMechanism;
  dModel: number;
  layers: number;
  ablations: Ablations;
  seed: number;
  batch: number;
  learningRate: number;
  /** Steps of the cosine schedule (default: the offline run's, OFFLINE_STEPS). */
  horizon?: number;
}

/** Variable names are global to tfjs: every session's get a fresh suffix. */
let serial = 0;

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, clip: 1, warmup: 100 } as const;

/** train.py's LambdaLR factor at step s (0-based): warm-up × cosine, held at 0 past the horizon. */
export function scheduleFactor(s: number, horizon: number): number {
  const c = Math.min(s, horizon);
  return Math.min(1, (s + 1) / ADAM.warmup) * 0.5 * (1 + Math.cos((Math.PI * c) / horizon));
}

const toTensors = (b: Batch) => ({
  tokens: tf.tensor2d(b.tokens, [b.B, b.T], 'int32'),
  targets: tf.tensor2d(b.targets, [b.B, b.T], 'int32'),
});

export class TrainSession {
  readonly size: ModelSize;
  step = 0;
  private params: Record<string, tf.Variable> = {};
  private m: Record<string, tf.Variable> = {};
  private v: Record<string, tf.Variable> = {};
  private trainable: string[];
  private readonly batches: Rng;

  constructor(readonly config: SessionConfig) {
    const { mechanism, dModel, layers, task, seed, ablations } = config;
    this.size = { mechanism, vocab: TASKS[task].vocab, layers, dModel, dk: dModel / 2, dv: dModel / 2 };
    // As train.py's train_one: the initial weights are PyTorch's own at this seed (torch.manual_seed(seed),
    // torchInit.ts) and the batches come from rng(seed), as its Mulberry32(seed).
    const init = initParams(this.size, seed);
    const frozen = new Set(ablations.freezeKeys ? Array.from({ length: layers }, (_, i) => keyProjection(mechanism, i)) : []);
    this.trainable = [];
    for (const s of paramSpecs(this.size)) {
      this.params[s.name] = tf.variable(tf.tensor(init.get(s.name)!, s.shape), !frozen.has(s.name), `${mechanism}/${s.name}#${(serial += 1)}`);
      if (!frozen.has(s.name)) {
        this.trainable.push(s.name);
        this.m[s.name] = tf.variable(tf.zeros(s.shape), false);
        this.v[s.name] = tf.variable(tf.zeros(s.shape), false);
      }
    }
    this.batches = rng(seed);
  }

  private get forwardOptions() {
    return { mechanism: this.config.mechanism, layers: this.config.layers, ablations: this.config.ablations };
  }

  /**
   * One AdamW step on a fresh batch (or the given one); the loss comes back as a tensor (read it without
   * blocking on WebGPU). A step that ran counts even if its loss turns out not finite (StepFailure says so).
   */
  trainStep(given?: Batch): tf.Scalar {
    const { task, level, batch, learningRate } = this.config;
    const b = given ?? drawBatch(this.batches, task, level, batch);
    const horizon = this.config.horizon ?? OFFLINE_STEPS[task];
    const lr = learningRate * scheduleFactor(this.step, horizon);
    // Counted once the update has run: a step that throws leaves the count (the lab's step counter) and Adam's t as they were.
    const t = this.step + 1;
    const lossValue = tf.tidy(() => {
      const { tokens, targets } = toTensors(b);
      const names = this.trainable;
      const { value, grads } = tf.variableGrads(
        () => loss(forward(this.params, tokens, this.forwardOptions).logits as tf.Tensor3D, targets),
        names.map((n) => this.params[n]),
      );
      // An ablation leaves some parameters out of the forward pass (β with noDelta, the gate with noGate):
      // they get no gradient, and AdamW skips them, as PyTorch's does for a parameter whose grad is None.
      const used = names.filter((n) => grads[this.params[n].name] != null);
      const gs = used.map((n) => grads[this.params[n].name]);
      // Summed pairwise, not with tf.addN: tfjs-backend-webgpu 4.22 binds every addend of an AddN as its own
      // storage buffer, and past the device's limit (8 per shader, one of them the output) the shader does not
      // build and the sum reads back a stale buffer. With 8+ parameters (GLA, Mamba-1) the clipping norm was
      // garbage, and a negative one made every update NaN (docs/training-engine.md).
      const total = tf.sqrt(gs.map((g) => tf.sum(tf.square(g))).reduce((a, b) => tf.add(a, b)));
      const coef = tf.minimum(1, tf.div(ADAM.clip, tf.add(total, 1e-6)));
      const c1 = 1 - ADAM.beta1 ** t;
      const c2 = 1 - ADAM.beta2 ** t;
      used.forEach((n, i) => {
        const p = this.params[n];
        const g = tf.mul(gs[i], coef);
        const m = tf.add(tf.mul(this.m[n], ADAM.beta1), tf.mul(g, 1 - ADAM.beta1));
        const v = tf.add(tf.mul(this.v[n], ADAM.beta2), tf.mul(tf.square(g), 1 - ADAM.beta2));
        this.m[n].assign(m);
        this.v[n].assign(v);
        const decayed = tf.mul(p, 1 - lr * ADAM.weightDecay);
        const denom = tf.add(tf.div(tf.sqrt(v), Math.sqrt(c2)), ADAM.eps);
        p.assign(tf.sub(decayed, tf.mul(tf.div(m, denom), lr / c1)));
      });
      return value;
    });
    this.step = t;
    return lossValue;
  }

  /** Held-out accuracy at one difficulty (train.py accuracy(): answer tokens whose arg-max is right). */
  async accuracy(level = this.config.level, perLevel: number = HELD_OUT.perLevel): Promise<number> {
    const b = pad(heldOut(this.config.task, level, perLevel, HELD_OUT.seed));
    const pred = tf.tidy(() => tf.argMax(forward(this.params, toTensors(b).tokens, this.forwardOptions).logits, -1));
    const p = (await pred.data()) as Int32Array;
    pred.dispose();
    let right = 0;
    let asked = 0;
    b.targets.forEach((y, i) => {
      if (y === IGNORE) return;
      asked += 1;
      if (p[i] === y) right += 1;
    });
    return right / asked;
  }

  /** Layer 0's q, k, v and gates on the task's fixed probe sequence, and the predictions. */
  async probe(): Promise<ProbeReading> {
    const { task, level, mechanism: m } = this.config;
    const tokens = probeTokens(task, level);
    const out = tf.tidy(() => {
      const { logits, features: f } = forward(this.params, tf.tensor2d([tokens], undefined, 'int32'), this.forwardOptions);
      const r: Record<string, tf.Tensor> = { pred: tf.argMax(logits, -1), q: f.q, k: f.k, v: f.v };
      if (f.beta) r.beta = f.beta;
      if (f.log) r.gamma = f.log.rank === 3 ? tf.mean(tf.exp(f.log), -1) : tf.exp(f.log);
      if (f.dt) r.delta = tf.mean(f.dt, -1);
      return r;
    });
    const read = async (t: tf.Tensor | undefined) => (t ? Array.from(await t.data()) : undefined);
    const rows = async (t: tf.Tensor) => ((await t.array()) as number[][][])[0];
    const reading: ProbeReading = {
      mechanism: m,
      tokens,
      q: await rows(out.q),
      k: await rows(out.k),
      v: await rows(out.v),
      predictions: (await read(out.pred))!,
    };
    if (out.beta) reading.beta = await read(out.beta);
    if (out.gamma) reading.gamma = await read(out.gamma);
    if (out.delta && SSM.has(m)) reading.delta = await read(out.delta);
    Object.values(out).forEach((t) => t.dispose());
    return reading;
  }

  /** The weights in export_tensors's names, order and layout. */
  async exportWeights(): Promise<ExportedModel> {
    const { task, mechanism, layers } = this.config;
    const { dModel, dk, dv, vocab } = this.size;
    const tensors = [];
    for (const s of paramSpecs(this.size)) tensors.push({ name: s.name, shape: s.shape, data: Array.from(await this.params[s.name].data()) });
    return { id: `${task}/${mechanism}`, task, mechanism, layers, d_model: dModel, dk, dv, vocab, tensors };
  }

  /** Replace the weights (a golden file, an exported model): names and shapes must match. */
  load(tensors: ExportedModel['tensors']) {
    for (const t of tensors) {
      const p = this.params[t.name];
      if (!p || p.shape.join() !== t.shape.join()) throw new Error(`unexpected tensor ${t.name} [${t.shape}]`);
      p.assign(tf.tensor(t.data, t.shape));
    }
  }

  dispose() {
    for (const group of [this.params, this.m, this.v]) Object.values(group).forEach((t) => t.dispose());
  }
}

/** The fixed probe sequence of a task at a difficulty: the first held-out sequence of a seed apart from the scored ones. */
export function probeTokens(task: TaskId, level: number): number[] {
  return heldOut(task, level, 1, HELD_OUT.seed + 7)[0].tokens;
}

export type { Params };
