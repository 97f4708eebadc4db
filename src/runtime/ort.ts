// Lazy loading of onnxruntime-web. Nothing here runs before a figure asks for a model, so first paint
// never waits for the ~14–27 MB of wasm. With WebGPU we load the WebGPU build (its wasm also serves the
// CPU/WASM execution provider); without it, the smaller WASM-only build.
import type * as OrtModule from 'onnxruntime-web';
import { RuntimeError, describeError } from './errors';

export type Ort = typeof OrtModule;
/** Which onnxruntime-web build: each is its own module with its own worker and wasm. */
export type OrtBuild = 'webgpu' | 'wasm';

const loading = new Map<OrtBuild, Promise<Ort>>();

export function loadOrt(withWebGpu: boolean): Promise<Ort> {
  const build: OrtBuild = withWebGpu ? 'webgpu' : 'wasm';
  const cached = loading.get(build);
  if (cached) return cached;
  const next = (build === 'webgpu' ? import('onnxruntime-web/webgpu') : import('onnxruntime-web/wasm'))
    .then((ort) => {
      // Worker threads need cross-origin isolation, which a static site cannot count on.
      ort.env.wasm.numThreads = 1;
      // Run the whole runtime (WASM and WebGPU sessions alike) in onnxruntime's own worker: a model
      // that computes for seconds must not freeze the tab. Inputs and outputs stay on the CPU.
      ort.env.wasm.proxy = true;
      ort.env.logLevel = 'error';
      return ort as Ort;
    })
    .catch((e: unknown) => {
      loading.delete(build);
      throw new RuntimeError('load', 'The model runtime (onnxruntime-web) could not be loaded.', describeError(e));
    });
  loading.set(build, next);
  return next;
}
