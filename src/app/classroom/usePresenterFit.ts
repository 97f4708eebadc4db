// Presenter mode: a view drawn at the root size (24 px numbers) left a 1920×1080 screen two thirds
// empty. This grows one part of a figure (CSS zoom, so cells, numbers and gaps keep their proportions)
// to the largest size at which it still fits the screen's width and, with the figure's bar above it,
// the screen's height. Never smaller than drawn: the 24 px floor (e2e/presenter.spec.ts) stays.
import { useCallback } from 'react';
import { SETTLING_ATTRIBUTE, isPageSettling } from '../shell/pageSettle';

/** Beyond this the cells of a 2 × 2 memory would be wider than a hall needs. */
const MAX_FIT = 2.6;
/** Coarse steps, so a number that changes width by a digit does not make the figure jump. */
const STEP = 0.1;

/** Largest zoom that fits a box of natural size `natural` into `room`, in [1, max], rounded down to `step`. */
export function fitScale(natural: { width: number; height: number }, room: { width: number; height: number }, max = MAX_FIT, step = STEP): number {
  if (!(natural.width > 0 && natural.height > 0)) return 1;
  const s = Math.min(room.width / natural.width, room.height / natural.height, max);
  return Math.max(1, Math.round(Math.floor(s / step + 1e-9) * step * 100) / 100);
}

/**
 * Callback ref for the part to grow (styled `width: max-content` in presenter mode, so its box is its
 * content; it may mount later, as a step held back by an exercise opens).
 * The zoom is recomputed when its content, the figure or the window changes size.
 * A ref that does the work itself (React calls its cleanup when the part goes): kept in state, the part
 * re-rendered the whole lab, unthrottled 40 ms in one task, as the page came in.
 */
export function usePresenterFit<T extends HTMLElement>(presenting: boolean): (el: T | null) => (() => void) | undefined {
  return useCallback(
    (el: T | null) => {
      if (!el) return undefined;
      if (!presenting) {
        el.style.removeProperty('--fit');
        return undefined;
      }
      return fitToScreen(el);
    },
    [presenting],
  );
}

/** Keeps `el` zoomed to fit the screen (see above); returns the undo. */
function fitToScreen(el: HTMLElement): () => void {
  // The zoom only shrinks while the window keeps its size: content that grows for one beat (a write
  // term appearing) sets the zoom the whole walk keeps, so the figure does not pulse between beats.
  // Not while the page is still coming in unseen (pageSettle.tsx): a figure whose parts mount a frame
  // apart passes through sizes nobody sees, and one of them kept the memory at a third of the screen.
  let settled = Infinity;
  const fit = () => {
    const figure = el.closest<HTMLElement>('.figure-region');
    const column = el.parentElement;
    if (!figure || !column || el.offsetParent === null) return; // a hidden view keeps its zoom
    el.style.setProperty('--fit', '1');
    const own = el.getBoundingClientRect();
    const fig = figure.getBoundingClientRect();
    // Above the part: the figure's bar, playback and badge; below its room (which a taller neighbour,
    // the weights' square, may make taller than the part): the figure's padding and border.
    const around = own.top - fig.top + (fig.bottom - column.getBoundingClientRect().bottom) + 8;
    const scale = fitScale(own, { width: column.clientWidth, height: window.innerHeight - around });
    if (!isPageSettling()) settled = Math.min(settled, scale);
    el.style.setProperty('--fit', String(Math.min(settled, scale)));
  };
  const resized = () => {
    settled = Infinity;
    fit();
  };
  fit();
  // The content (a step's write term, the numbers landing, a view shown by key V) and the figure
  // around it (a shorter step track on a smaller screen) change the room; the zoom it sets fires the
  // observer once more, which finds the same zoom and stops.
  const observer = new ResizeObserver(fit);
  observer.observe(el);
  const region = el.closest('.figure-region');
  if (region) observer.observe(region);
  window.addEventListener('resize', resized);
  const settle = new MutationObserver(() => !isPageSettling() && resized());
  settle.observe(document.documentElement, { attributes: true, attributeFilter: [SETTLING_ATTRIBUTE] });
  return () => {
    settle.disconnect();
    observer.disconnect();
    window.removeEventListener('resize', resized);
    el.style.removeProperty('--fit');
  };
}
