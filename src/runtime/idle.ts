// The one place that asks the browser for an idle moment. Safari has no requestIdleCallback (nor has
// Node): there a timer stands in, after `fallbackMs`.

export interface IdleOptions {
  /** Run by then even if the page never goes idle. */
  timeout: number;
  /** Without requestIdleCallback: wait this long instead. */
  fallbackMs: number;
}

type IdleScope = {
  requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** Run `run` in the browser's next idle moment; returns the cancel. */
export function whenIdle(run: () => void, { timeout, fallbackMs }: IdleOptions): () => void {
  const scope = globalThis as IdleScope;
  if (scope.requestIdleCallback && scope.cancelIdleCallback) {
    const id = scope.requestIdleCallback(run, { timeout });
    const cancel = scope.cancelIdleCallback;
    return () => cancel(id);
  }
  const id = setTimeout(run, fallbackMs);
  return () => clearTimeout(id);
}
