// Run a trained model on a token sequence: weights → ONNX graph → the runtime's queue (the faster of
// WebGPU and WASM once both were measured on this graph, WASM until then) → logits and the layers'
// real q, k, v and gates. A result is only ever handed back for the inputs it was computed from (a new
// sequence reads as loading until its own run lands).
import { decodeTrained, prepareTrained, type TrainedResult, type TrainedSpec, type Weights } from '../../models/trained';
import type { Backend, BackendNotice, Choice } from '../../runtime';
import { loadWeights } from './models';
import { useRuntimeTask } from '../hooks/useRuntimeTask';

export type TrainedRun =
  | { status: 'loading' }
  | { status: 'done'; result: TrainedResult; backend: Backend; ms: number; notice?: BackendNotice; choice?: Choice }
  | { status: 'error'; message: string };

/** `weights`: already in the page (the learner's own model, yourModel.ts); else fetched for the spec. */
export function useTrainedRun(spec: TrainedSpec | undefined, tokens: readonly number[] | null, weights?: Weights): TrainedRun {
  const task = useRuntimeTask(
    async () => {
      if (!spec || !tokens) throw new Error('nothing to run');
      const [w, { runPrepared }] = await Promise.all([weights ?? loadWeights(spec), import('../../runtime')]);
      const out = await runPrepared(prepareTrained(spec, w, tokens));
      return { result: decodeTrained(spec, out.outputs), backend: out.backend, ms: out.ms, notice: out.notice, choice: out.choice };
    },
    [spec, tokens, weights],
    { enabled: Boolean(spec && tokens) },
  );
  if (!task || task.status === 'loading') return { status: 'loading' };
  if (task.status === 'error') return { status: 'error', message: task.error.detail ?? task.error.message };
  return { status: 'done', ...task.value };
}
