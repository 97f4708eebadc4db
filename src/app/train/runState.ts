// What the page knows about a training run, folded from the engine's events (src/train/types.ts):
// a pure reducer, so the curves and counters can be tested without a worker or a DOM.
import type { StepFailure, TrainEvent, TrainMechanism, TrainProgress } from '../../train/types';

export interface CurvePoint {
  step: number;
  loss: number;
}

export interface AccuracyPoint {
  step: number;
  accuracy: number;
}

export interface MechanismRun {
  loss: CurvePoint[];
  accuracy: AccuracyPoint[];
  latest: TrainProgress | null;
  /**
   * Milliseconds spent on this model's own steps, summed from the engine's reports: pauses, the accuracy
   * checks and the other models trained beside it are not counted. What an export records as its training time.
   */
  trainMs: number;
}

export interface RunState {
  phase: 'idle' | 'training' | 'paused';
  step: number;
  runs: Partial<Record<TrainMechanism, MechanismRun>>;
  backend: TrainProgress['backend'] | null;
  /** The last error, kept through the pause that follows it until training starts again or is reset. */
  error: RunError | null;
}

export interface RunError {
  message: string;
  /** Set where one model's step failed. */
  failed?: StepFailure;
}

export const EMPTY_RUN: RunState = { phase: 'idle', step: 0, runs: {}, backend: null, error: null };

/** Curves keep at most this many points: older ones are thinned to every other (the shape stays). */
export const MAX_POINTS = 400;

function thin<T>(points: T[]): T[] {
  return points.length <= MAX_POINTS ? points : points.filter((_, i) => i % 2 === 0 || i === points.length - 1);
}

function addProgress(state: RunState, p: TrainProgress): RunState {
  const run = state.runs[p.mechanism] ?? { loss: [], accuracy: [], latest: null, trainMs: 0 };
  // A report for a step already drawn (an engine repeating itself) replaces nothing.
  const last = run.loss[run.loss.length - 1];
  const fresh = !last || p.step > last.step;
  const loss = fresh && Number.isFinite(p.loss) ? thin([...run.loss, { step: p.step, loss: p.loss }]) : run.loss;
  const accuracy = p.accuracy !== undefined && Number.isFinite(p.accuracy) && (run.accuracy.length === 0 || p.step > run.accuracy[run.accuracy.length - 1].step)
    ? thin([...run.accuracy, { step: p.step, accuracy: p.accuracy }])
    : run.accuracy;
  return { ...state, step: Math.max(state.step, p.step), backend: p.backend, runs: { ...state.runs, [p.mechanism]: { loss, accuracy, latest: p, trainMs: run.trainMs + (fresh && Number.isFinite(p.stepMs) && p.stepMs > 0 ? p.stepMs : 0) } } };
}

export function reduceRun(state: RunState, event: TrainEvent): RunState {
  switch (event.kind) {
    case 'progress':
      return event.progress.reduce(addProgress, state);
    case 'state':
      // Idle is what the engine says after a reset or a new setup: the curves start again. (A pause after a
      // failed step may count fewer steps than one model's curve shows: only steps every model completed.)
      if (event.state === 'idle') return { ...EMPTY_RUN, step: event.step, backend: state.backend };
      // The engine pauses after an error: that pause keeps the error on screen; a new start or setup clears it.
      return { ...state, phase: event.state, step: event.step, error: event.state === 'paused' ? state.error : null };
    case 'error':
      return {
        ...state,
        phase: state.phase === 'training' ? 'paused' : state.phase,
        error: event.failed ? { message: event.message, failed: event.failed } : { message: event.message },
      };
  }
}

/** The newest held-out accuracy of a mechanism, or null before the first measurement. */
export function latestAccuracy(run: MechanismRun | undefined): number | null {
  return latestAccuracyPoint(run)?.accuracy ?? null;
}

/** The newest held-out measurement with the step it was taken at (the weights may be a few steps on). */
export function latestAccuracyPoint(run: MechanismRun | undefined): AccuracyPoint | null {
  const a = run?.accuracy;
  return a && a.length > 0 ? a[a.length - 1] : null;
}
