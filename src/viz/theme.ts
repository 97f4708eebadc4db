// Colours by meaning. One colour per symbol, shared by KaTeX (\textcolor) and the figures, so a symbol
// and its picture always match; one per mechanism on the plots that compare them; the figures'
// furniture for canvas drawing. Every value is a token of src/styles/tokens.css, read through
// colorToken() each time it is used (so presenter mode's overrides reach the figures too).
import { MECHANISM_SPECS, MECHANISMS, type Mechanism } from '../core/registry';
import { colorToken, type ColorToken } from './tokens';

export { divergingColor, textOn } from './diverging';

/** An object whose properties read their tokens when accessed. */
function tokenValues<K extends string>(tokens: Readonly<Record<K, ColorToken>>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(tokens) as K[]) Object.defineProperty(out, k, { get: () => colorToken(tokens[k]), enumerable: true });
  return out;
}

export const SYMBOL_TOKENS = {
  k: '--sym-k', // key
  q: '--sym-q', // query
  v: '--sym-v', // value
  S: '--sym-S', // memory
  gamma: '--sym-gamma', // decay / gate
  beta: '--sym-beta', // write strength
  erase: '--sym-erase', // erase
} as const satisfies Record<string, ColorToken>;

export type SymbolName = keyof typeof SYMBOL_TOKENS;

export const symbolColor = tokenValues(SYMBOL_TOKENS);

/**
 * Colours of the figures' furniture (mask hatch, grid lines), for canvas drawing where CSS
 * variables cannot reach.
 */
export const uiColor = tokenValues({
  maskLight: '--mask-light', // causal-mask hatch, light stripe
  maskDark: '--mask-dark', // causal-mask hatch, dark stripe
  grid: '--bg', // gaps between cells: the page background
  fg: '--fg',
  panel: '--panel',
  gridLine: '--grid',
  reference: '--reference',
});

/** Lines compared on one plot: the mechanisms, and the trained time-invariant contrast 'lti'. */
export type PlottedMechanism = Mechanism | 'lti';

export const MECHANISM_TOKENS: Readonly<Record<PlottedMechanism, ColorToken>> = {
  ...(Object.fromEntries(MECHANISMS.map((m) => [m, MECHANISM_SPECS[m].color])) as Record<Mechanism, ColorToken>),
  lti: '--mech-lti', // the time-invariant contrast (a trained model, not a mechanism of its own)
};

export const mechanismColor = tokenValues(MECHANISM_TOKENS);

export type CurveMarker = 'circle' | 'square' | 'triangle';

/**
 * Each compared line's own dash and marker, so colour is never the only cue: every plot that
 * compares mechanisms (chapter 4's capacity curve, the trained models' accuracy) takes them from
 * here. Every dash differs; src/viz/tokens.test.ts checks that pairs whose colours merge under
 * protanopia or deuteranopia differ in dash or marker.
 */
export const MECHANISM_LINE: Readonly<Record<PlottedMechanism, { dash: string; marker: CurveMarker }>> = {
  linear_attention: { dash: '', marker: 'circle' },
  softmax_attention: { dash: '6 4', marker: 'square' },
  deltanet: { dash: '2 3', marker: 'triangle' },
  retnet: { dash: '9 3', marker: 'circle' },
  gated_retention: { dash: '9 3 2 3', marker: 'square' },
  gla: { dash: '8 3 2 3 2 3', marker: 'triangle' },
  gated_deltanet: { dash: '5 2', marker: 'square' },
  kda: { dash: '12 3 3 3', marker: 'triangle' },
  rwkv7: { dash: '3 6', marker: 'circle' },
  mamba2: { dash: '4 4 1 4', marker: 'square' },
  mamba: { dash: '1 2', marker: 'triangle' },
  lti: { dash: '3 3', marker: 'circle' },
};
