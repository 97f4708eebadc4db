// Steps per second of the training engine at the bench size (MQAR, batch 32, d_model 32,
// 1 layer; the level is 12 pairs, so T = 33 with the separator and 8 queries), in Node.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { TrainSession } from '../../src/train/session';
import { TASKS, type TaskId } from '../../src/core/tasks';
import { HELD_OUT, TRAIN_RANGE } from '../../src/train/batches';
import type { Ablations, ExportedModel, TrainMechanism } from '../../src/train/types';

export const TRAIN_MECHANISMS: TrainMechanism[] = ['linear_attention', 'retnet', 'mamba2', 'gla', 'deltanet', 'gated_deltanet', 'mamba', 'softmax_attention'];
export const BENCH_SIZE = { task: 'mqar', level: 12, dModel: 32, layers: 1, batch: 32 } as const;
/** The target: 300 steps in 60 s. */
export const TARGET_STEPS_PER_SECOND = 5;

export interface StepsRow {
  backend: string;
  mechanism: TrainMechanism;
  stepsPerSecond: number;
  steps: number;
}

export async function useBackend(backend: 'cpu' | 'wasm') {
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  // A backend that fails to start makes setBackend answer false while tfjs runs on another one: a row
  // labelled "wasm" was then the cpu backend's (tfjs-backend-wasm does not start through Vite's Node loader).
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) throw new Error(`tfjs's ${backend} backend did not start in Node (docs/training-engine.md, Known limits)`);
  await tf.ready();
}

export async function measureSteps(backend: 'cpu' | 'wasm', mechanisms: readonly string[], steps = 20): Promise<StepsRow[]> {
  await useBackend(backend);
  const rows: StepsRow[] = [];
  for (const mechanism of mechanisms) {
    const s = new TrainSession({ ...BENCH_SIZE, mechanism: mechanism as TrainMechanism, ablations: { noGate: false, noDelta: false, freezeKeys: false }, seed: 1, learningRate: 3e-3 });
    for (let i = 0; i < 3; i++) s.trainStep().dispose(); // warm-up: kernels, first allocations
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) {
      const l = s.trainStep();
      await l.data();
      l.dispose();
    }
    rows.push({ backend, mechanism: mechanism as TrainMechanism, steps, stepsPerSecond: (1000 * steps) / (performance.now() - t0) });
    s.dispose();
  }
  return rows;
}

/** The slowest kernels of one training step (for finding what to speed up). */
export async function profileStep(mechanism: string, backend: 'cpu' | 'wasm') {
  await useBackend(backend);
  const s = new TrainSession({ ...BENCH_SIZE, mechanism: mechanism as TrainMechanism, ablations: { noGate: false, noDelta: false, freezeKeys: false }, seed: 1, learningRate: 3e-3 });
  s.trainStep().dispose();
  const info = await tf.profile(() => s.trainStep());
  const by = new Map<string, { ms: number; n: number }>();
  for (const k of info.kernels) {
    const e = by.get(k.name) ?? { ms: 0, n: 0 };
    e.ms += Number(k.kernelTimeMs);
    e.n += 1;
    by.set(k.name, e);
  }
  console.log([...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15).map(([n, e]) => `${n} ${e.ms.toFixed(1)}ms ×${e.n}`).join('\n'));
  console.log('kernels', info.kernels.length);
}

export interface LearnRow {
  task: string;
  mechanism: string;
  steps: number;
  batch: number;
  seed: number;
  backend: string;
  seconds: number;
  finalLoss: number;
  /** Held-out accuracy per difficulty, as train.py's accuracy() (100 sequences per level, seed 9001). */
  accuracy: Record<string, number>;
  ablations: Ablations;
}

/** Train one model as train.py does (batch 64, lr 3e-3, cosine over `steps` unless `horizon` says, as the lab's 2000) and score it per level. */
export async function learn(
  task: TaskId,
  mechanism: TrainMechanism,
  steps: number,
  backend: 'cpu' | 'wasm',
  { batch = 64, seed = 1, ablations = { noGate: false, noDelta: false, freezeKeys: false }, level = TRAIN_RANGE[task][1], dModel = 32 as 16 | 32, levels = TASKS[task].levels, horizon = steps }: { batch?: number; seed?: number; ablations?: Ablations; level?: number; dModel?: 16 | 32; levels?: readonly number[]; horizon?: number } = {},
): Promise<LearnRow> {
  await useBackend(backend);
  const s = new TrainSession({ task, level, mechanism, dModel, layers: task === 'selective_copy' ? 2 : 1, ablations, seed, batch, learningRate: 3e-3, horizon });
  const t0 = performance.now();
  let finalLoss = NaN;
  for (let i = 0; i < steps; i++) {
    const l = s.trainStep();
    finalLoss = (await l.data())[0];
    l.dispose();
  }
  const seconds = (performance.now() - t0) / 1000;
  const accuracy: Record<string, number> = {};
  for (const l of levels) accuracy[l] = Math.round((await s.accuracy(l, HELD_OUT.perLevel)) * 1e4) / 1e4;
  s.dispose();
  return { task, mechanism, steps, batch, seed, backend, seconds, finalLoss, accuracy, ablations };
}

/**
 * Held-out accuracy per level of weights trained elsewhere (the lab's JSON export), as train.py's
 * accuracy() and the manifest: 100 sequences per level, seed 9001. Forward only, on the cpu backend.
 */
export async function scoreWeights(
  task: TaskId,
  mechanism: TrainMechanism,
  size: { dModel: number; layers: number },
  tensors: ExportedModel['tensors'],
  levels: readonly number[] = TASKS[task].levels,
): Promise<Record<string, number>> {
  await useBackend('cpu');
  const noAblation = { noGate: false, noDelta: false, freezeKeys: false };
  const s = new TrainSession({ task, level: TRAIN_RANGE[task][1], mechanism, dModel: size.dModel, layers: size.layers, ablations: noAblation, seed: 1, batch: 1, learningRate: 0 });
  try {
    s.load(tensors);
    const accuracy: Record<string, number> = {};
    for (const l of levels) accuracy[l] = await s.accuracy(l, HELD_OUT.perLevel);
    return accuracy;
  } finally {
    s.dispose();
  }
}
