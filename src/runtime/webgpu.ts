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
    return { available: true, fallbackAdapter: Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter) };
  } catch (e) {
    return { available: false, reason: `requesting a WebGPU adapter failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
