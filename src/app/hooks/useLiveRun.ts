// Run a case live (lazily loading onnxruntime-web) and hand back the outcome or a typed error.
// Stale results from an older input never overwrite newer ones (useRuntimeTask).
import type { Case } from '../../core/cases';
import type { View } from '../../core/views';
import type { GraphOutcome, RunOptions, RunOutcome } from '../../runtime';
import type { RuntimeError } from '../../runtime/errors';
import { useRuntimeTask, type TaskState } from './useRuntimeTask';

/** precomputed: until (or instead of) the live outcome, the page shows a build-time trace (useModelTraces). */
export type LiveRun =
  /** whenStill: the run waits for numbers that keep changing to hold still (useModelTraces' liveSettleMs). */
  | { status: 'loading'; precomputed?: boolean; whenStill?: boolean }
  | { status: 'done'; outcome: RunOutcome }
  | { status: 'error'; error: RuntimeError; precomputed?: boolean };

/** A task's state in the shape the badges and notices read. */
export function asLiveRun(state: TaskState<RunOutcome>): LiveRun {
  return state.status === 'done' ? { status: 'done', outcome: state.value } : state;
}

/** A graph's outcome (a model that is not a memory case) in the shape the badges read: its backend and times. */
export function asRunOutcome(outcome: GraphOutcome, o: number[][] = []): RunOutcome {
  const { backend, ms, sessionMs, notice } = outcome;
  return { result: { o, S_final: null }, backend, ms, sessionMs, notice };
}

/** settleMs: start only once the case has held still this long (useRuntimeTask). */
export function useLiveRun(c: Case, view: View, options: RunOptions & { settleMs?: number } = {}): LiveRun {
  const { backend, chunk, settleMs } = options;
  // The runtime module (and with it onnxruntime-web) is fetched only now, and only once the page lets
  // it start (useRuntimeTask: the first input, or a few idle seconds after the page opened).
  const state = useRuntimeTask(() => import('../../runtime').then(({ runModel }) => runModel(c, view, { backend, chunk })), [c, view, backend, chunk], { settleMs });
  return asLiveRun(state);
}
