// Add a table of DOM listeners to one target and get back the one call that removes them all, so an
// effect's set-up and clean-up cannot drift apart.
export function listenAll(target: EventTarget, listeners: ReadonlyArray<readonly [string, EventListener]>): () => void {
  for (const [type, listener] of listeners) target.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of listeners) target.removeEventListener(type, listener);
  };
}
