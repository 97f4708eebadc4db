// One view of the playground's case, run live: parallel on WebGPU when present, recurrent and chunkwise
// on WASM. The recurrent view fetches its per-step states only when the page will play them (T ≤ 64):
// at T = 1024, d = 64 they are 4 × 4 M numbers the page would never draw. Inputs that change fast
// (a slider dragged) settle for a moment before a run starts; a stale result never overwrites a newer one.
import { useEffect, useState } from 'react';
import { keepsCache, type Case } from '../../core/cases';
import type { View } from '../../core/views';
import type { RunOutcome } from '../../runtime';
import { RuntimeError } from '../../runtime/errors';
import type { LiveRun } from '../hooks/useLiveRun';

/** Up to this length the recurrent view brings back every step for the playback. */
export const PLAYBACK_MAX_T = 64;

const SETTLE_MS = 150;

async function runView(c: Case, view: View, chunk: number, withSteps: boolean): Promise<RunOutcome> {
  const runtime = await import('../../runtime');
  if (view === 'recurrent' && !withSteps && !keepsCache(c.mechanism)) {
    const [{ prepareModel }, { toMat }] = await Promise.all([import('../../models'), import('../../models/tensors')]);
    const model = prepareModel(c, 'recurrent');
    const out = await runtime.runPrepared({ ...model, outputNames: ['o', 'S_final'] }, 'wasm');
    const { o, S_final } = out.outputs;
    if (!o || !S_final) throw new RuntimeError('run', 'The model did not return its outputs.');
    return { result: { o: toMat(o), S_final: toMat(S_final) }, backend: out.backend, ms: out.ms, sessionMs: out.sessionMs, notice: out.notice };
  }
  return runtime.runModel(c, view, { backend: view === 'parallel' ? 'auto' : 'wasm', chunk: view === 'chunkwise' ? chunk : undefined });
}

/** The live run of one view; null when `enabled` is false (the page said why). */
export function useViewRun(c: Case, view: View, { chunk = 2, withSteps = false, enabled = true }: { chunk?: number; withSteps?: boolean; enabled?: boolean }): LiveRun | null {
  // The result remembers what it was computed for, so a render with new inputs never shows old numbers.
  const [state, setState] = useState<{ c: Case; chunk: number; run: LiveRun } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      runView(c, view, chunk, withSteps).then(
        (outcome) => current && setState({ c, chunk, run: { status: 'done', outcome } }),
        (e: unknown) =>
          current &&
          setState({
            c,
            chunk,
            run: { status: 'error', error: e instanceof RuntimeError ? e : new RuntimeError('run', String(e), e instanceof Error ? e.message : undefined) },
          }),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [c, view, chunk, withSteps, enabled]);
  if (!enabled) return null;
  return state && state.c === c && state.chunk === chunk ? state.run : LOADING;
}

const LOADING: LiveRun = { status: 'loading' };
