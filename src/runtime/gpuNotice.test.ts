// The notice a figure shows before its run ends must be the one runModel attaches: which views want
// WebGPU (hand-checked against run.ts's rule), and in Node, which has no WebGPU, the "missing" notice.
import { afterEach, describe, expect, it } from 'vitest';
import { setBackendPreference } from './backendChoice';
import { noticeBeforeRun, wantsWebGpu } from './gpuNotice';
import { detectWebGpu } from './webgpu';

afterEach(() => setBackendPreference('auto'));

describe('wantsWebGpu', () => {
  it('is true when asked by name, and for auto on the parallel view only', () => {
    expect(wantsWebGpu('recurrent', 'webgpu')).toBe(true);
    expect(wantsWebGpu('parallel', 'auto')).toBe(true);
    expect(wantsWebGpu('recurrent', 'auto')).toBe(false);
    expect(wantsWebGpu('chunkwise', 'auto')).toBe(false);
    expect(wantsWebGpu('parallel', 'wasm')).toBe(false);
  });
  it('is false for auto when the link asks for WASM', () => {
    setBackendPreference('wasm');
    expect(wantsWebGpu('parallel', 'auto')).toBe(false);
    expect(wantsWebGpu('parallel', 'webgpu')).toBe(true);
  });
});

describe('noticeBeforeRun', () => {
  it('says WebGPU is missing, with the browser check’s reason, for a view that wants it', async () => {
    const gpu = await detectWebGpu();
    expect(gpu.available).toBe(false);
    expect(await noticeBeforeRun('parallel', 'webgpu')).toEqual({ code: 'webgpu-missing', detail: gpu.reason });
  });
  it('says nothing for a view that runs on WASM anyway', async () => {
    expect(await noticeBeforeRun('recurrent', 'wasm')).toBeNull();
    expect(await noticeBeforeRun('recurrent', 'auto')).toBeNull();
  });
});
