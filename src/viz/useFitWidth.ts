// SVG figures lay themselves out for the width they get, up to their natural width: a plot drawn at
// 640 units but shown 300 px wide would shrink its 11 px labels to 5 px. Below the natural width the
// viewBox is as wide as the box (one unit = one CSS pixel), so text keeps its size on a phone; at or
// above it the figure scales as before. Without ResizeObserver (tests in jsdom) it stays natural.
// Where the width will be measured, the plot draws nothing until it is: drawn first at the natural width
// and again at the measured one, chapter 9's plots rewrote some 300 SVG elements' attributes in one
// task at load (Lighthouse, which traces every DOM change, counted 126 ms unthrottled for it).
import { useEffect, useRef, useState, type RefObject } from 'react';

/** The narrowest layout a plot is asked for; a box narrower than this scrolls (styles.css .scroll-frame). */
export const MIN_FIT_WIDTH = 260;

export function fitWidth(natural: number, available: number | null): number {
  if (available === null || !(available > 0)) return natural;
  return Math.round(Math.max(MIN_FIT_WIDTH, Math.min(natural, available)));
}

/**
 * A ref for the figure (an SVG at `width: 100%`), the width to lay it out at, and whether to draw its
 * content yet (false only until a ResizeObserver has given the first width).
 */
export function useFitWidth<T extends Element>(natural: number): [RefObject<T | null>, number, boolean] {
  const ref = useRef<T | null>(null);
  const [available, setAvailable] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // An <svg> reports its drawing's bounding box to ResizeObserver, not its CSS box: watch the
    // parent, and read the figure's own CSS width.
    const ro = new ResizeObserver(() => setAvailable(el.getBoundingClientRect().width));
    ro.observe(el.parentElement ?? el);
    return () => ro.disconnect();
  }, []);
  return [ref, fitWidth(natural, available), available !== null || typeof ResizeObserver === 'undefined'];
}

/** Every k-th tick label, so labels stay at least `minGap` px apart when the plot is narrow. */
export function tickStride(step: number, minGap: number): number {
  return step > 0 ? Math.max(1, Math.ceil(minGap / step)) : 1;
}
