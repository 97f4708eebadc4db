// Which backend 'auto' runs the parallel view on: WebGPU or WASM, whichever this device measured
// faster for a case of this size (a software GPU can take seconds where the CPU takes a millisecond).
// The choice is pure (chooseBackend); the measurements live in a small store, kept for the tab's
// session. No onnxruntime import: the page shell and the badge read this without loading the runtime.

export type Backend = 'webgpu' | 'wasm';
export type BackendPreference = Backend | 'auto';
export const BACKEND_PREFERENCES = ['auto', 'webgpu', 'wasm'] as const satisfies readonly BackendPreference[];

/** One warm run of the same case on each backend; webgpuMs null: WebGPU failed while being measured. */
export interface Timings {
  webgpuMs: number | null;
  wasmMs: number;
}

/** How 'auto' decided, for the badge: measured (with the times), still measuring, or asked for in the link. */
export type Choice =
  | { state: 'measuring'; backend: 'wasm'; sizeClass: string }
  | { state: 'measured'; backend: Backend; sizeClass: string; timings: Timings }
  | { state: 'link'; backend: Backend };

/** Cases are grouped by the next power of two of T and of the wider of dk, dv: one measurement per group. */
export function sizeClass({ T, dk, dv }: { T: number; dk: number; dv: number }): string {
  return `T${ceilPow2(T)}-d${ceilPow2(Math.max(dk, dv))}`;
}

function ceilPow2(n: number): number {
  return n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n));
}

/** WebGPU only when it was measured strictly faster: on a tie the CPU needs no GPU set-up. */
export function faster(t: Timings): Backend {
  return t.webgpuMs !== null && t.webgpuMs < t.wasmMs ? 'webgpu' : 'wasm';
}

/** 'auto' for a parallel run on a device with WebGPU: the link's wish, else the measured faster, else WASM while measuring. */
export function chooseBackend(preference: BackendPreference, cls: string, timings: Timings | undefined): Choice {
  if (preference !== 'auto') return { state: 'link', backend: preference };
  if (!timings) return { state: 'measuring', backend: 'wasm', sizeClass: cls };
  return { state: 'measured', backend: faster(timings), sizeClass: cls, timings };
}

// The link's wish (?backend=), set by the page shell.
let preference: BackendPreference = 'auto';
export function setBackendPreference(p: BackendPreference): void {
  preference = p;
}
export function backendPreference(): BackendPreference {
  return preference;
}

// Measurements per size class, kept in sessionStorage so a reload does not measure again.
const STORAGE_KEY = 'memoryLane.backendTimings';
let measured: Map<string, Timings> | undefined;
const listeners = new Set<() => void>();

function store(): Map<string, Timings> {
  if (measured) return measured;
  measured = new Map();
  try {
    const saved: unknown = JSON.parse(globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? '{}');
    if (saved && typeof saved === 'object') {
      for (const [cls, t] of Object.entries(saved as Record<string, Partial<Timings>>)) {
        if (typeof t?.wasmMs === 'number' && (t.webgpuMs === null || typeof t.webgpuMs === 'number')) measured.set(cls, { wasmMs: t.wasmMs, webgpuMs: t.webgpuMs });
      }
    }
  } catch {
    // No storage (private mode, Node) or a damaged entry: measure again.
  }
  return measured;
}

export function timingsFor(cls: string): Timings | undefined {
  return store().get(cls);
}

export function recordTimings(cls: string, t: Timings): void {
  store().set(cls, t);
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(store())));
  } catch {
    // Storage full or absent: the measurement still holds for this page.
  }
  for (const l of listeners) l();
}

export function onTimings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: forget every measurement and the link's wish. */
export function resetBackendChoice(): void {
  measured = new Map();
  preference = 'auto';
}
