// The data side of the playground's figure: the three views run live (each only if its largest tensor
// fits the page's budget), the float64 reference for T ≤ 256, and how well they all agree. Until a
// view's live run answers, a case the page plays step by step shows that view's float64 reference
// instead (`previews`): the figure has its final shape from the first paint, and the live numbers take
// its place without moving anything (they appeared only once the models answered and pushed the rest of
// the page down by 700–2,200 px).
import { useMemo } from 'react';
import { runReference } from '../../core';
import { caseSizes, type Case } from '../../core/cases';
import { float32Problem, type Float32Problem } from '../../core/float32';
import { fitsBudget, largestTensor } from '../../core/formCost';
import type { Mat } from '../../core/linalg';
import type { View, ViewResult } from '../../core/views';
import { makeTrace, type Trace } from '../../trace';
import type { LiveRun } from '../hooks/useLiveRun';
import { agreement, type Agreement } from './agreement';
import { playsSteps, useViewRun } from './useViewRun';

/** Up to this length the page also computes the float64 reference (it runs on the main thread). */
export const REFERENCE_MAX_T = 256;

export interface PlaygroundViews {
  runs: Record<View, LiveRun | null>;
  /** Finished views as traces (what the figures draw and the export writes). */
  traces: Partial<Record<View, Trace>>;
  /** Views not run, with the size of the tensor that would have been too large. */
  skipped: Partial<Record<View, number>>;
  reference: Mat | null;
  /**
   * Each view that runs, as the float64 reference computes it, for a case the page plays step by step
   * (playsSteps): what the figure shows while that view's live run is on its way. Empty otherwise.
   */
  previews: Partial<Record<View, Trace>>;
  /** How the views will be compared, worked out on the previews: the badge's room while it waits. */
  previewAgreement: Agreement | null;
  /**
   * Views whose numbers float32 could not hold, and why (src/core/float32.ts). A 'form' view is shown
   * with the recurrent view's answer; every such view is left out of the agreement.
   */
  float32: Partial<Record<View, Float32Problem>>;
  agreement: Agreement;
  /** Every view that runs has finished (or failed). */
  settled: boolean;
}

export function usePlaygroundViews(input: Case, chunk: number): PlaygroundViews {
  const { T, dk, dv } = caseSizes(input);
  const w = { dk, dv };
  const m = input.mechanism;
  const parallelFits = fitsBudget(m, 'parallel', T, chunk, w);
  const chunkFits = fitsBudget(m, 'chunkwise', T, chunk, w);
  const parallel = useViewRun(input, 'parallel', { enabled: parallelFits });
  const recurrent = useViewRun(input, 'recurrent', { withSteps: playsSteps(T, w) });
  const chunkwise = useViewRun(input, 'chunkwise', { chunk, enabled: chunkFits });
  const referenceRun = useMemo(() => (T <= REFERENCE_MAX_T ? runReference(input, 'recurrent') : null), [input, T]);
  const reference = referenceRun?.o ?? null;
  // Small by construction: playsSteps bounds T and the state, and the recurrent one is computed above.
  // The chunkwise preview has a memo of its own, so moving the chunk slider recomputes only it.
  const previewed = referenceRun !== null && playsSteps(T, { dk, dv });
  const fixedPreviews = useMemo(() => {
    const shown: Partial<Record<View, Trace>> = {};
    if (!previewed) return shown;
    if (parallelFits) shown.parallel = referenceTrace(input, 'parallel', runReference(input, 'parallel'));
    shown.recurrent = referenceTrace(input, 'recurrent', referenceRun);
    return shown;
  }, [previewed, referenceRun, input, parallelFits]);
  const chunkwisePreview = useMemo(
    () => (previewed && chunkFits ? referenceTrace(input, 'chunkwise', runReference(input, 'chunkwise', chunk), chunk) : undefined),
    [previewed, input, chunk, chunkFits],
  );
  const previews = useMemo(
    () => (chunkwisePreview ? { ...fixedPreviews, chunkwise: chunkwisePreview } : fixedPreviews),
    [fixedPreviews, chunkwisePreview],
  );
  const previewAgreement = useMemo(() => {
    const outputs = Object.fromEntries(Object.entries(previews).map(([view, trace]) => [view, trace.o]));
    return Object.keys(outputs).length > 0 ? agreement(outputs, reference) : null;
  }, [previews, reference]);

  return useMemo(() => {
    const runs: Record<View, LiveRun | null> = { parallel, recurrent, chunkwise };
    const traces: Partial<Record<View, Trace>> = {};
    for (const view of ['parallel', 'recurrent', 'chunkwise'] as const) {
      const run = runs[view];
      if (run?.status !== 'done') continue;
      const { result, backend, ms, sessionMs } = run.outcome;
      traces[view] = makeTrace(input, result, { view, backend, ms, sessionMs, ...(view === 'chunkwise' ? { chunk } : {}) });
    }
    const skipped: Partial<Record<View, number>> = {};
    if (!parallelFits) skipped.parallel = largestTensor(m, 'parallel', T, chunk, w);
    if (!chunkFits) skipped.chunkwise = largestTensor(m, 'chunkwise', T, chunk, w);
    const float32: Partial<Record<View, Float32Problem>> = {};
    const outputs: Partial<Record<View, Mat>> = {};
    for (const [view, trace] of Object.entries(traces) as [View, Trace][]) {
      const problem = float32Problem(input, trace, traces.recurrent);
      if (problem) float32[view] = problem;
      // Its own numbers, even where the page shows the recurrent answer instead: NaN or ∞ there keeps
      // it out of the comparison (and names it in the badge).
      outputs[view] = trace.o;
    }
    const settled = Object.values(runs).every((r) => r === null || r.status !== 'loading');
    return { runs, traces, skipped, reference, previews, previewAgreement, float32, agreement: agreement(outputs, reference), settled };
  }, [parallel, recurrent, chunkwise, input, chunk, reference, previews, previewAgreement, parallelFits, chunkFits, m, T, dk, dv]);
}

/** A float64 reference run drawn as a view's trace until the live one is in. */
function referenceTrace(input: Case, view: View, result: ViewResult, chunk?: number): Trace {
  return makeTrace(input, result, { view, backend: 'reference', ms: 0, ...(chunk !== undefined ? { chunk } : {}) });
}
