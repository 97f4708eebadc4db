// The runtime's warm-up (warm.ts): its constant model is the one-node graph the builder writes, and
// onnxruntime runs it; it takes its turn in the runtime's one queue ahead of a figure's first session,
// happens once per tab, and a runtime that cannot load leaves it resolved (the figure's run words it).
import * as ortWeb from 'onnxruntime-web';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Graph } from '../models/graph';
import type { PreparedModel } from '../models';

const log: string[] = [];
let loadFails = false;

vi.mock('./ort', async () => {
  const { fakeOrt } = await import('./fakeOrt.testkit');
  return {
    loadOrt: async () => {
      if (loadFails) throw new Error('offline');
      return fakeOrt({ created: (ep) => log.push(`create ${ep}`), ran: (ep) => log.push(`run ${ep}`) });
    },
  };
});
vi.mock('./webgpu', () => ({ detectWebGpu: async () => ({ available: false, reason: 'none' }) }));

const bytes = (b64: string) => Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));

beforeEach(() => {
  vi.resetModules();
  log.length = 0;
  loadFails = false;
});

describe('the warm-up model', () => {
  it('is what the graph builder writes for y = x·x with a 1×1 x', async () => {
    const { WARM_MODEL_BASE64 } = await import('./warm');
    const g = new Graph('warm');
    const x = g.input('x', [1, 1]);
    g.output(g.op('MatMul', [x, x]), 'y', [1, 1]);
    expect(Array.from(bytes(WARM_MODEL_BASE64))).toEqual(Array.from(g.toBytes()));
  });

  it('runs in onnxruntime-web on WASM: 3·3 = 9', async () => {
    const { WARM_MODEL_BASE64 } = await import('./warm');
    ortWeb.env.wasm.numThreads = 1;
    const s = await ortWeb.InferenceSession.create(bytes(WARM_MODEL_BASE64), { executionProviders: ['wasm'] });
    const out = await s.run({ x: new ortWeb.Tensor('float32', new Float32Array([3]), [1, 1]) });
    expect(Array.from(out.y.data as Float32Array)).toEqual([9]);
    await s.release();
  });
});

describe('warmRuntime', () => {
  const model: PreparedModel = { key: 'm', build: () => new Uint8Array([1]), feeds: { x: { data: new Float32Array([1]), dims: [1] } }, outputNames: ['y'] };

  it("creates and runs its session in the queue's turn ahead of a figure's, once per tab", async () => {
    const { warmRuntime } = await import('./warm');
    const { runPrepared } = await import('./run');
    const warmed = warmRuntime();
    const figure = runPrepared(model, 'wasm');
    await Promise.all([warmed, figure]);
    expect(log).toEqual(['create wasm', 'run wasm', 'create wasm', 'run wasm']);
    await warmRuntime();
    expect(log).toHaveLength(4);
  });

  it('resolves when the runtime cannot load', async () => {
    loadFails = true;
    const { warmRuntime } = await import('./warm');
    await expect(warmRuntime()).resolves.toBeUndefined();
    expect(log).toEqual([]);
  });
});
