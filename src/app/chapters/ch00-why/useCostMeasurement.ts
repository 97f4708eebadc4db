// Chapter 0's measurement: run softmax attention and linear attention (parallel and recurrent) at
// growing T, time each run, and hand the points to the plot as they arrive. Nothing runs until the
// learner asks; between runs the page gets a frame to paint the progress and to take a Cancel.
//
// The models are the site's own graphs (prepareModel) run through the site's runtime (runPrepared):
// the parallel forms on WebGPU when present, the recurrent form on WASM. Only `o` is decoded: turning
// every per-step trace into arrays (the T × T weights alone take about a second at T = 4096) would time
// JavaScript, not the model.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Backend, BackendNotice, RuntimeErrorKind } from '../../../runtime';
import { RuntimeError } from '../../../runtime/errors';
import { BUDGET, COST_SERIES, costCase, costLengths, type CostSeries, type CostSeriesId } from './presets';

export interface CostPoint {
  series: CostSeriesId;
  T: number;
  /** The fastest timed run (ms inside session.run, outputs back on the CPU): other work on the machine
   *  only ever adds time, so the minimum is the steadiest estimate of the model's own cost. */
  ms: number;
  runs: number;
  /** The backend that really ran. */
  backend: Backend;
}

export type CostStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface CostState {
  status: CostStatus;
  points: CostPoint[];
  /** Cells (series × length) finished or skipped, of `total`. */
  done: number;
  total: number;
  current: { series: CostSeriesId; T: number; backend: Backend } | null;
  /** Series that stopped growing T (a run was too slow), with the first length left out. */
  stopped: { series: CostSeriesId; T: number }[];
  /** The whole measurement ran out of time before this length. */
  outOfTimeAt: number | null;
  notice: BackendNotice | null;
  error: { kind: RuntimeErrorKind | 'unknown'; detail: string } | null;
  elapsedMs: number;
}

const IDLE: CostState = { status: 'idle', points: [], done: 0, total: 0, current: null, stopped: [], outOfTimeAt: null, notice: null, error: null, elapsedMs: 0 };

/** Let the browser paint (progress, new points) and handle clicks before the next blocking run. */
const nextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') {
      // A hidden tab gets no frames: fall back to a timer so the measurement never hangs.
      const timer = setTimeout(done, 100);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        done();
      });
    } else done();
  });

async function timeOnce(series: CostSeries, T: number): Promise<{ ms: number; backend: Backend; notice?: BackendNotice }> {
  const [{ runPrepared }, { prepareModel }] = await Promise.all([import('../../../runtime'), import('../../../models')]);
  const model = { ...prepareModel(costCase(series, T), series.view), outputNames: ['o'] };
  const outcome = await runPrepared(model, series.backend);
  return { ms: outcome.ms, backend: outcome.backend, notice: outcome.notice };
}

export interface CostMeasurement {
  state: CostState;
  start: (longestT: number) => void;
  cancel: () => void;
}

export function useCostMeasurement(): CostMeasurement {
  const [state, setState] = useState<CostState>(IDLE);
  // One token per measurement: Cancel, a new start or unmounting retires it, and a retired run stops
  // at its next check and never writes state again.
  const token = useRef(0);
  useEffect(
    () => () => {
      token.current++;
    },
    [],
  );

  const cancel = useCallback(() => {
    token.current++;
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled', current: null } : s));
  }, []);

  const start = useCallback((longestT: number) => {
    const mine = ++token.current;
    const live = () => token.current === mine;
    const lengths = costLengths(longestT);
    const total = lengths.length * COST_SERIES.length;
    const t0 = performance.now();
    setState({ ...IDLE, status: 'running', total });
    const update = (f: (s: CostState) => CostState) => live() && setState((s) => ({ ...f(s), elapsedMs: performance.now() - t0 }));

    void (async () => {
      const stoppedAt = new Map<CostSeriesId, number>();
      const lastBackend = new Map<CostSeriesId, Backend>();
      try {
        for (const T of lengths) {
          for (const series of COST_SERIES) {
            if (!live()) return;
            if (stoppedAt.has(series.id)) {
              update((s) => ({ ...s, done: s.done + 1 }));
              continue;
            }
            if (performance.now() - t0 > BUDGET.totalMs) {
              update((s) => ({ ...s, done: s.total, outOfTimeAt: T, status: 'done', current: null }));
              return;
            }
            update((s) => ({ ...s, current: { series: series.id, T, backend: lastBackend.get(series.id) ?? series.backend } }));
            await nextFrame();
            if (!live()) return;
            // Untimed warm-up: the first run at a new length pays for allocations (and GPU pipelines).
            const warm = await timeOnce(series, T);
            if (warm.notice) update((s) => ({ ...s, notice: s.notice ?? warm.notice ?? null }));
            const samples: number[] = [];
            let backend = warm.backend;
            while (samples.length < BUDGET.repeats && samples.reduce((a, b) => a + b, 0) < BUDGET.repeatMs) {
              await nextFrame();
              if (!live()) return;
              const run = await timeOnce(series, T);
              samples.push(run.ms);
              backend = run.backend;
            }
            lastBackend.set(series.id, backend);
            const point: CostPoint = { series: series.id, T, ms: Math.min(...samples), runs: samples.length, backend };
            // The warm-up is left out: it includes one-time costs (e.g. compiling GPU pipelines).
            if (Math.min(...samples) > BUDGET.slowRunMs) {
              const next = lengths.find((x) => x > T);
              if (next !== undefined) {
                stoppedAt.set(series.id, next);
                update((s) => ({ ...s, stopped: [...s.stopped, { series: series.id, T: next }] }));
              }
            }
            update((s) => ({ ...s, points: [...s.points, point], done: s.done + 1 }));
          }
        }
        update((s) => ({ ...s, status: 'done', current: null }));
      } catch (e) {
        update((s) => ({ ...s, status: 'error', current: null, error: e instanceof RuntimeError ? { kind: e.kind, detail: e.detail ?? e.message } : { kind: 'unknown', detail: e instanceof Error ? e.message : String(e) } }));
      }
    })();
  }, []);

  return { state, start, cancel };
}
