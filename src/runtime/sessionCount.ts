// How many onnxruntime sessions are alive right now, with change notifications. Kept apart from
// run.ts (and free of imports) so the page shell can show it without pulling the runtime into the
// first bundle.
type Listener = (n: number) => void;

let count = 0;
const listeners = new Set<Listener>();

/** Sessions created and not yet released. */
export function liveSessionCount(): number {
  return count;
}

export function onSessionCount(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function changeSessionCount(delta: number): void {
  count = Math.max(0, count + delta);
  for (const l of listeners) l(count);
}
