// Chapter 1's LSTM: the float64 core's steps at once, then the ONNX LSTM's steps when the live run
// finishes (on WASM: onnxruntime-web's WebGPU backend has no LSTM kernel; see src/models/lstm.ts).
import { useMemo } from 'react';
import { maxAbsDiff } from '../../../core/linalg';
import { lstmRun, lstmWeights, type LstmSpec, type LstmStep } from '../../../core/lstm';
import type { Mat } from '../../../core/linalg';
import type { GraphOutcome } from '../../../runtime';
import { asRunOutcome, type LiveRun } from '../../hooks/useLiveRun';
import { useRuntimeTask } from '../../hooks/useRuntimeTask';
import { float32Tolerance } from '../../../core/float32';

export interface LstmTraces {
  /** The steps the figure shows: live when ready, the float64 reference until then. */
  steps: LstmStep[];
  reference: LstmStep[];
  /** The live run in the shape BackendBadge and RunProblems read. */
  run: LiveRun;
  /** max |h_live − h_ref| over every step and unit (NaN until the live run is done). */
  diff: number;
  /** float32Tolerance of the reference (docs/design.md §2). */
  tolerance: number;
}

export function useLstmRun(spec: LstmSpec, xs: Mat): LstmTraces {
  const reference = useMemo(() => lstmRun(lstmWeights(spec), xs), [spec, xs]);
  const task = useRuntimeTask(
    () =>
      Promise.all([import('../../../runtime'), import('../../../models/lstm')]).then(async ([{ runPrepared }, { prepareLstm, decodeLstm }]) => {
        const outcome: GraphOutcome = await runPrepared(prepareLstm(spec, xs), 'wasm');
        return { outcome, steps: decodeLstm(outcome.outputs) };
      }),
    [spec, xs],
  );
  const live = task.status === 'done' ? task.value.steps : null;
  const run = useMemo((): LiveRun => (task.status === 'done' ? { status: 'done', outcome: asRunOutcome(task.value.outcome) } : task), [task]);
  return useMemo(() => {
    const refH = reference.map((s) => s.h);
    return {
      steps: live ?? reference,
      reference,
      run,
      diff: live ? maxAbsDiff(live.map((s) => s.h), refH) : Number.NaN,
      tolerance: float32Tolerance(refH),
    };
  }, [reference, live, run]);
}
