// A figure part that would change its size once something arrives (a formula before KaTeX is in: its
// TeX source, then the typeset formula, wider or narrower) asks the page to keep it unpainted till then.
// The page's gate (src/app/shell/pageSettle.tsx) provides the hold; outside a gate it does nothing.
import { createContext, startTransition, useContext, useEffect, useLayoutEffect, useState } from 'react';

/** Holds the painting back until the returned release is called. */
export const PaintHoldContext = createContext<(() => () => void) | null>(null);

/** Keep the page's lower stage unpainted while `holding`. */
export function useHoldPaint(holding: boolean): void {
  const hold = useContext(PaintHoldContext);
  useLayoutEffect(() => {
    if (holding && hold) return hold();
  }, [holding, hold]);
}

/**
 * The page's turns (pageSettle.tsx `takeTurn`) while its lower stage is unpainted: `take` runs a piece
 * after the next painted frame, one piece a frame; `waiting` says whether the stage is still unpainted
 * (never where nothing paints: a server render, a test's string).
 * Outside a gate there is none, and a piece draws at once.
 */
export interface PaintTurns {
  waiting: () => boolean;
  take: (then: () => void) => () => void;
}
export const PaintTurnContext = createContext<PaintTurns | null>(null);

/**
 * Whether a piece that is `wanted` may draw now. While the page's lower stage is unpainted it waits for
 * its own turn, so that many small pieces (a table's formulas) are put in and laid out a frame each
 * rather than all in one task; once the stage shows, or outside a gate, at once.
 */
export function usePaintTurn(wanted: boolean): boolean {
  const turns = useContext(PaintTurnContext);
  const [turned, setTurned] = useState(() => !turns?.waiting());
  useEffect(() => {
    if (!wanted || turned || !turns) return;
    if (!turns.waiting()) return setTurned(true);
    return turns.take(() => startTransition(() => setTurned(true)));
  }, [wanted, turned, turns]);
  return turned || turns === null;
}
