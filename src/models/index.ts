// The models' API for the runtime and the `trace` CLI: which graph a case needs (with a cache key),
// its feeds, and how to read the outputs back as the core's ViewResult. Callers never see graph
// internals, and nothing here imports onnxruntime (run-node.ts does, for Node only).
import { caseSizes, solvesTriangular, type Case } from '../core/cases';
import type { StepRecord } from '../core/rule';
import type { View, ViewResult } from '../core/views';
import { caseFeeds, type RuleMechanism } from './adapter';
import { buildChunkwise } from './chunkwise';
import { factorsFor } from './ops';
import { buildParallel, parallelOutputs } from './parallel';
import { buildRecurrent, RECURRENT_OUTPUTS } from './recurrent';
import { buildSoftmaxChunkwise, buildSoftmaxParallel, buildSoftmaxRecurrent } from './softmax';
import { toMat, toMats, type TensorData } from './tensors';

export type { TensorData } from './tensors';

export interface PreparedModel {
  /** Identifies the graph bytes: same key, same graph, for any T and any parameter values. */
  key: string;
  /** Build the ONNX model (only needed when no session for `key` is cached). */
  build: () => Uint8Array;
  feeds: Record<string, TensorData>;
  outputNames: string[];
}

/** Bump when a graph changes, so persisted caches (if any) never serve a stale model. */
const GRAPH_VERSION = 4;

export function prepareModel(c: Case, view: View, opts: { chunk?: number } = {}): PreparedModel {
  const { T } = caseSizes(c);
  const chunk = opts.chunk ?? 2;
  if (view === 'chunkwise' && (!Number.isInteger(chunk) || chunk < 1))
    throw new Error(`chunk size must be a whole number ≥ 1, got ${chunk}`);
  const feeds = caseFeeds(c);
  const m = c.mechanism;
  const key = (variant = ''): string => `v${GRAPH_VERSION}/${m}/${view}${variant}`;
  if (m === 'softmax_attention') {
    switch (view) {
      case 'parallel':
        return { key: key(), build: () => buildSoftmaxParallel().toBytes(), feeds, outputNames: ['o', 'M'] };
      case 'recurrent':
        return { key: key(), build: () => buildSoftmaxRecurrent().toBytes(), feeds, outputNames: ['o'] };
      case 'chunkwise':
        return { key: key(`/C${chunk}`), build: () => buildSoftmaxChunkwise(chunk).toBytes(), feeds, outputNames: ['o'] };
    }
  }
  const rm: RuleMechanism = m;
  switch (view) {
    case 'parallel': {
      // The doubling inverse (delta rule, low-rank transitions) spans T ≤ 2^f steps: one graph per power-of-two bucket.
      const f = solvesTriangular(m) ? factorsFor(T) : 0;
      return {
        key: key(solvesTriangular(m) ? `/f${f}` : ''),
        build: () => buildParallel(rm, f).toBytes(),
        feeds,
        outputNames: parallelOutputs(rm),
      };
    }
    case 'recurrent':
      return { key: key(), build: () => buildRecurrent(rm).toBytes(), feeds, outputNames: [...RECURRENT_OUTPUTS] };
    case 'chunkwise':
      return { key: key(`/C${chunk}`), build: () => buildChunkwise(rm, chunk).toBytes(), feeds, outputNames: ['o', 'S_final'] };
  }
}

export function decodeOutputs(c: Case, view: View, outputs: Record<string, TensorData>): ViewResult {
  const get = (name: string): TensorData => {
    const t = outputs[name];
    if (!t) throw new Error(`model output "${name}" is missing`);
    return t;
  };
  const o = toMat(get('o'));
  if (c.mechanism === 'softmax_attention') return view === 'parallel' ? { o, S_final: null, M: toMat(get('M')) } : { o, S_final: null };
  const S_final = toMat(get('S_final'));
  if (view === 'parallel') return { o, S_final, M: outputs.M ? toMat(outputs.M) : null };
  if (view === 'chunkwise') return { o, S_final };
  const [S, decayed, erase, write] = ['S', 'decayed', 'erase', 'write'].map((n) => toMats(get(n)));
  const recalled = toMat(get('recalled'));
  const steps: StepRecord[] = o.map((ot, t) => ({
    decayed: decayed[t],
    recalled: recalled[t],
    erase: erase[t],
    write: write[t],
    S: S[t],
    o: ot,
  }));
  return { o, S_final, steps };
}
