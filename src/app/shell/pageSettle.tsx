// A chapter arrives in pieces: its prose (fetched markdown), then its figure's code (a lazy chunk).
// Painted as each came, the page jumped several times in its first second (Lighthouse measured a
// layout shift of about 1, the target is 0.02). The gate lays the page out from the start but keeps
// it unpainted until every piece has reported in and the fonts it laid out with have loaded, then
// shows it at once; a piece that never reports (a failed fetch shows its own error) holds it back for
// at most SETTLE_LIMIT_MS.
import { Suspense, createContext, useCallback, useContext, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';

/** Long enough for a slow phone's prose and figure chunk, short enough that nobody waits on a stuck one. */
export const SETTLE_LIMIT_MS = 3000;
/** On <html> while a gated page is still coming in (styles.css hides the page and the footer). */
const SETTLING_CLASS = 'page-settling';
/** On <html> when a gate showed its page at SETTLE_LIMIT_MS without some pieces: it names them. */
export const LATE_ATTRIBUTE = 'data-settle-late';

/** Whether a gated page is still unpainted: nothing in it can take the focus yet (it is visibility: hidden). */
export function isPageSettling(): boolean {
  return document.documentElement.classList.contains(SETTLING_CLASS);
}

const SettleContext = createContext<((part: string) => void) | null>(null);

/** Tell the page's gate (if any) that `part` is in. Outside a gate: nothing. */
export function useSettled(part: string, ready: boolean): void {
  const report = useContext(SettleContext);
  useLayoutEffect(() => {
    if (ready) report?.(part);
  }, [ready, report, part]);
}

/** For a piece rendered only once it has loaded (e.g. inside a Suspense boundary). */
export function Settled({ part }: { part: string }) {
  useSettled(part, true);
  return null;
}

export function SettleGate({ parts, children }: { parts: readonly string[]; children: ReactNode }) {
  const [inParts, setIn] = useState<ReadonlySet<string>>(() => new Set());
  const [late, setLate] = useState(false);
  const report = useCallback((part: string) => setIn((s) => (s.has(part) ? s : new Set(s).add(part))), []);
  const allIn = parts.every((p) => inParts.has(p));
  const fontsIn = useFontsIn(allIn);
  const shown = late || (allIn && fontsIn);
  useEffect(() => {
    const id = setTimeout(() => setLate(true), SETTLE_LIMIT_MS);
    return () => clearTimeout(id);
  }, []);
  // Which pieces the time limit overtook, for a test to tell a slow machine from a page that moves.
  const missing = late && !(allIn && fontsIn) ? [...parts.filter((p) => !inParts.has(p)), ...(fontsIn ? [] : ['fonts'])].join(' ') : '';
  useEffect(() => {
    if (!missing) return;
    document.documentElement.setAttribute(LATE_ATTRIBUTE, missing);
    return () => document.documentElement.removeAttribute(LATE_ATTRIBUTE);
  }, [missing]);
  useLayoutEffect(() => {
    document.documentElement.classList.toggle(SETTLING_CLASS, !shown);
    return () => document.documentElement.classList.remove(SETTLING_CLASS);
  }, [shown]);
  return <SettleContext.Provider value={report}>{children}</SettleContext.Provider>;
}

/**
 * For one figure rather than a whole page: true once `ready`, or after SETTLE_LIMIT_MS at the latest.
 * The figure stays laid out but unpainted till then, while the text above it shows at once.
 */
export function usePaintWhen(ready: boolean): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setLate(true), SETTLE_LIMIT_MS);
    return () => clearTimeout(id);
  }, []);
  return ready || late;
}

/**
 * Whether the fonts the page now uses have loaded, asked once `asking` turns true. KaTeX's math fonts
 * load only when math is laid out, and text laid out in a stand-in font moves when they arrive (the
 * lab's Chinese prose reflowed by a few lines).
 */
function useFontsIn(asking: boolean): boolean {
  const [fontsIn, setFontsIn] = useState(false);
  useEffect(() => {
    if (!asking || fontsIn) return;
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    if (!fonts) return setFontsIn(true);
    let live = true;
    // Laying the page out now starts the loads of the fonts it needs, so `ready` waits for them too.
    document.documentElement.getBoundingClientRect();
    fonts.ready.then(() => live && setFontsIn(true), () => live && setFontsIn(true));
    return () => {
      live = false;
    };
  }, [asking, fontsIn]);
  return fontsIn;
}

/**
 * A page that is one lazily loaded component: painted once its code is in, so the footer under the
 * placeholder does not jump, and once the `also` parts it renders have reported (e.g. its prose).
 */
export function SettledRoute({ part, also = [], children }: { part: string; also?: readonly string[]; children: ReactNode }) {
  return (
    <SettleGate parts={[part, ...also]}>
      <Suspense fallback={<p className="muted">…</p>}>
        {children}
        <Settled part={part} />
      </Suspense>
    </SettleGate>
  );
}
