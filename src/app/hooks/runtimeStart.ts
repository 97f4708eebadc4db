// When a page may start its model runtime. onnxruntime-web is 14 MB of wasm, and the live numbers it
// brings redraw every figure; started as soon as a figure mounted, it filled the main thread while
// the page was still being read for the first time (Lighthouse mobile, chapter 9: the runtime's start
// and the redraws were most of the blocking time left). So it starts at the learner's first input, or
// once the page has been open IDLE_START_MS and the browser is idle; until then each figure shows its
// precomputed numbers (tiered start, useModelTraces).
import { warmRuntime } from '../../runtime/warm';
import { whenIdle } from '../../runtime/idle';

/** How long a page that nobody touches waits before it starts the runtime on its own. */
export const IDLE_START_MS = 3000;
/** Anything the learner does: a figure's input changing starts with one of these. */
const INPUTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

let started: Promise<void> | undefined;

/** Resolves when the runtime may start (at once where there is no window: Node, tests). */
export function runtimeMayStart(): Promise<void> {
  started ??= new Promise<void>((resolve) => {
    if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const go = () => {
      for (const e of INPUTS) window.removeEventListener(e, go, true);
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    };
    for (const e of INPUTS) window.addEventListener(e, go, { capture: true, passive: true });
    timer = setTimeout(() => whenIdle(go, { timeout: 2000, fallbackMs: 0 }), IDLE_START_MS);
  });
  return started;
}

/**
 * For a page whose figure runs models (a chapter): once the runtime may start, load it and start its
 * wasm at once (src/runtime/warm.ts) rather than when the figure, painted after the page's top, asks.
 */
export function warmRuntimeWhenMayStart(): void {
  void runtimeMayStart().then(warmRuntime);
}
