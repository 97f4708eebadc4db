// Run a case live (lazily loading onnxruntime-web) and hand back the outcome or a typed error.
// Stale results from an older input never overwrite newer ones (useRuntimeTask).
import { useMemo } from 'react';
import type { Case } from '../../core/cases';
import type { View } from '../../core/views';
import type { GraphOutcome, RunOptions, RunOutcome } from '../../runtime';
import type { RuntimeError } from '../../runtime/errors';
import type { BackendNotice } from '../../runtime/gpuNotice';
import { useNoticeBeforeRun } from './useNoticeBeforeRun';
import { useRuntimeTask, type TaskState } from './useRuntimeTask';

/**
 * precomputed: until (or instead of) the live outcome, the page shows a build-time trace (useModelTraces).
 * foreseen: the backend notice the run will end with, known before it ends (useNoticeBeforeRun); null
 * for none, absent while unknown. Once done, the outcome's own notice is the word.
 */
export type LiveRun =
  /** whenStill: the run waits for numbers that keep changing to hold still (useModelTraces' liveSettleMs). */
  | { status: 'loading'; precomputed?: boolean; whenStill?: boolean; foreseen?: BackendNotice | null }
  | { status: 'done'; outcome: RunOutcome }
  | { status: 'error'; error: RuntimeError; precomputed?: boolean; foreseen?: BackendNotice | null };

/** A run not yet done, with the notice foreseen for it once known (the same object while unknown). */
export function withForeseen<R extends { status: 'loading' | 'error' }>(run: R, foreseen: BackendNotice | null | undefined): R & { foreseen?: BackendNotice | null } {
  return foreseen === undefined ? run : { ...run, foreseen };
}

/** A task's state in the shape the badges and notices read, with the notice foreseen for it (if known). */
export function asLiveRun(state: TaskState<RunOutcome>, foreseen?: BackendNotice | null): LiveRun {
  return state.status === 'done' ? { status: 'done', outcome: state.value } : withForeseen(state, foreseen);
}

/** The same, kept as one object while neither changes (figures memoise on their runs). */
export function useAsLiveRun(state: TaskState<RunOutcome>, foreseen: BackendNotice | null | undefined): LiveRun {
  return useMemo(() => asLiveRun(state, foreseen), [state, foreseen]);
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
  return useAsLiveRun(state, useNoticeBeforeRun(view, backend ?? 'auto'));
}
