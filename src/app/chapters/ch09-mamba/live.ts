// Chapter 9's live S4 runs: the convolution graph (WebGPU when present) and the recurrence as an ONNX
// Scan (WASM), fed the core's Ā, B̄, C. Until they finish — or if they fail — the float64 core's
// numbers are shown, and the badges say so.
import { useMemo } from 'react';
import type { Vec } from '../../../core/linalg';
import { ssmConvolution, ssmKernel, ssmRecurrent, type DiscreteSSM } from '../../../core/s4';
import { maxAbsDiff } from '../../../core/linalg';
import type { GraphOutcome } from '../../../runtime/run';
import type { RuntimeError } from '../../../runtime/errors';
import { decodeS4, prepareS4, type S4View } from '../../../models/s4';
import { asRunOutcome, withForeseen, type LiveRun } from '../../hooks/useLiveRun';
import { useRuntimeTask } from '../../hooks/useRuntimeTask';
import { useNoticeBeforeRun } from '../../hooks/useNoticeBeforeRun';
import type { BackendNotice } from '../../../runtime/gpuNotice';
import { float32Tolerance } from '../../../core/float32';

/** foreseen: as LiveRun's, the notice the run will end with (the convolution asks for WebGPU). */
export type S4Run =
  | { status: 'loading'; foreseen?: BackendNotice | null }
  | { status: 'done'; outcome: GraphOutcome; y: Vec; K?: Vec }
  | { status: 'error'; error: RuntimeError; foreseen?: BackendNotice | null };

function useS4Run(d: DiscreteSSM, x: Vec, view: S4View): S4Run {
  const backend = view === 'convolution' ? 'auto' : 'wasm';
  const task = useRuntimeTask(async () => {
    const prepared = prepareS4(d, x, view);
    const { runPrepared } = await import('../../../runtime/run');
    const outcome = await runPrepared(prepared, backend);
    const r = decodeS4(view, outcome.outputs);
    return { outcome, y: r.y, K: r.K };
  }, [d, x, view]);
  // The convolution is the parallel form: WebGPU when present, as runModel's parallel view.
  const foreseen = useNoticeBeforeRun(view === 'convolution' ? 'parallel' : 'recurrent', backend);
  return useMemo(() => (task.status === 'done' ? { status: 'done', ...task.value } : withForeseen(task, foreseen)), [task, foreseen]);
}

/** The badge and notice components speak LiveRun; give them the S4 run in that shape. */
export function s4LiveRun(run: S4Run): LiveRun {
  if (run.status !== 'done') return run;
  return { status: 'done', outcome: asRunOutcome(run.outcome, run.y.map((y) => [y])) };
}

export interface S4Views {
  kernel: Vec;
  convolution: Vec;
  recurrence: Vec;
  runs: { convolution: S4Run; recurrence: S4Run };
  /** max |y_conv − y_rec| over the sequence. */
  diff: number;
  /** 1e-5 · max(1, ‖y_ref‖∞) (docs/design.md §2). */
  tolerance: number;
}

/** Both views of the S4 model: live numbers when ready, the core's until then. */
export function useS4Views(d: DiscreteSSM, x: Vec): S4Views {
  const reference = useMemo(
    () => ({ kernel: ssmKernel(d, x.length), convolution: ssmConvolution(d, x), recurrence: ssmRecurrent(d, x).y }),
    [d, x],
  );
  const convolution = useS4Run(d, x, 'convolution');
  const recurrence = useS4Run(d, x, 'recurrent');
  return useMemo(() => {
    const conv = convolution.status === 'done' ? convolution.y : reference.convolution;
    const rec = recurrence.status === 'done' ? recurrence.y : reference.recurrence;
    const kernel = convolution.status === 'done' && convolution.K ? convolution.K : reference.kernel;
    return {
      kernel,
      convolution: conv,
      recurrence: rec,
      runs: { convolution, recurrence },
      diff: maxAbsDiff(conv, rec),
      tolerance: float32Tolerance(reference.recurrence),
    };
  }, [convolution, recurrence, reference]);
}
