// The T × T matrix as RGBA pixels, one pixel per cell, for the canvas to scale up crisply. Colours come
// from a lookup table of the diverging palette so T = 256 (65,536 cells) costs one pass of array work.
import { rgb } from 'd3-color';
import { divergingColor } from './theme';

const LEVELS = 511; // odd, so 0 maps to the exact middle (white)
type RGB = [number, number, number];

let lut: RGB[] | null = null;
function palette(): RGB[] {
  if (!lut) {
    lut = Array.from({ length: LEVELS }, (_, i) => {
      const c = rgb(divergingColor((2 * i) / (LEVELS - 1) - 1, 1));
      return [c.r, c.g, c.b];
    });
  }
  return lut;
}

/** The palette entry for value/limit, clamped to ±1; non-finite values get the missing grey. */
export function cellRGB(value: number, limit: number): RGB {
  if (!Number.isFinite(value)) return [0x77, 0x77, 0x77];
  const m = limit > 0 ? limit : 1;
  const x = Math.max(-1, Math.min(1, value / m));
  return palette()[Math.round(((x + 1) / 2) * (LEVELS - 1))];
}

/**
 * The decay D_ts is drawn as γ-coloured hatching over a cell, never mixed into its colour, so a cell's
 * colour always reads as its value (0 stays white). Opacity of the stripes: none at D = 1 (nothing
 * faded), strongest at D = 0. The canvas and the legend swatches both use this.
 */
export const DECAY_HATCH = { maxAlpha: 0.85, gapPx: 5, lineWidthPx: 1.5 } as const;

export function decayHatchAlpha(d: number): number {
  if (!Number.isFinite(d)) return 0;
  return DECAY_HATCH.maxAlpha * (1 - Math.max(0, Math.min(1, d)));
}

/**
 * RGBA for each cell, row-major (row t = query step, column s = key step). Cells above the diagonal
 * are transparent when `causal` so the hatched mask drawn beneath shows through. Only the value sets
 * a cell's colour; the decay is hatched over it by the figure (decayHatchAlpha).
 */
export function attentionImage(values: readonly (readonly number[])[], limit: number, options: { causal?: boolean } = {}): Uint8ClampedArray {
  const { causal = true } = options;
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const out = new Uint8ClampedArray(rows * cols * 4);
  for (let t = 0; t < rows; t++) {
    for (let s = 0; s < cols; s++) {
      const o = (t * cols + s) * 4;
      if (causal && s > t) continue; // stays transparent
      const [r, g, b] = cellRGB(values[t][s], limit);
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = 255;
    }
  }
  return out;
}
