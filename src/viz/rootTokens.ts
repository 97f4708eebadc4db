// The root's custom properties (the colour tokens among them), read once at start-up while the page is
// still an empty shell. The first colour a figure asked for used to call getComputedStyle in the middle
// of the chapter's load, and the browser brought the style of the whole half-built page up to date for
// it (chapter 7 under Lighthouse: 55 ms unthrottled, inside the figure's module evaluation). Small: it
// ships in the entry.

let taken: { classes: string; values: Map<string, string> } | null = null;

/** Reads every custom property on <html> now (called from main.tsx before the first render). */
export function snapshotRootTokens(): void {
  if (typeof document === 'undefined' || typeof getComputedStyle !== 'function') return;
  const style = getComputedStyle(document.documentElement);
  const values = new Map<string, string>();
  for (let i = 0; i < style.length; i++) {
    const name = style[i];
    if (name.startsWith('--')) values.set(name, style.getPropertyValue(name).trim());
  }
  taken = { classes: document.documentElement.className ?? '', values };
}

/** The values read at start-up, if <html> still has the classes it had then (presenter mode changes them). */
export function rootTokensFor(classes: string): ReadonlyMap<string, string> | null {
  return taken && taken.classes === classes && taken.values.size > 0 ? taken.values : null;
}
