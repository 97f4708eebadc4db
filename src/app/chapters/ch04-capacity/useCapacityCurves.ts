// Chapter 4's data: every point of the capacity curve is its own live run of the ONNX model (the
// 2n-step case of src/core/capacity.ts, parallel view). The sweep runs on WASM: 72 tiny graphs, each
// done in about a millisecond on the CPU, where a GPU's per-run overhead would dominate — and it keeps
// the WebGPU queue free for the step-by-step MemoryLab below, which runs on WebGPU as everywhere else.
// Where a live point has not arrived the figure shows the float64 one (useShownCurves); live points
// land n by n (one render for the three mechanisms of an n: a render per point re-drew the figure 72
// times). The float64 curves are computed by the figure, which shows only once the learner has
// answered the chapter's question: computed with the live state, in the page's first render, they were
// its longest task on a phone (3 × 24 runs of the float64 core on a cold JIT). Like every figure, the
// sweep waits until the page lets the runtime start (runtimeStart.ts): started at mount, it loaded
// onnxruntime-web and re-drew the chapter while the page was first being read (Lighthouse mobile, TBT
// 3.4–3.8 s). A newer input cancels an older loop.
import { useEffect, useMemo, useState } from 'react';
import { CAPACITY_MECHANISMS, capacityCase, capacityCurve, capacityPoint, type CapacityMechanism, type PairSet } from '../../../core/capacity';
import type { Backend, RunOutcome } from '../../../runtime';
import { asRuntimeError } from '../../../runtime/errors';
import type { LiveRun } from '../../hooks/useLiveRun';
import { runtimeMayStart } from '../../hooks/runtimeStart';

export type PointSource = Backend | 'reference';

export type Curves = Record<CapacityMechanism, number[]>;

/** A curve's live values, null where the point has not arrived. */
export type LiveCurves = Record<CapacityMechanism, (number | null)[]>;

export interface CapacityCurves {
  /** The live values that have arrived. */
  live: LiveCurves;
  /** The backend of each live point. */
  liveBackends: Record<CapacityMechanism, (Backend | null)[]>;
  /** Live points finished / all points. */
  done: number;
  total: number;
  /** Every backend that computed a point. */
  backends: Backend[];
  /** Milliseconds inside session.run, summed over the points. */
  ms: number;
  /** The last finished run (for fallback notices) or the error that stopped the loop. */
  lastRun: LiveRun;
}

const mapMechanisms = <T>(f: (m: CapacityMechanism) => T): Record<CapacityMechanism, T> =>
  Object.fromEntries(CAPACITY_MECHANISMS.map((m) => [m, f(m)])) as Record<CapacityMechanism, T>;

interface LiveState {
  pairs: PairSet;
  values: LiveCurves;
  sources: Record<CapacityMechanism, (Backend | null)[]>;
  done: number;
  backends: Backend[];
  ms: number;
  lastRun: LiveRun;
}

function initial(pairs: PairSet): LiveState {
  return {
    pairs,
    values: mapMechanisms(() => pairs.keys.map(() => null)),
    sources: mapMechanisms(() => pairs.keys.map(() => null)),
    done: 0,
    backends: [],
    ms: 0,
    lastRun: { status: 'loading' },
  };
}

/** The state with the live value of mechanism m at n. */
function landPoint(s: LiveState, n: number, m: CapacityMechanism, value: number, outcome: RunOutcome): LiveState {
  const values = { ...s.values, [m]: s.values[m].map((v, i) => (i === n - 1 ? value : v)) };
  const sources = { ...s.sources, [m]: s.sources[m].map((v, i) => (i === n - 1 ? outcome.backend : v)) };
  return {
    ...s,
    values,
    sources,
    done: s.done + 1,
    backends: s.backends.includes(outcome.backend) ? s.backends : [...s.backends, outcome.backend],
    ms: s.ms + outcome.ms,
    lastRun: { status: 'done', outcome },
  };
}

export function useCapacityCurves(pairs: PairSet): CapacityCurves {
  const [state, setState] = useState<LiveState>(() => initial(pairs));

  useEffect(() => {
    let current = true;
    setState(initial(pairs));
    const count = pairs.keys.length;
    (async () => {
      await runtimeMayStart();
      if (!current) return;
      const [{ runModel, detectWebGpu }, { loadOrt }] = await Promise.all([import('../../../runtime'), import('../../../runtime/ort')]);
      // Load the same onnxruntime build the WebGPU figure below will use, so the page fetches one
      // runtime, not two (asking for WASM first would load the smaller WASM-only build).
      await loadOrt((await detectWebGpu()).available);
      for (let n = 1; n <= count; n++) {
        const points: { m: CapacityMechanism; value: number; outcome: RunOutcome }[] = [];
        for (const m of CAPACITY_MECHANISMS) {
          if (!current) return;
          const outcome: RunOutcome = await runModel(capacityCase(m, pairs, n), 'parallel', { backend: 'wasm' });
          points.push({ m, value: capacityPoint(m, pairs, n, () => outcome.result.o), outcome });
        }
        if (!current) return;
        setState((s) => (s.pairs === pairs ? points.reduce((next, p) => landPoint(next, n, p.m, p.value, p.outcome), s) : s));
      }
    })().catch((e: unknown) => {
      if (!current) return;
      const error = asRuntimeError('load', String(e), e);
      setState((s) => (s.pairs === pairs ? { ...s, lastRun: { status: 'error', error } } : s));
    });
    return () => {
      current = false;
    };
  }, [pairs]);

  // Until the effect has reset the state for new pairs, show no points rather than stale ones.
  const fresh = state.pairs === pairs ? state : initial(pairs);
  return {
    live: fresh.values,
    liveBackends: fresh.sources,
    done: fresh.done,
    total: pairs.keys.length * CAPACITY_MECHANISMS.length,
    backends: fresh.backends,
    ms: fresh.ms,
    lastRun: fresh.lastRun,
  };
}

/** What the plot shows: live values where they have arrived, the float64 curve (computed here, once per pair set) elsewhere. */
export function useShownCurves(pairs: PairSet, live: CapacityCurves): { curves: Curves; sources: Record<CapacityMechanism, PointSource[]> } {
  const reference = useMemo(() => mapMechanisms((m) => capacityCurve(m, pairs)), [pairs]);
  return useMemo(
    () => ({
      curves: mapMechanisms((m) => reference[m].map((r, i) => live.live[m][i] ?? r)),
      sources: mapMechanisms((m) => reference[m].map((_, i): PointSource => live.liveBackends[m][i] ?? 'reference')),
    }),
    [reference, live.live, live.liveBackends],
  );
}
