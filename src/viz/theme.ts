// Colour tokens. One colour per symbol, shared by KaTeX (\textcolor) and the figures, so a symbol
// and its picture always match. Okabe–Ito's colourblind-safe hues, darkened where needed so text in
// them reaches WCAG AA (≥ 4.5:1) on the page background.
import { rgb } from 'd3-color';
import { interpolatePuOr } from 'd3-scale-chromatic';
import { MECHANISM_SPECS, MECHANISMS, type Mechanism } from '../core/registry';

export const symbolColor = {
  k: '#0072B2', // key: blue
  q: '#B34700', // query: vermillion
  v: '#007A5A', // value: bluish green
  S: '#000000', // memory
  gamma: '#A8457F', // decay / gate: reddish purple
  beta: '#8F6200', // write strength: orange (ochre, for contrast)
  erase: '#2A76A4', // erase: sky blue
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
  // Pick by the cell's real luminance (WCAG contrast), not by |value|: PuOr's two arms differ in
  // lightness, so one threshold cannot serve both.
  const c = rgb(divergingColor(value, limit));
  const lin = (u: number) => {
    const x = u / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const contrastWhite = 1.05 / (L + 0.05);
  const contrastBlack = (L + 0.05) / 0.05;
  // With pure black and white, the better of the two is always ≥ 4.58:1 (WCAG AA for small text).
  return contrastWhite >= contrastBlack ? '#fff' : '#000';
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

/**
 * Mechanisms compared on one plot (chapter 4's capacity curve). Each line also has its own marker
 * and dash, so the colours are never the only cue.
 */
export const mechanismColor = {
  ...(Object.fromEntries(MECHANISMS.map((m) => [m, MECHANISM_SPECS[m].color])) as Record<Mechanism, string>),
  lti: '#6B6B6B', // grey: the time-invariant contrast (a trained model, not a mechanism of its own)
};
