// Ask the browser for a WebGPU adapter ourselves: onnxruntime-web falls back silently, and the page
// must say which backend really ran.
import { orAfter } from './deadline';

/** How long the browser has to answer for an adapter, and then for a device, before the page uses WASM. */
const GPU_ANSWER_MS = 5000;

export interface WebGpuSupport {
  available: boolean;
  /** Why not, in plain words (absent when available). */
  reason?: string;
  /** The adapter is a software fallback (e.g. SwiftShader). */
  fallbackAdapter?: boolean;
}

export interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; description?: string };
  requestDevice?(): Promise<{ destroy?(): void }>;
}

/**
 * Whether an adapter computes on the CPU: the browser's fallback flag, or a software rasteriser's name
 * (Chromium's SwiftShader on Vulkan is not flagged as a fallback). Training on one was 20–60× slower than
 * WASM on the same machine (docs/training-engine.md, Speed).
 */
export function isSoftwareAdapter(adapter: GpuAdapterLike): boolean {
  const info = adapter.info ?? {};
  if (adapter.isFallbackAdapter ?? info.isFallbackAdapter) return true;
  return /swiftshader|llvmpipe|lavapipe|software/i.test([info.vendor, info.architecture, info.description].filter(Boolean).join(' '));
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
    const adapter = await orAfter(gpu.requestAdapter(), GPU_ANSWER_MS, () => null);
    if (!adapter) return { available: false, reason: 'the browser found no WebGPU adapter' };
    // An adapter whose device cannot be made (driver trouble, a lost GPU) would leave onnxruntime's
    // WebGPU start waiting for ever: try a device now, and use WASM when there is none.
    if (adapter.requestDevice) {
      const device = await orAfter(adapter.requestDevice(), GPU_ANSWER_MS, () => new Error(`no device after ${GPU_ANSWER_MS / 1000} s`)).catch(
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      );
      if (device instanceof Error) return { available: false, reason: `the WebGPU adapter could not make a device: ${device.message}` };
      device.destroy?.();
    }
    return { available: true, fallbackAdapter: isSoftwareAdapter(adapter) };
  } catch (e) {
    return { available: false, reason: `requesting a WebGPU adapter failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
