// Training batches as scripts/train/train.py draws them: each sequence at a difficulty uniform in
// [lo, level], from the task generators of src/core/tasks.ts and one seeded mulberry32 stream, padded
// with token 0 / target IGNORE to the batch's longest sequence.
import type { Rng } from '../core/rng';
import { IGNORE, TASKS, randint, type Example, type TaskId } from '../core/tasks';

/** train.py's training range per task (public/models/manifest.json tasks[*].train); level = hi gives its exact distribution. */
export const TRAIN_RANGE: Record<TaskId, readonly [number, number]> = { mqar: [1, 24], story: [1, 16], selective_copy: [2, 8] };
/** Steps and held-out set of the offline runs (train.py): the cosine schedule's horizon and the accuracy yardstick. */
export const OFFLINE_STEPS: Record<TaskId, number> = { mqar: 2000, story: 2000, selective_copy: 3000 };
export const HELD_OUT = { seed: 9001, perLevel: 100 } as const;

export interface Batch {
  tokens: Int32Array;
  targets: Int32Array;
  B: number;
  T: number;
}

export function pad(seqs: readonly Example[]): Batch {
  const B = seqs.length;
  const T = Math.max(...seqs.map((s) => s.tokens.length));
  const tokens = new Int32Array(B * T);
  const targets = new Int32Array(B * T).fill(IGNORE);
  seqs.forEach((s, i) => {
    tokens.set(s.tokens, i * T);
    targets.set(s.targets, i * T);
  });
  return { tokens, targets, B, T };
}

/** The lowest difficulty a batch draws: train.py's lo, or the level itself when the learner asks for less. */
export const lowestLevel = (task: TaskId, level: number) => Math.min(TRAIN_RANGE[task][0], level);

export function drawBatch(r: Rng, task: TaskId, level: number, n: number): Batch {
  const lo = lowestLevel(task, level);
  return pad(Array.from({ length: n }, () => TASKS[task].make(r, lo + randint(r, level - lo + 1))));
}
