// The one accessor TypeScript uses for a colour: colorToken('--sym-k'). It reads the live page's custom
// property (so presenter mode's overrides reach canvas and d3 drawing too) and otherwise the value in
// src/styles/tokens.css, parsed at build time, so Node, the tests and exported figures get the same
// real colours. A name the tokens file lacks throws: there is no fallback colour.
import tokensCss from '../styles/tokens.css?raw';
import { parseTokens } from './tokenParse';

/** A custom property's name, e.g. '--sym-gamma' or '--mech-deltanet'. */
export type ColorToken = `--${string}`;

const sheet = parseTokens(tokensCss);

export function colorToken(name: ColorToken): string {
  const own = sheet.root.get(name);
  if (!own) throw new Error(`no colour token ${name} in src/styles/tokens.css`);
  if (typeof document !== 'undefined' && typeof getComputedStyle === 'function') {
    const live = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    if (live) return live;
  }
  return own.value;
}
