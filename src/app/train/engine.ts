// Where the page gets its Trainer: the engine's client (src/train/client.ts), loaded only when this
// page opens; it starts the training worker, and tfjs loads inside that worker only.
import type { Trainer } from '../../train/types';

export function loadTrainer(): Promise<Trainer> {
  return import('../../train/client').then((m) => m.createTrainer());
}
