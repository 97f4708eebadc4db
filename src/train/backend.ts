// Which tfjs backend the worker runs on. Each backend is a dynamic import, so only the chosen one is
// fetched; the WASM binaries are served from the build (Vite ?url), never from a CDN.
import * as tf from '@tensorflow/tfjs-core';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import type { TrainConfig, TrainProgress } from './types';
import { isSoftwareAdapter, type GpuAdapterLike } from '../runtime/webgpu';

export type Backend = TrainProgress['backend'];

/** WebGPU, if the browser has an adapter; a software one (on the CPU) only when WebGPU was asked for by name. */
async function tryWebGpu(softwareToo: boolean): Promise<boolean> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return false;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter || (!softwareToo && isSoftwareAdapter(adapter))) return false;
    await import('@tensorflow/tfjs-backend-webgpu');
    return await tf.setBackend('webgpu');
  } catch {
    return false;
  }
}

async function tryWasm(): Promise<boolean> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // One thread: the threaded build needs cross-origin isolation (SharedArrayBuffer), which the site does not ask for.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmUrl, 'tfjs-backend-wasm-simd.wasm': wasmSimdUrl, 'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl });
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

async function useCpu(): Promise<true> {
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  return true;
}

/**
 * Switch to the asked backend; 'auto' tries WebGPU on a hardware adapter, then WASM, then the plain-JS cpu
 * backend. Returns the one in use.
 */
export async function selectBackend(asked: TrainConfig['backend']): Promise<Backend> {
  const order: Backend[] = asked === 'auto' ? ['webgpu', 'wasm', 'cpu'] : [asked];
  for (const b of order) {
    const ok = b === 'webgpu' ? await tryWebGpu(asked === 'webgpu') : b === 'wasm' ? await tryWasm() : await useCpu();
    if (ok) {
      await tf.ready();
      return b;
    }
  }
  if (asked !== 'auto') throw new Error(`the ${asked} backend is not available in this browser`);
  await useCpu();
  return 'cpu';
}
