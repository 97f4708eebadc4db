// The English labels a MemoryStateFigure render test needs, kept once for every viz test that draws one.
import type { MemoryLabels } from './MemoryStateFigure';

export const memoryLabels: MemoryLabels = {
  state: 'Memory S',
  stepOf: 'step {t} of {T}',
  beforeStart: 'empty memory',
  beats: { decay: 'decay', 'read-old': 'read old value', erase: 'erase', write: 'write v kᵀ', read: 'read with q' },
  q: 'q_t',
  k: 'k_t',
  v: 'v_t',
  o: 'o_t',
  recalled: 'S k',
  write: 'v kᵀ',
  erase: 'erase term',
  gate: 'γ_t',
  beta: 'β_t',
  notRead: 'not read yet',
  noSteps: 'no steps',
};
