// Fades a table's cell colours from what they showed to what they show now, with the Web Animations
// API: the browser plays the blend, so the figure need not re-render on every animation frame. Not
// CSS transitions: each cell's transition would dispatch run/start/end events, and React's root
// listeners would handle some 800 of them whenever a 16 × 16 memory starts to fade.
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** A colour fade of every cell, in milliseconds of real time (the playback speed applied). */
export interface CellFade {
  ms: number;
  delayMs: number;
}

interface Colours {
  bg: string;
  fg: string;
}

/**
 * After each render of `table`, cells whose inline colours changed blend there from their old
 * colours over `fade` (the text colour switches halfway, so it always reads on the cell). `fade`
 * null: colours change at once and any blend still running stops at its end. `fade` undefined:
 * the table never fades, and nothing is read.
 */
export function useCellFade(table: RefObject<HTMLTableElement | null>, fade: CellFade | null | undefined): void {
  const shown = useRef<Colours[]>([]);
  const running = useRef<Animation[]>([]);
  useLayoutEffect(() => {
    if (fade === undefined) return;
    const cells = table.current ? Array.from(table.current.querySelectorAll<HTMLTableCellElement>('tbody td')) : [];
    const now = cells.map((td) => ({ bg: td.style.backgroundColor, fg: td.style.color }));
    for (const a of running.current) a.cancel();
    running.current = [];
    if (fade && typeof Element !== 'undefined' && typeof Element.prototype.animate === 'function') {
      const before = shown.current;
      cells.forEach((td, i) => {
        const from = before[i];
        const to = now[i];
        if (!from || !from.bg || !to.bg || (from.bg === to.bg && from.fg === to.fg)) return;
        running.current.push(
          td.animate(
            [
              { offset: 0, backgroundColor: from.bg, color: from.fg },
              { offset: 0.5, color: from.fg },
              { offset: 0.5, color: to.fg },
              { offset: 1, backgroundColor: to.bg, color: to.fg },
            ],
            { duration: fade.ms, delay: fade.delayMs, easing: 'linear', fill: 'backwards' },
          ),
        );
      });
    }
    shown.current = now;
  });
}
