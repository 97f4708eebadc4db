// Where the page gets its Trainer: the engine (src/train/), loaded only when this page opens.
import type { Trainer } from '../../train/types';

export function loadTrainer(): Promise<Trainer> {
  return import('./fakeTrainer').then((m) => new m.FakeTrainer());
}
