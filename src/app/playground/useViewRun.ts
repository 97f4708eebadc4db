// One view of the playground's case, run live: parallel on WebGPU when present, recurrent and chunkwise
// on WASM. The recurrent view fetches its per-step states only when the page will play them
// (playsSteps: T ≤ 256 and at most 64 × 64 × 64 state numbers in all): at T = 1024, d = 64 they are
// 4 × 4 M numbers the page would never draw. Inputs that change fast
// (a slider dragged) settle for a moment before a run starts; a stale result never overwrites a newer one.
import { keepsCache, type Case } from '../../core/cases';
import { stateFloats } from '../../core/cost';
import type { View } from '../../core/views';
import type { RunOutcome } from '../../runtime';
import { RuntimeError } from '../../runtime/errors';
import { useAsLiveRun, type LiveRun } from '../hooks/useLiveRun';
import { useNoticeBeforeRun } from '../hooks/useNoticeBeforeRun';
import { useRuntimeTask, type TaskState } from '../hooks/useRuntimeTask';
import type { BackendPreference } from '../../runtime/backendChoice';

/** Up to this length the recurrent view brings back every step for the playback. */
export const PLAYBACK_MAX_T = 256;
/**
 * …and up to this many state numbers over all steps (T · d_k · d_v): T = 256 at d = 32, T = 64 at
 * d = 64. Each step keeps S and its terms (about 4 × this as JS numbers), so the bound keeps the
 * playback's memory where T = 64, d = 64 always had it.
 */
export const PLAYBACK_MAX_STATE_FLOATS = 64 * 64 * 64;

/** Whether the page plays this case step by step (and so fetches every step's state). */
export function playsSteps(T: number, widths: { dk: number; dv: number }): boolean {
  return T <= PLAYBACK_MAX_T && T * stateFloats(widths) <= PLAYBACK_MAX_STATE_FLOATS;
}

const SETTLE_MS = 150;

/** Parallel on WebGPU when present; the others on WASM. */
const backendOf = (view: View): BackendPreference => (view === 'parallel' ? 'auto' : 'wasm');
/** What a disabled view's hooks are given, so that they keep their order. */
const LOADING: TaskState<RunOutcome> = { status: 'loading' };

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
  return runtime.runModel(c, view, { backend: backendOf(view), chunk: view === 'chunkwise' ? chunk : undefined });
}

/** The live run of one view; null when `enabled` is false (the page said why). */
export function useViewRun(c: Case, view: View, { chunk = 2, withSteps = false, enabled = true }: { chunk?: number; withSteps?: boolean; enabled?: boolean }): LiveRun | null {
  const state = useRuntimeTask(() => runView(c, view, chunk, withSteps), [c, view, chunk, withSteps], { settleMs: SETTLE_MS, errorKind: 'run', enabled });
  const foreseen = useNoticeBeforeRun(view, backendOf(view), enabled);
  const run = useAsLiveRun(state ?? LOADING, foreseen);
  return state && run;
}
