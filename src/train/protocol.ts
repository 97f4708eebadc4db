// Messages between the page's Trainer (client.ts) and the training worker (worker.ts).
import type { ExportedModel, ProbeReading, TrainConfig, TrainEvent, TrainMechanism } from './types';

export type Request =
  | { type: 'configure'; config: TrainConfig }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  | { type: 'probe'; mechanism: TrainMechanism }
  | { type: 'export'; mechanism: TrainMechanism };

export type Reply = void | ProbeReading | ExportedModel;

export type WorkerMessage =
  | { type: 'reply'; id: number; result?: Reply; error?: string }
  | { type: 'event'; event: TrainEvent };

/** Held-out accuracy is measured every this many steps (and at step 1). */
export const ACCURACY_EVERY = 25;
/** Held-out sequences per measurement: train.py scores 100 per level; fewer keeps the worker responsive. */
export const ACCURACY_SEQUENCES = 100;
