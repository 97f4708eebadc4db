// The one accessor TypeScript uses for a colour: colorToken('--sym-k'). It reads the live page's custom
// property (so presenter mode's overrides reach canvas and d3 drawing too) and otherwise the value in
// src/styles/tokens.css, parsed at build time, so Node, the tests and exported figures get the same
// real colours. A name the tokens file lacks throws: there is no fallback colour.
import tokensCss from '../styles/tokens.css?raw';
import { parseTokens } from './tokenParse';
import { rootTokensFor } from './rootTokens';

/** A custom property's name, e.g. '--sym-gamma' or '--mech-deltanet'. */
export type ColorToken = `--${string}`;

const sheet = parseTokens(tokensCss);

export function colorToken(name: ColorToken): string {
  const own = sheet.root.get(name);
  if (!own) throw new Error(`no colour token ${name} in src/styles/tokens.css`);
  if (typeof document !== 'undefined' && typeof getComputedStyle === 'function') {
    const live = liveValue(name);
    if (live) return live;
  }
  return own.value;
}

// A figure reads a colour per cell and per frame; asking getComputedStyle each time would make the
// browser bring the root's style up to date in the middle of drawing. The values change only when
// the root's classes do (presenter mode), so they are kept until then. (The page-settle gate marks the
// root with an attribute, not a class, so its coming and going while a figure draws clears nothing.)
let liveFor: string | null = null;
const live = new Map<ColorToken, string>();

function liveValue(name: ColorToken): string {
  const classes = document.documentElement.className ?? '';
  if (classes !== liveFor) {
    live.clear();
    liveFor = classes;
    // Read at start-up under the same classes (rootTokens.ts): no style update needed now.
    for (const [k, v] of rootTokensFor(classes) ?? []) if (v) live.set(k as ColorToken, v);
  }
  let value = live.get(name);
  if (value === undefined) {
    value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    if (value) live.set(name, value);
  }
  return value;
}
