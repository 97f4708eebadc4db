// One benchmark cell: a mechanism in one view at one length, on onnxruntime-web's WASM backend
// (src/models/run-node.ts: one thread) and in the float64 reference (src/core).
import type { Case } from '../../src/core/cases';
import { runReference } from '../../src/core/index';
import { maxAbs, maxAbsDiff } from '../../src/core/linalg';
import type { View, ViewResult } from '../../src/core/views';
import { decodeOutputs, prepareModel, type PreparedModel } from '../../src/models/index';
import { releaseNodeSessions, runInNode, sessionFor } from '../../src/models/run-node';
import { now, sample, summarize, type SamplingPlan, type Summary } from './stats';

export interface ModelTiming extends Summary {
  /** Building the ONNX graph and serializing it (ms). */
  buildMs: number;
  /** InferenceSession.create on those bytes (ms), graph optimization included. */
  sessionMs: number;
  /** The first session.run after creation (ms): first-touch allocations, not in the median. */
  firstRunMs: number;
}

export interface ReferenceTiming extends Summary {
  /** The first call (ms), not in the median. */
  firstMs: number;
}

export interface CellResult {
  model: ModelTiming;
  reference: ReferenceTiming;
  /** max |o_wasm − o_ref| / max(1, ‖o_ref‖∞): a sanity check that the timed model computes the right thing. */
  relError: number;
}

/** Time one cell; every session is released afterwards, so the next cell starts cold too. */
export async function measureCell(c: Case, view: View, chunk: number, model: SamplingPlan, reference: SamplingPlan): Promise<CellResult> {
  try {
    const base = prepareModel(c, view, { chunk });
    let buildMs = 0;
    const prepared: PreparedModel = {
      ...base,
      build: () => {
        const t0 = now();
        const bytes = base.build();
        buildMs = now() - t0;
        return bytes;
      },
    };
    const t0 = now();
    await sessionFor(prepared);
    const sessionMs = now() - t0 - buildMs;
    const first = await runInNode(prepared);
    const samples = await sample(async () => (await runInNode(prepared)).ms, first.ms, model);

    const r0 = now();
    const ref = runReference(c, view, chunk);
    const refFirst = now() - r0;
    const refSamples = await sample(() => timeSync(() => runReference(c, view, chunk)), refFirst, reference);

    return {
      model: { ...summarize(samples), buildMs, sessionMs, firstRunMs: first.ms },
      reference: { ...summarize(refSamples), firstMs: refFirst },
      relError: relativeError(decodeOutputs(c, view, first.outputs), ref),
    };
  } finally {
    await releaseNodeSessions();
  }
}

/**
 * Before any cell: start the runtime (WASM instantiation, reported apart) and run a spread of models
 * for about `ms` so that V8 has tiered up the hot WASM and JS code; the first cells would otherwise
 * pay for baseline-compiled kernels. Returns the runtime start time (first session, ms).
 */
export async function warmUp(cases: { c: Case; view: View }[], chunk: number, ms: number): Promise<number> {
  const t0 = now();
  const models = cases.map(({ c, view }) => prepareModel(c, view, { chunk }));
  await sessionFor(models[0]);
  const startMs = now() - t0;
  for (let i = 0; now() - t0 < ms; i++) {
    const p = models[i % models.length];
    await runInNode(p);
    runReference(cases[i % cases.length].c, cases[i % cases.length].view, chunk);
  }
  await releaseNodeSessions();
  return startMs;
}

function timeSync(f: () => unknown): number {
  const t0 = now();
  f();
  return now() - t0;
}

function relativeError(got: ViewResult, ref: ViewResult): number {
  return maxAbsDiff(got.o, ref.o) / Math.max(1, maxAbs(ref.o));
}
