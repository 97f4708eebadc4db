// The data side of a chapter figure, in tiers: the float64 reference traces at once (so the page
// teaches before any wasm arrives); the same models' traces precomputed at build time, where the case
// is a chapter default (fetched once after first paint); then the live traces from onnxruntime-web as
// they finish — parallel on the backend 'auto' chooses (src/runtime/backendChoice.ts), recurrent on
// WASM. A failed live run leaves the best tier below it on screen.
import { startTransition, useEffect, useMemo, useState } from 'react';
import { runReference } from '../../core';
import { caseSizes, type Case } from '../../core/cases';
import { float32Problem, type Float32Problem } from '../../core/float32';
import { maxAbsDiff } from '../../core/linalg';
import type { View } from '../../core/views';
import { caseHash, isEntryFor, makeTrace, PRECOMPUTED_FILE, type PrecomputedEntry, type Trace } from '../../trace';
import { useLiveRun, type LiveRun } from './useLiveRun';
import { float32Tolerance } from '../../core/float32';

export interface ModelTraces {
  parallel: Trace;
  recurrent: Trace;
  /** The float64 traces, for the "vs reference" figure and tests. */
  reference: { parallel: Trace; recurrent: Trace };
  runs: { parallel: LiveRun; recurrent: LiveRun };
  /** max |o_parallel − o_recurrent| over every step and channel. */
  diff: number;
  /** 1e-5 · max(1, ‖o_ref‖∞): float32 agreement with the float64 reference (docs/design.md §2). */
  tolerance: number;
  live: boolean;
  /** Live views whose numbers float32 could not hold, and why (the figure says so in words). */
  float32: Partial<Record<View, Float32Problem>>;
}

function referenceTrace(c: Case, view: View): Trace {
  const t0 = performance.now();
  const result = runReference(c, view);
  return makeTrace(c, result, { view, backend: 'reference', ms: performance.now() - t0 });
}

let table: Promise<Record<string, unknown>> | undefined;

/** precomputed-traces.json, fetched once; a missing or unreadable file (the dev server) has no entries. */
function precomputedTable(): Promise<Record<string, unknown>> {
  table ??= fetch(`${import.meta.env.BASE_URL}${PRECOMPUTED_FILE}`)
    .then((r) => (r.ok ? (r.json() as Promise<unknown>) : {}))
    .then((json) => (typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}))
    .catch(() => ({}));
  return table;
}

/** The build-time traces of this case, once fetched; null when it is not a precomputed case (or not looked up). */
function usePrecomputed(c: Case, lookUp: boolean): { parallel: Trace; recurrent: Trace } | null {
  // Hashing a case reads all its numbers: not worth it for cases that cannot be in the table.
  const hash = useMemo(() => (lookUp ? caseHash(c) : null), [c, lookUp]);
  const [found, setFound] = useState<{ hash: string; entry: PrecomputedEntry } | null>(null);
  useEffect(() => {
    if (hash === null) return;
    let current = true;
    void precomputedTable().then((t) => {
      const entry = t[hash];
      // A transition: the figure redrawn with these numbers is rendered in slices (the whole lab, one task).
      if (current && isEntryFor(entry, caseSizes(c).T)) startTransition(() => setFound({ hash, entry }));
    });
    return () => {
      current = false;
    };
  }, [c, hash]);
  return useMemo(() => {
    if (hash === null || found?.hash !== hash) return null;
    const trace = (view: keyof PrecomputedEntry) => makeTrace(c, found.entry[view], { view, backend: 'precomputed', ms: 0 });
    return { parallel: trace('parallel'), recurrent: trace('recurrent') };
  }, [c, hash, found]);
}

function liveOr(run: LiveRun, c: Case, view: View, fallback: Trace): Trace {
  if (run.status !== 'done') return fallback;
  const { result, backend, ms, sessionMs } = run.outcome;
  return makeTrace(c, result, { view, backend, ms, sessionMs });
}

export interface TraceOptions {
  /** Look the case up among the build-time traces (chapter defaults); off for cases no build could know. */
  precomputed?: boolean;
  /** Start the live runs only once the case has stayed the same this long (numbers that keep changing). */
  liveSettleMs?: number;
}

/**
 * For a figure whose numbers change every moment — the training lab's probe of a model as it learns:
 * no table lookup, and the live runs wait until the numbers hold still (training paused or done).
 * Meanwhile the float64 traces are on show, and the main thread stays free for the learner's input.
 */
export const CHANGING_CASE: TraceOptions = { precomputed: false, liveSettleMs: 1500 };

export function useModelTraces(c: Case, { precomputed: lookUp = true, liveSettleMs = 0 }: TraceOptions = {}): ModelTraces {
  const reference = useMemo(() => ({ parallel: referenceTrace(c, 'parallel'), recurrent: referenceTrace(c, 'recurrent') }), [c]);
  const parallelRun = useLiveRun(c, 'parallel', { settleMs: liveSettleMs });
  const recurrentRun = useLiveRun(c, 'recurrent', { backend: 'wasm', settleMs: liveSettleMs });
  const precomputed = usePrecomputed(c, lookUp);
  return useMemo(() => {
    const parallel = liveOr(parallelRun, c, 'parallel', precomputed?.parallel ?? reference.parallel);
    const recurrent = liveOr(recurrentRun, c, 'recurrent', precomputed?.recurrent ?? reference.recurrent);
    // The badges say when the numbers shown are the precomputed ones.
    const shown = (run: LiveRun): LiveRun => {
      if (run.status === 'loading' && liveSettleMs > 0) return { ...run, whenStill: true, precomputed: Boolean(precomputed) };
      return precomputed && run.status !== 'done' ? { ...run, precomputed: true } : run;
    };
    const float32: Partial<Record<View, Float32Problem>> = {};
    for (const [view, trace] of [['parallel', parallel], ['recurrent', recurrent]] as const) {
      const problem = trace.backend === 'reference' ? null : float32Problem(c, trace, recurrent.backend === 'reference' ? null : recurrent);
      if (problem) float32[view] = problem;
    }
    return {
      float32,
      parallel,
      recurrent,
      reference,
      runs: { parallel: shown(parallelRun), recurrent: shown(recurrentRun) },
      diff: maxAbsDiff(parallel.o, recurrent.o),
      tolerance: float32Tolerance(reference.recurrent.o),
      live: parallelRun.status === 'done' && recurrentRun.status === 'done',
    };
  }, [c, reference, parallelRun, recurrentRun, precomputed, liveSettleMs]);
}
