// Lazy loading of onnxruntime-web. Nothing here runs before a figure asks for a model, so first paint
// never waits for the ~14–27 MB of wasm. With WebGPU we load the WebGPU build (its wasm also serves the
// CPU/WASM execution provider); without it, the smaller WASM-only build.
import type * as OrtModule from 'onnxruntime-web';
import { RuntimeError, describeError } from './errors';

export type Ort = typeof OrtModule;

let loading: Promise<Ort> | undefined;
let loadedWithGpu = false;

export function loadOrt(withWebGpu: boolean): Promise<Ort> {
  if (loading && (loadedWithGpu || !withWebGpu)) return loading;
  loadedWithGpu = withWebGpu;
  loading = (withWebGpu ? import('onnxruntime-web/webgpu') : import('onnxruntime-web/wasm'))
    .then((ort) => {
      // Worker threads need cross-origin isolation, which a static site cannot count on.
      ort.env.wasm.numThreads = 1;
      ort.env.logLevel = 'error';
      return ort as Ort;
    })
    .catch((e: unknown) => {
      loading = undefined;
      throw new RuntimeError('load', 'The model runtime (onnxruntime-web) could not be loaded.', describeError(e));
    });
  return loading;
}
