// Ask the browser for a WebGPU adapter ourselves: onnxruntime-web falls back silently, and the page
// must say which backend really ran.
export interface WebGpuSupport {
  available: boolean;
  /** Why not, in plain words (absent when available). */
  reason?: string;
  /** The adapter is a software fallback (e.g. SwiftShader). */
  fallbackAdapter?: boolean;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean };
  requestDevice?(): Promise<{ destroy?(): void }>;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

let cached: Promise<WebGpuSupport> | undefined;

export function detectWebGpu(): Promise<WebGpuSupport> {
  cached ??= probe();
  return cached;
}

async function probe(): Promise<WebGpuSupport> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: GpuLike }) | undefined)?.gpu;
  if (!gpu) return { available: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await Promise.race([
      gpu.requestAdapter(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000)),
    ]);
    if (!adapter) return { available: false, reason: 'the browser found no WebGPU adapter' };
    // An adapter whose device cannot be made (driver trouble, a lost GPU) would leave onnxruntime's
    // WebGPU start waiting for ever: try a device now, and use WASM when there is none.
    if (adapter.requestDevice) {
      const device = await Promise.race([
        adapter.requestDevice(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no device after 5 s')), 5000)),
      ]).catch((e: unknown) => e instanceof Error ? e : new Error(String(e)));
      if (device instanceof Error) return { available: false, reason: `the WebGPU adapter could not make a device: ${device.message}` };
      device.destroy?.();
    }
    return { available: true, fallbackAdapter: Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter) };
  } catch (e) {
    return { available: false, reason: `requesting a WebGPU adapter failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
