// A figure part that would change its size once something arrives (a formula before KaTeX is in: its
// TeX source, then the typeset formula, wider or narrower) asks the page to keep it unpainted till then.
// The page's gate (src/app/shell/pageSettle.tsx) provides the hold; outside a gate it does nothing.
import { createContext, useContext, useLayoutEffect } from 'react';

/** Holds the painting back until the returned release is called. */
export const PaintHoldContext = createContext<(() => () => void) | null>(null);

/** Keep the page's lower stage unpainted while `holding`. */
export function useHoldPaint(holding: boolean): void {
  const hold = useContext(PaintHoldContext);
  useLayoutEffect(() => {
    if (holding && hold) return hold();
  }, [holding, hold]);
}
