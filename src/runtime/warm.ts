// Warm the runtime while a page's figure is still mounting. The first session a page creates also
// fetches and compiles onnxruntime's wasm in its worker and starts ORT (about half a second of the
// ~1.2 s from a key at first paint to a live chapter figure), and it began only once the figure had
// mounted and the runtime's JS, models included, had loaded. This module creates and runs a one-node
// graph as soon as the page may start its runtime, so that start overlaps the figure's mount. It sits in
// the entry chunk (runtimeStart.ts imports it; with ort.ts and queue.ts it is about 1 KB): as a chunk of
// its own, its import waited behind the figure's rendering, 0.3–0.6 s on a phone with a 4× slower CPU.
// It takes its turn in the runtime's one queue like any session.
import { loadOrt } from './ort';
import { inTurn, ortBuild } from './queue';
import { detectWebGpu } from './webgpu';

/**
 * y = x·x for a 1×1 x, opset 17: src/models/graph.ts's builder wrote these bytes (warm.test.ts checks
 * that it still does). A constant, so the entry chunk needs neither the builder nor protobuf.
 */
export const WARM_MODEL_BASE64 = 'CAgSC21lbW9yeS1sYW5lOk8KHQoBeAoBeBIBeRoKbl9NYXRNdWxfMSIGTWF0TXVsEgR3YXJtWhMKAXgSDgoMCAESCAoCCAEKAggBYhMKAXkSDgoMCAESCAoCCAEKAggBQgQKABAR';

let warming: Promise<void> | undefined;

/** The runtime's start, where the page has begun it (a chapter, once it may start); never rejects. */
export function runtimeWarming(): Promise<void> | undefined {
  return warming;
}

/** Load onnxruntime and start its wasm (WASM execution provider) once per tab; never rejects. */
export function warmRuntime(): Promise<void> {
  warming ??= warm().catch(() => {
    // A runtime that cannot load fails again at the figure's own run, which puts it into words.
  });
  return warming;
}

async function warm(): Promise<void> {
  const gpu = await detectWebGpu();
  const ort = await loadOrt(ortBuild(gpu.available) === 'webgpu');
  const bytes = Uint8Array.from(atob(WARM_MODEL_BASE64), (ch) => ch.charCodeAt(0));
  await inTurn(async () => {
    const s = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], logSeverityLevel: 3 });
    try {
      await s.run({ x: new ort.Tensor('float32', new Float32Array([1]), [1, 1]) });
    } finally {
      await s.release();
    }
  });
}
