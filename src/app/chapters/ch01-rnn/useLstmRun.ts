// Chapter 1's LSTM: the float64 core's steps at once, then the ONNX LSTM's steps when the live run
// finishes (on WASM: onnxruntime-web's WebGPU backend has no LSTM kernel; see src/models/lstm.ts).
import { useEffect, useMemo, useState } from 'react';
import { maxAbsDiff } from '../../../core/linalg';
import { lstmRun, lstmWeights, type LstmSpec, type LstmStep } from '../../../core/lstm';
import type { Mat } from '../../../core/linalg';
import type { GraphOutcome } from '../../../runtime';
import { RuntimeError } from '../../../runtime/errors';
import type { LiveRun } from '../../hooks/useLiveRun';
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
  const [run, setRun] = useState<LiveRun>({ status: 'loading' });
  const [live, setLive] = useState<LstmStep[] | null>(null);
  useEffect(() => {
    let current = true;
    setRun({ status: 'loading' });
    setLive(null);
    Promise.all([import('../../../runtime'), import('../../../models/lstm')])
      .then(async ([{ runPrepared }, { prepareLstm, decodeLstm }]) => {
        const outcome: GraphOutcome = await runPrepared(prepareLstm(spec, xs), 'wasm');
        return { outcome, steps: decodeLstm(outcome.outputs) };
      })
      .then(
        ({ outcome, steps }) => {
          if (!current) return;
          setLive(steps);
          // BackendBadge reads a RunOutcome; the LSTM's result is not a memory ViewResult, so the
          // `result` it carries is left empty and the steps travel separately.
          setRun({ status: 'done', outcome: { result: { o: [], S_final: null }, backend: outcome.backend, ms: outcome.ms, sessionMs: outcome.sessionMs, notice: outcome.notice } });
        },
        (e: unknown) =>
          current &&
          setRun({ status: 'error', error: e instanceof RuntimeError ? e : new RuntimeError('load', String(e), e instanceof Error ? e.message : undefined) }),
      );
    return () => {
      current = false;
    };
  }, [spec, xs]);
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
