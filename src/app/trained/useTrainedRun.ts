// Run a trained model on a token sequence: weights → ONNX graph → the runtime's queue (WebGPU when
// present, else WASM) → logits and the layers' real q, k, v and gates. A result is only ever handed
// back for the inputs it was computed from (a new sequence reads as loading until its own run lands).
import { useEffect, useState } from 'react';
import { decodeTrained, prepareTrained, type TrainedResult, type TrainedSpec } from '../../models/trained';
import type { Backend, BackendNotice } from '../../runtime';
import { loadWeights } from './models';

export type TrainedRun =
  | { status: 'loading' }
  | { status: 'done'; result: TrainedResult; backend: Backend; ms: number; notice?: BackendNotice }
  | { status: 'error'; message: string };

interface Landed {
  spec: TrainedSpec;
  tokens: readonly number[];
  run: TrainedRun;
}

export function useTrainedRun(spec: TrainedSpec | undefined, tokens: readonly number[] | null): TrainedRun {
  const [landed, setLanded] = useState<Landed | null>(null);
  useEffect(() => {
    if (!spec || !tokens) return;
    let current = true;
    const land = (run: TrainedRun) => current && setLanded({ spec, tokens, run });
    Promise.all([loadWeights(spec), import('../../runtime')])
      .then(([w, { runPrepared }]) => runPrepared(prepareTrained(spec, w, tokens)))
      .then(
        (out) => land({ status: 'done', result: decodeTrained(spec, out.outputs), backend: out.backend, ms: out.ms, notice: out.notice }),
        (e: unknown) => land({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      current = false;
    };
  }, [spec, tokens]);
  return landed && landed.spec === spec && landed.tokens === tokens ? landed.run : { status: 'loading' };
}
