// The data side of a chapter figure: the float64 reference traces at once (so the page teaches before
// any wasm arrives), then the live traces from onnxruntime-web as they finish — parallel on WebGPU
// when present, recurrent on WASM.
import { useMemo } from 'react';
import { runReference } from '../../core';
import type { Case } from '../../core/cases';
import { maxAbs, maxAbsDiff } from '../../core/linalg';
import type { View } from '../../core/views';
import { makeTrace, type Trace } from '../../trace';
import { useLiveRun, type LiveRun } from './useLiveRun';

export interface ModelTraces {
  parallel: Trace;
  recurrent: Trace;
  /** The float64 traces, for the "vs reference" figure and tests. */
  reference: { parallel: Trace; recurrent: Trace };
  runs: { parallel: LiveRun; recurrent: LiveRun };
  /** max |o_parallel − o_recurrent| over every step and channel. */
  diff: number;
  /** 1e-5 · max(1, ‖o_ref‖∞): float32 agreement with the float64 reference (DESIGN.md §2). */
  tolerance: number;
  live: boolean;
}

function referenceTrace(c: Case, view: View): Trace {
  const t0 = performance.now();
  const result = runReference(c, view);
  return makeTrace(c, result, { view, backend: 'reference', ms: performance.now() - t0 });
}

function liveOr(run: LiveRun, c: Case, view: View, fallback: Trace): Trace {
  if (run.status !== 'done') return fallback;
  const { result, backend, ms, sessionMs } = run.outcome;
  return makeTrace(c, result, { view, backend, ms, sessionMs });
}

export function useModelTraces(c: Case): ModelTraces {
  const reference = useMemo(() => ({ parallel: referenceTrace(c, 'parallel'), recurrent: referenceTrace(c, 'recurrent') }), [c]);
  const parallelRun = useLiveRun(c, 'parallel');
  const recurrentRun = useLiveRun(c, 'recurrent', { backend: 'wasm' });
  return useMemo(() => {
    const parallel = liveOr(parallelRun, c, 'parallel', reference.parallel);
    const recurrent = liveOr(recurrentRun, c, 'recurrent', reference.recurrent);
    return {
      parallel,
      recurrent,
      reference,
      runs: { parallel: parallelRun, recurrent: recurrentRun },
      diff: maxAbsDiff(parallel.o, recurrent.o),
      tolerance: 1e-5 * Math.max(1, maxAbs(reference.recurrent.o)),
      live: parallelRun.status === 'done' && recurrentRun.status === 'done',
    };
  }, [c, reference, parallelRun, recurrentRun]);
}
