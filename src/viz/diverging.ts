// The data palette: signed values on d3's PuOr scale, and the black or white text that reads on a
// cell. These are computed colours, not tokens: the scale is d3-scale-chromatic's, and textOn's
// contrast guarantee holds for pure black and white only. No DOM, so Node scripts can draw with it.
import { rgb } from 'd3-color';
import { interpolateRgbBasis } from 'd3-interpolate';
import { contrast } from './colorMath';

/**
 * d3-scale-chromatic's PuOr (ColorBrewer, 11 classes), the scheme its interpolatePuOr runs through,
 * written out: importing d3-scale-chromatic builds all of its ~40 schemes when the page starts, a
 * long task on a slow phone for the one used here (diverging.test.ts checks it against the original).
 */
const PU_OR = ['#2d004b', '#542788', '#8073ac', '#b2abd2', '#d8daeb', '#f7f7f7', '#fee0b6', '#fdb863', '#e08214', '#b35806', '#7f3b08'];
const interpolatePuOr = interpolateRgbBasis(PU_OR);

/** A value that is not a number (NaN, ±∞): mid grey, outside the palette. */
const NOT_A_NUMBER = '#777777';

/** Signed values: purple (negative) ↔ white (0) ↔ orange (positive); PuOr is colourblind-safe. */
export function divergingColor(value: number, limit: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const m = limit > 0 ? limit : 1;
  const x = Math.max(-1, Math.min(1, value / m));
  // interpolatePuOr runs purple (0) → white (0.5) → orange (1), so positive lands on orange.
  return interpolatePuOr(0.5 + x / 2);
}

/** Black or white text, whichever reads better on the cell colour. */
export function textOn(value: number, limit: number): string {
  // Pick by the cell's real luminance (WCAG contrast), not by |value|: PuOr's two arms differ in
  // lightness, so one threshold cannot serve both.
  const cell = rgb(divergingColor(value, limit)).formatHex();
  // With pure black and white, the better of the two is always ≥ 4.58:1 (WCAG AA for small text).
  return contrast(cell, '#ffffff') >= contrast(cell, '#000000') ? '#fff' : '#000';
}
