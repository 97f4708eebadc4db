// The runtime's one queue: every session creation, run and release takes its turn here, the warm-up
// (warm.ts) included. onnxruntime-web's WebGPU (JSEP) build refuses a run while another is in flight
// ("Session already started"), and two WebGPU sessions created at once hang the page. A WebGPU turn
// has a time limit: a hung one must not hold the queue (and the WASM fallback) for ever.
import { orAfter } from './deadline';
import { RuntimeError } from './errors';
import type { OrtBuild } from './ort';
import type { Backend } from './backendChoice';

/**
 * A WebGPU session creation or run that takes longer than this is taken as hung (a first run with shader
 * compilation on a software GPU such as SwiftShader takes ~20 s). The page then stops using WebGPU.
 */
export const WEBGPU_TURN_LIMIT_MS = 60_000;

/** Set once a WebGPU turn timed out: its build may be stuck mid-run, so the WASM-only build takes over. */
let gaveUp: string | null = null;

/** Why WebGPU is no longer used on this page, or null. */
export function webGpuGaveUp(): string | null {
  return gaveUp;
}

/** The onnxruntime-web build in use: the WebGPU one when the browser has WebGPU and it has not hung on us. */
export function ortBuild(gpuAvailable: boolean): OrtBuild {
  return gpuAvailable && !gaveUp ? 'webgpu' : 'wasm';
}

let tail: Promise<unknown> = Promise.resolve();

/** Starts `task` once every task queued before it has settled; a WebGPU turn within the time limit. */
export function inTurn<T>(task: () => Promise<T>, backend?: Backend): Promise<T> {
  const next = tail.then(() => (backend === 'webgpu' ? withinLimit(task(), WEBGPU_TURN_LIMIT_MS) : task()));
  tail = next.catch(() => undefined);
  return next;
}

function withinLimit<T>(work: Promise<T>, limitMs: number): Promise<T> {
  return orAfter(work, limitMs, (): never => {
    gaveUp = `WebGPU did not answer within ${limitMs / 1000} s`;
    throw new RuntimeError('webgpu', 'WebGPU took too long.', gaveUp);
  });
}
