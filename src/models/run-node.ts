// Run a prepared model under Node with onnxruntime-web's WASM backend (tests, the `trace` CLI,
// benchmarks). The browser has its own runner in src/runtime; this one is deliberately minimal.
import * as ort from 'onnxruntime-web';
import type { PreparedModel, TensorData } from './index';

// One thread: no worker threads under Node / Vitest, and timings that do not depend on the machine's cores.
ort.env.wasm.numThreads = 1;

const sessions = new Map<string, Promise<ort.InferenceSession>>();

/** The cached session for a model's key (created from `build()` on first use). */
export function sessionFor(prepared: PreparedModel): Promise<ort.InferenceSession> {
  let s = sessions.get(prepared.key);
  if (!s) {
    s = ort.InferenceSession.create(prepared.build(), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    sessions.set(prepared.key, s);
    s.catch(() => sessions.delete(prepared.key)); // a failed build is retried next time
  }
  return s;
}

/** Run once; `ms` times session.run only (not session creation or output copies). */
export async function runInNode(prepared: PreparedModel): Promise<{ outputs: Record<string, TensorData>; ms: number }> {
  const session = await sessionFor(prepared);
  const feeds: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(prepared.feeds)) feeds[name] = new ort.Tensor('float32', t.data, t.dims);
  const t0 = performance.now();
  const raw = await session.run(feeds, prepared.outputNames);
  const ms = performance.now() - t0;
  const outputs: Record<string, TensorData> = {};
  for (const name of prepared.outputNames) {
    const t = raw[name];
    if (!t) throw new Error(`model ${prepared.key} did not return "${name}"`);
    if (t.type !== 'float32') throw new Error(`model ${prepared.key}: output "${name}" is ${t.type}, expected float32`);
    outputs[name] = { data: t.data as Float32Array, dims: [...t.dims] };
  }
  return { outputs, ms };
}

/** Free every cached session. */
export async function releaseNodeSessions(): Promise<void> {
  const all = [...sessions.values()];
  sessions.clear();
  await Promise.allSettled(all.map(async (s) => (await s).release()));
}
