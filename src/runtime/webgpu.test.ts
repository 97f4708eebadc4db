import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSoftwareAdapter, type GpuAdapterLike } from './webgpu';

describe('isSoftwareAdapter', () => {
  it('believes the browser where it flags a fallback adapter', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ info: { isFallbackAdapter: true, vendor: 'nvidia' } })).toBe(true);
  });

  it('knows the software rasterisers by name when nothing is flagged (Chromium’s SwiftShader on Vulkan)', () => {
    expect(isSoftwareAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } })).toBe(true);
    expect(isSoftwareAdapter({ info: { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' } })).toBe(true);
    expect(isSoftwareAdapter({ info: { vendor: 'mesa', description: 'lavapipe' } })).toBe(true);
  });

  it('takes a named GPU, or one that says nothing, as hardware', () => {
    expect(isSoftwareAdapter({ info: { vendor: 'nvidia', architecture: 'hopper', isFallbackAdapter: false } })).toBe(false);
    expect(isSoftwareAdapter({ info: { vendor: 'apple', architecture: 'common-3' } })).toBe(false);
    expect(isSoftwareAdapter({})).toBe(false);
  });
});

describe('detectWebGpu', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** What the page concludes from a browser whose adapter request answers with `adapter` (a fresh module: detection is cached). */
  async function detectWith(adapter: Promise<GpuAdapterLike | null>) {
    vi.useFakeTimers();
    vi.stubGlobal('navigator', { gpu: { requestAdapter: () => adapter } });
    const { detectWebGpu } = await import('./webgpu');
    let result: Awaited<ReturnType<typeof detectWebGpu>> | undefined;
    void detectWebGpu().then((r) => (result = r));
    return { after: async (ms: number) => (await vi.advanceTimersByTimeAsync(ms), result) };
  }

  const never = () => new Promise<never>(() => undefined);

  it('uses WASM when the adapter request has not answered after 5 s, and not before', async () => {
    const page = await detectWith(never());
    expect(await page.after(4999)).toBeUndefined();
    expect(await page.after(1)).toEqual({ available: false, reason: 'the browser found no WebGPU adapter' });
  });

  it('uses WASM when the device request has not answered after 5 s', async () => {
    const page = await detectWith(Promise.resolve({ requestDevice: never }));
    expect(await page.after(4999)).toBeUndefined();
    expect(await page.after(1)).toEqual({ available: false, reason: 'the WebGPU adapter could not make a device: no device after 5 s' });
  });

  it('says why when the device request fails, and takes an adapter whose device comes as available', async () => {
    const failing = await detectWith(Promise.resolve({ requestDevice: () => Promise.reject(new Error('device lost')) }));
    expect(await failing.after(0)).toEqual({ available: false, reason: 'the WebGPU adapter could not make a device: device lost' });
    vi.resetModules();
    const destroy = vi.fn();
    const working = await detectWith(Promise.resolve({ info: { vendor: 'nvidia' }, requestDevice: () => Promise.resolve({ destroy }) }));
    expect(await working.after(0)).toEqual({ available: true, fallbackAdapter: false });
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
