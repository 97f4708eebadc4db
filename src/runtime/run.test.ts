// A WebGPU session that never finishes must not hang the page: after the time limit the run falls back
// to WASM (on the WASM-only runtime build) with the notice the page shows, and later runs skip WebGPU.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreparedModel } from '../models';

const created: { build: string; ep: string }[] = [];

// One stand-in per runtime build: WebGPU sessions hang for ever, WASM ones answer y = 2·x.
vi.mock('./ort', async () => {
  const { fakeOrt } = await import('./fakeOrt.testkit');
  return {
    loadOrt: async (withWebGpu: boolean) =>
      fakeOrt({ hangCreate: (ep) => ep === 'webgpu', created: (ep) => created.push({ build: withWebGpu ? 'webgpu' : 'wasm', ep }) }),
  };
});
vi.mock('./webgpu', () => ({ detectWebGpu: async () => ({ available: true }) }));

const model = (key: string): PreparedModel => ({
  key,
  build: () => new Uint8Array([1, 2, 3]),
  feeds: { x: { data: new Float32Array([1, 2, 3]), dims: [3] } },
  outputNames: ['y'],
});

afterEach(() => vi.useRealTimers());

describe('WebGPU time limit', () => {
  it('falls back to WASM with a notice when WebGPU hangs, and skips WebGPU afterwards', async () => {
    vi.useFakeTimers();
    const { runPrepared, WEBGPU_TURN_LIMIT_MS } = await import('./run');
    // Asked for WebGPU ('auto' would start on WASM until both backends are measured).
    const pending = runPrepared(model('a'), 'webgpu');
    let done = false;
    void pending.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(WEBGPU_TURN_LIMIT_MS - 1000);
    expect(done).toBe(false); // a slow first run on a software GPU is still waited for
    await vi.advanceTimersByTimeAsync(2000);
    const out = await pending;
    expect(out.backend).toBe('wasm');
    expect(Array.from(out.outputs.y.data)).toEqual([2, 4, 6]);
    expect(out.notice).toEqual({ code: 'webgpu-failed', detail: `WebGPU did not answer within ${WEBGPU_TURN_LIMIT_MS / 1000} s` });
    // The WASM session came from the WASM-only build: the WebGPU build may be stuck mid-run.
    expect(created).toEqual([
      { build: 'webgpu', ep: 'webgpu' },
      { build: 'wasm', ep: 'wasm' },
    ]);

    // The next model goes straight to WASM, with the same notice, and no second wait.
    const next = await runPrepared(model('b'), 'webgpu');
    expect(next.backend).toBe('wasm');
    expect(next.notice?.code).toBe('webgpu-failed');
    expect(created.at(-1)).toEqual({ build: 'wasm', ep: 'wasm' });
    expect(created.filter((c) => c.ep === 'webgpu')).toHaveLength(1);
  });
});
