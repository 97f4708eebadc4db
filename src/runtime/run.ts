// Run a mechanism's ONNX model in the browser: pick the backend, cache sessions, time every run,
// and report which backend actually computed the numbers.
import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { caseSizes, type Case } from '../core/cases';
import type { View, ViewResult } from '../core/views';
import { decodeOutputs, prepareModel, type PreparedModel, type TensorData } from '../models';
import { backendPreference, chooseBackend, recordTimings, sizeClass, timingsFor, type Backend, type BackendPreference, type Choice } from './backendChoice';
import { RuntimeError, asRuntimeError, describeError } from './errors';
import { loadOrt, type Ort, type OrtBuild } from './ort';
import { inTurn, ortBuild, webGpuGaveUp } from './queue';
import { changeSessionCount } from './sessionCount';
import { detectWebGpu } from './webgpu';
import { missingNotice, wantsWebGpu, type BackendNotice } from './gpuNotice';
import { whenIdle } from './idle';

export type { Backend } from './backendChoice';

export type { BackendNotice } from './gpuNotice';

export interface RunOptions {
  /**
   * 'auto': for the parallel view, the backend this device measured faster for the case's size
   * (backendChoice.ts; WASM until measured, or what the link asks for); WASM for the other views.
   */
  backend?: Backend | 'auto';
  chunk?: number;
}

export interface RunOutcome {
  result: ViewResult;
  /** The backend that really ran. */
  backend: Backend;
  /** Milliseconds inside session.run (inputs in, outputs back on the CPU). */
  ms: number;
  /** Milliseconds to create the session; 0 when it came from the cache. */
  sessionMs: number;
  /** Set when the asked-for backend could not be used and WASM ran instead; the page words it. */
  notice?: BackendNotice;
  /** How 'auto' chose the backend of a parallel run (absent for an explicit backend or without WebGPU). */
  choice?: Choice;
}

export { WEBGPU_TURN_LIMIT_MS } from './queue';

/** The runtime in use: the WebGPU build when the browser has WebGPU and it has not hung on us. */
interface Runtime {
  ort: Ort;
  build: OrtBuild;
}
async function runtime(gpuAvailable: boolean): Promise<Runtime> {
  const build = ortBuild(gpuAvailable);
  return { ort: await loadOrt(build === 'webgpu'), build };
}

const sessions = new Map<string, Promise<InferenceSession>>();
/** Sessions that have been handed out and whose run has not finished yet: a release skips them. */
const inUse = new Map<InferenceSession, number>();
function hold(s: InferenceSession, delta: 1 | -1): void {
  const n = (inUse.get(s) ?? 0) + delta;
  if (n > 0) inUse.set(s, n);
  else inUse.delete(s);
}

async function session(rt: Runtime, key: string, backend: Backend, build: () => Uint8Array): Promise<{ s: InferenceSession; ms: number }> {
  const cacheKey = `${rt.build}:${backend}:${key}`;
  const hit = sessions.get(cacheKey);
  if (hit) {
    const s = await hit;
    // Released while we waited (a chapter was left): make a fresh one.
    if (sessions.get(cacheKey) === hit) return { s, ms: 0 };
    return session(rt, key, backend, build);
  }
  // Sessions are created one at a time too: two WebGPU sessions created at once hang the page.
  // `ms` is the creation itself, not the wait for its turn.
  let ms = 0;
  const created = oneAtATime(async () => {
    const t0 = performance.now();
    // Copies: the runtime's worker takes (transfers) the buffers it is handed, and models and feeds
    // may be cached and shared between views.
    const s = await rt.ort.InferenceSession.create(build().slice(), {
      executionProviders: [backend],
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3, // errors only: ORT's node-placement warnings are not the learner's business
    });
    ms = performance.now() - t0;
    changeSessionCount(1);
    return s;
  }, backend);
  sessions.set(cacheKey, created);
  try {
    const s = await created;
    return { s, ms };
  } catch (e) {
    sessions.delete(cacheKey);
    throw asRuntimeError(backend === 'webgpu' ? 'webgpu' : 'session', `The ${backend.toUpperCase()} backend could not prepare the model.`, e);
  }
}

function toFeeds(ort: Ort, feeds: Record<string, TensorData>): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) out[name] = new ort.Tensor('float32', t.data.slice(), t.dims);
  return out;
}

async function runOn(rt: Runtime, backend: Backend, c: Case, view: View, chunk: number | undefined): Promise<RunOutcome> {
  const { outputs, ms, sessionMs } = await execute(rt, backend, prepareModel(c, view, { chunk }));
  return { result: decodeOutputs(c, view, outputs), backend, ms, sessionMs };
}

/** Create (or reuse) the model's session on `backend`, run it once, and copy its outputs back. */
async function execute(rt: Runtime, backend: Backend, model: PreparedModel): Promise<{ outputs: Record<string, TensorData>; ms: number; sessionMs: number }> {
  const { s, ms: sessionMs } = await session(rt, model.key, backend, model.build);
  const feeds = toFeeds(rt.ort, model.feeds);
  hold(s, 1);
  const { outputs, ms } = await oneAtATime(async () => {
    const t0 = performance.now();
    let raw: InferenceSession.OnnxValueMapType;
    try {
      raw = await s.run(feeds);
    } catch (e) {
      throw asRuntimeError(backend === 'webgpu' ? 'webgpu' : 'run', `The model failed while running on ${backend.toUpperCase()}.`, e);
    }
    const outputs: Record<string, TensorData> = {};
    for (const name of model.outputNames) {
      const t = raw[name];
      if (!t) throw new RuntimeError('run', `The model did not return its output "${name}".`);
      outputs[name] = { data: (await t.getData()) as Float32Array, dims: [...t.dims] };
    }
    return { outputs, ms: performance.now() - t0 };
  }, backend).finally(() => hold(s, -1));
  return { outputs, ms, sessionMs };
}

// A page can start several runs at once (two views, a figure comparing two mechanisms, a slider dragged
// fast), so runs take turns in the runtime's one queue (queue.ts, with its WebGPU time limit); `ms`
// excludes the wait.
const oneAtATime = inTurn;

/** Run on WebGPU; if that fails (or hangs), on WASM with a notice that says why. */
async function gpuThenWasm<T extends { notice?: BackendNotice }>(gpuAvailable: boolean, attempt: (rt: Runtime, backend: Backend) => Promise<T>): Promise<T> {
  let detail = webGpuGaveUp();
  if (!detail) {
    try {
      return await attempt(await runtime(gpuAvailable), 'webgpu');
    } catch (e) {
      detail = e instanceof RuntimeError && e.detail ? e.detail : describeError(e);
    }
  }
  const outcome = await attempt(await runtime(gpuAvailable), 'wasm');
  return { ...outcome, notice: { code: 'webgpu-failed', detail } };
}

/** Run one view of one case. Falls back from WebGPU to WASM with a notice instead of failing. */
export async function runModel(c: Case, view: View, options: RunOptions = {}): Promise<RunOutcome> {
  const asked = options.backend ?? 'auto';
  // Always detect: with WebGPU present, one runtime build (the WebGPU one) serves both backends, so
  // a WASM-only view never downloads a second 14 MB runtime beside it.
  const gpu = await detectWebGpu();
  const run = (rt: Runtime, backend: Backend) => runOn(rt, backend, c, view, options.chunk);
  if (asked === 'auto' && view === 'parallel' && gpu.available) {
    return runChosen(sizeClass(caseSizes(c)), backendPreference(), run);
  }
  const wantGpu = wantsWebGpu(view, asked);
  if (wantGpu && gpu.available) return gpuThenWasm(gpu.available, run);
  const outcome = await run(await runtime(gpu.available), 'wasm');
  if (wantGpu) return { ...outcome, notice: missingNotice(gpu.reason) };
  return outcome;
}

/** 'auto' with WebGPU present: the measured faster backend for this class (WASM while measuring), measured in idle time if not yet. */
async function runChosen<T extends { ms: number; notice?: BackendNotice }>(cls: string, preference: BackendPreference, run: (rt: Runtime, backend: Backend) => Promise<T>): Promise<T & { choice: Choice }> {
  const choice = chooseBackend(preference, cls, timingsFor(cls));
  const outcome = choice.backend === 'webgpu' ? await gpuThenWasm(true, run) : await run(await runtime(true), 'wasm');
  if (choice.state === 'measuring') laterWhenIdle(() => calibrate(cls, run));
  return { ...outcome, choice };
}

/** Size classes being measured now (one measurement each). */
const calibrating = new Set<string>();

/**
 * Measure a size class: the same case on WASM and on WebGPU, whose first run compiles its shaders and
 * is not counted. Then three warm runs each, taken in turns so a busy spell of the machine weighs on
 * both, and the fastest of each kept. Every run takes its turn in the one queue, under the WebGPU time
 * limit; a WebGPU failure records null, and WASM stays the choice.
 */
async function calibrate(cls: string, run: (rt: Runtime, backend: Backend) => Promise<{ ms: number }>): Promise<void> {
  if (calibrating.has(cls) || timingsFor(cls)) return;
  calibrating.add(cls);
  try {
    const rt = await runtime(true);
    const wasm: number[] = [];
    const gpu: number[] = [];
    let gpuWorks = !webGpuGaveUp() && rt.build === 'webgpu';
    if (gpuWorks) gpuWorks = await run(rt, 'webgpu').then(() => true, () => false);
    for (let i = 0; i < CALIBRATION_RUNS; i++) {
      wasm.push((await run(rt, 'wasm')).ms);
      if (!gpuWorks) continue;
      const timed = await run(rt, 'webgpu').catch(() => null);
      if (timed) gpu.push(timed.ms);
      else gpuWorks = false;
    }
    recordTimings(cls, { webgpuMs: gpuWorks ? Math.min(...gpu) : null, wasmMs: Math.min(...wasm) });
  } catch {
    // WASM itself failed: the page already shows that run's error; nothing to choose between.
  } finally {
    calibrating.delete(cls);
  }
}
const CALIBRATION_RUNS = 3;

/** Later, when the page has nothing else to do, so measuring never delays what the learner asked for. */
function laterWhenIdle(task: () => Promise<void>): void {
  whenIdle(() => void task(), { timeout: 3000, fallbackMs: 500 });
}

export interface GraphOutcome {
  outputs: Record<string, TensorData>;
  backend: Backend;
  ms: number;
  sessionMs: number;
  notice?: BackendNotice;
  /** How 'auto' chose, on a device with WebGPU (as for runModel's parallel view). */
  choice?: Choice;
}

/**
 * Run any prepared graph that is not a mechanism case (a trained network, chapter 0's cost series), with
 * the same sessions, turn-taking and WebGPU → WASM fallback as `runModel`. 'auto' with WebGPU present
 * chooses as runModel's parallel view does: WASM until both backends were measured on this graph in idle
 * time, then the faster (one measurement per graph key); the link's ?compute= overrides it.
 */
export async function runPrepared(model: PreparedModel, asked: Backend | 'auto' = 'auto'): Promise<GraphOutcome> {
  const backend = asked === 'auto' && backendPreference() !== 'auto' ? backendPreference() : asked;
  const gpu = await detectWebGpu();
  const run = async (rt: Runtime, on: Backend): Promise<GraphOutcome> => ({ ...(await execute(rt, on, model)), backend: on });
  if (backend === 'auto' && gpu.available) {
    return runChosen(`graph-${model.key}`, 'auto', run);
  }
  if (backend !== 'wasm' && gpu.available) return gpuThenWasm(gpu.available, run);
  const outcome = await run(await runtime(gpu.available), 'wasm');
  if (backend !== 'wasm') outcome.notice = missingNotice(gpu.reason);
  return outcome;
}

/**
 * Free the cached sessions (e.g. when leaving a chapter). The release takes its turn in the same queue
 * as session creation and runs, so it never frees a session while it runs; sessions still being
 * created, or handed out for a run that has not finished, are kept (the next page may be using them).
 */
export function releaseSessions(): Promise<void> {
  return oneAtATime(async () => {
    const free: InferenceSession[] = [];
    for (const [key, pending] of [...sessions]) {
      const s = await Promise.race([pending, Promise.resolve(undefined)]).catch(() => undefined);
      if (!s || inUse.has(s)) continue;
      sessions.delete(key);
      free.push(s);
    }
    await Promise.allSettled(
      free.map(async (s) => {
        try {
          await s.release();
        } finally {
          changeSessionCount(-1);
        }
      }),
    );
  });
}

export { liveSessionCount } from './sessionCount';
