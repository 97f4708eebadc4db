// The page's Trainer: a thin proxy to the training worker (worker.ts). Importing this module loads
// no TensorFlow.js; the worker chunk does, when createTrainer() starts it.
import type { Reply, Request, WorkerMessage } from './protocol';
import type { ExportedModel, ProbeReading, TrainConfig, TrainEvent, TrainMechanism, Trainer } from './types';

export function createTrainer(): Trainer {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const listeners = new Set<(event: TrainEvent) => void>();
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let next = 1;

  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    const m = e.data;
    if (m.type === 'event') {
      listeners.forEach((l) => l(m.event));
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(m.error));
    else p.resolve(m.result);
  };
  worker.onerror = (e) => {
    const message = e.message || 'the training worker failed to start';
    listeners.forEach((l) => l({ kind: 'error', message }));
    pending.forEach((p) => p.reject(new Error(message)));
    pending.clear();
  };

  const call = (req: Request) =>
    new Promise<Reply>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, req });
    });
  const fire = (req: Request) => {
    call(req).catch((e: Error) => listeners.forEach((l) => l({ kind: 'error', message: e.message })));
  };

  return {
    configure: async (config: TrainConfig) => void (await call({ type: 'configure', config })),
    start: () => fire({ type: 'start' }),
    pause: () => fire({ type: 'pause' }),
    stepOnce: async () => void (await call({ type: 'step' })),
    reset: async () => void (await call({ type: 'reset' })),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    probe: async (mechanism: TrainMechanism) => (await call({ type: 'probe', mechanism })) as ProbeReading,
    exportWeights: async (mechanism: TrainMechanism) => (await call({ type: 'export', mechanism })) as ExportedModel,
    dispose() {
      worker.terminate();
      listeners.clear();
      pending.forEach((p) => p.reject(new Error('the trainer was disposed')));
      pending.clear();
    },
  };
}
