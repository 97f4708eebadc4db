// Colour tokens. One colour per symbol, shared by KaTeX (\textcolor) and the figures, so a symbol
// and its picture always match. Chosen from the Okabe–Ito colourblind-safe set.
import { interpolatePuOr } from 'd3';

export const symbolColor = {
  k: '#0072B2', // key: blue
  q: '#D55E00', // query: vermillion
  v: '#009E73', // value: bluish green
  S: '#000000', // memory
  gamma: '#CC79A7', // decay / gate: reddish purple
  beta: '#E69F00', // write strength: orange
  erase: '#56B4E9', // erase: sky blue
} as const;

export type SymbolName = keyof typeof symbolColor;

/** Signed values: purple (negative) ↔ white (0) ↔ orange (positive); PuOr is colourblind-safe. */
export function divergingColor(value: number, limit: number): string {
  if (!Number.isFinite(value)) return '#777';
  const m = limit > 0 ? limit : 1;
  const x = Math.max(-1, Math.min(1, value / m));
  // interpolatePuOr runs purple (0) → white (0.5) → orange (1), so positive lands on orange.
  return interpolatePuOr(0.5 + x / 2);
}

/** Black or white text, whichever reads better on the cell colour. */
export function textOn(value: number, limit: number): string {
  const m = limit > 0 ? limit : 1;
  return Math.abs(value / m) > 0.6 ? '#fff' : '#111';
}

/**
 * Colours of the figures' furniture (mask hatch, grid lines), for canvas drawing where CSS
 * variables cannot reach. They repeat the site's tokens in styles.css so canvas and HTML match.
 */
export const uiColor = {
  maskLight: '#f1efe9', // causal-mask hatch, light stripe (styles.css .heatmap td.masked)
  maskDark: '#e6e3db', // causal-mask hatch, dark stripe
  grid: '#fbfaf7', // gaps between cells: the page background (--bg)
} as const;

