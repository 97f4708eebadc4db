// The training worker: up to four TrainSessions trained round-robin, one step each per turn, with a
// yield between turns so pause, probe and export are answered at once. Progress goes out every turn;
// held-out accuracy every ACCURACY_EVERY steps.
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, type Backend } from './backend';
import { ACCURACY_EVERY, ACCURACY_SEQUENCES, type Reply, type Request, type WorkerMessage } from './protocol';
import { TrainSession } from './session';
import type { StepFailure, TrainConfig, TrainEvent, TrainMechanism, TrainProgress } from './types';

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);
const emit = (event: TrainEvent) => post({ type: 'event', event });

let config: TrainConfig | null = null;
let backend: Backend = 'cpu';
let sessions: TrainSession[] = [];
/** Milliseconds per step, smoothed, per mechanism (what steps/s reports: the mechanism's own compute). */
const msPerStep = new Map<TrainMechanism, number>();
let running = false;
let busy: Promise<void> = Promise.resolve();

function build() {
  sessions.forEach((s) => s.dispose());
  msPerStep.clear();
  if (!config) return;
  const c = config;
  sessions = c.mechanisms.map(
    (mechanism) =>
      new TrainSession({ task: c.task, level: c.level, mechanism, dModel: c.dModel, layers: c.layers, ablations: c.ablations, seed: c.seed, batch: c.batch, learningRate: c.learningRate }),
  );
}

/** A training step that failed, with the model it belongs to (the page shows the error for that model). */
class StepError extends Error {
  constructor(
    message: string,
    readonly failed: StepFailure,
  ) {
    super(message);
  }
}

const errorEvent = (e: unknown): TrainEvent =>
  e instanceof StepError ? { kind: 'error', message: e.message, failed: e.failed } : { kind: 'error', message: e instanceof Error ? e.message : String(e) };

/** One training step of s, its loss read back; any failure (a kernel error, a loss that is not a number) names s's model. */
async function stepOf(s: TrainSession): Promise<number> {
  const mechanism = s.config.mechanism;
  const step = s.step + 1;
  let loss: number;
  try {
    const l = s.trainStep();
    loss = (await l.data())[0];
    l.dispose();
  } catch (e) {
    throw new StepError(e instanceof Error ? e.message : String(e), { mechanism, step, nonFiniteLoss: false });
  }
  if (!Number.isFinite(loss)) throw new StepError(`the loss is ${loss}`, { mechanism, step, nonFiniteLoss: true });
  return loss;
}

const stepCount = () => (sessions.length ? Math.min(...sessions.map((s) => s.step)) : 0);

/** One step of every session, then one progress event (on a failure, the models that did step are still reported). */
async function turn() {
  const progress: TrainProgress[] = [];
  for (const s of sessions) {
    const t0 = performance.now();
    let loss: number;
    try {
      loss = await stepOf(s);
    } catch (e) {
      if (progress.length > 0) emit({ kind: 'progress', progress });
      throw e;
    }
    const ms = performance.now() - t0;
    const m = s.config.mechanism;
    const prev = msPerStep.get(m);
    msPerStep.set(m, prev === undefined ? ms : 0.8 * prev + 0.2 * ms);
    const p: TrainProgress = { mechanism: m, step: s.step, loss, stepsPerSecond: 1000 / msPerStep.get(m)!, stepMs: ms, backend };
    if (s.step === 1 || s.step % ACCURACY_EVERY === 0) p.accuracy = await s.accuracy(s.config.level, ACCURACY_SEQUENCES);
    progress.push(p);
  }
  emit({ kind: 'progress', progress });
}

/** Run fn after whatever the worker is doing now (one turn at most), so requests never interleave a step. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = busy.then(fn);
  busy = next.then(
    () => undefined,
    () => undefined,
  );
  return next;
}

function loop() {
  if (!running) return;
  void serial(turn).then(
    () => setTimeout(loop, 0),
    (e: unknown) => {
      running = false;
      emit(errorEvent(e));
      emit({ kind: 'state', state: 'paused', step: stepCount() });
    },
  );
}

async function handle(req: Request): Promise<Reply> {
  switch (req.type) {
    case 'configure':
      running = false;
      config = req.config;
      return serial(async () => {
        backend = await selectBackend(req.config.backend);
        build();
        emit({ kind: 'state', state: 'idle', step: 0 });
      });
    case 'start':
      if (!config) throw new Error('configure the trainer first');
      if (!running) {
        running = true;
        emit({ kind: 'state', state: 'training', step: stepCount() });
        loop();
      }
      return;
    case 'pause':
      running = false;
      return serial(async () => emit({ kind: 'state', state: 'paused', step: stepCount() }));
    case 'step':
      running = false;
      return serial(async () => {
        // A failed step is an event like one while training runs, so the page learns which model failed.
        await turn().catch((e: unknown) => emit(errorEvent(e)));
        emit({ kind: 'state', state: 'paused', step: stepCount() });
      });
    case 'reset':
      running = false;
      return serial(async () => {
        build();
        emit({ kind: 'state', state: 'idle', step: 0 });
      });
    case 'probe':
      return serial(() => find(req.mechanism).probe());
    case 'export':
      return serial(() => find(req.mechanism).exportWeights());
  }
}

function find(m: TrainMechanism): TrainSession {
  const s = sessions.find((x) => x.config.mechanism === m);
  if (!s) throw new Error(`${m} is not being trained`);
  return s;
}

self.onmessage = (e: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = e.data;
  handle(req).then(
    (result) => post({ type: 'reply', id, result }),
    (err: unknown) => post({ type: 'reply', id, error: err instanceof Error ? err.message : String(err) }),
  );
};

// Keep tf referenced for the side effects of the chosen backend's registration.
void tf;
