// The "WebGPU is missing" notice, decided before any model runs: whether a view wants WebGPU depends
// only on the view and the link, and whether the browser has it is one quick question (webgpu.ts). A
// figure can therefore show the notice from its first paint instead of pushing itself down when the
// run ends. No onnxruntime import: the page reads this without loading the runtime.
import { backendPreference, type BackendPreference } from './backendChoice';
import type { View } from '../core/views';
import { detectWebGpu } from './webgpu';

export interface BackendNotice {
  code: 'webgpu-missing' | 'webgpu-failed';
  /** The browser's or onnxruntime's own words, for the curious. */
  detail: string;
}

export function missingNotice(reason: string | undefined): BackendNotice {
  return { code: 'webgpu-missing', detail: reason || 'no adapter' };
}

/** Whether runModel tries WebGPU for this view: asked for by name, or 'auto' on the parallel view unless the link says wasm. */
export function wantsWebGpu(view: View, asked: BackendPreference): boolean {
  return asked === 'webgpu' || (asked === 'auto' && view === 'parallel' && backendPreference() !== 'wasm');
}

/** The notice runModel will attach for lack of WebGPU, or null when it will not (a WebGPU failure mid-run cannot be foreseen). */
export async function noticeBeforeRun(view: View, asked: BackendPreference): Promise<BackendNotice | null> {
  if (!wantsWebGpu(view, asked)) return null;
  const gpu = await detectWebGpu();
  return gpu.available ? null : missingNotice(gpu.reason);
}
