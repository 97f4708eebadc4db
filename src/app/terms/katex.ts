// The prose's formula marks: \term{write}{\vv_t \kk_t^\top} draws its body as usual and gives it
// data-quantity="write" (KaTeX's \htmlData), which TermLinks.tsx makes a focusable, linked term.
// KaTeX leaves \htmlData out unless trusted; only it is trusted, and only with a known term name.
import type { KatexOptions } from 'katex';
import { TERM_ATTR, isTerm } from './vocabulary';

const KEY = TERM_ATTR.slice('data-'.length);

export const termMacros: Record<string, string> = { '\\term': `\\htmlData{${KEY}=#1}{#2}` };

export const termTrust: NonNullable<KatexOptions['trust']> = (context) =>
  context.command === '\\htmlData' && Object.entries(context.attributes).every(([attr, value]) => attr === TERM_ATTR && isTerm(value));

/** \htmlData is an HTML extension, which strict mode reports; the prose means it. */
export const termStrict: NonNullable<KatexOptions['strict']> = (errorCode) => (errorCode === 'htmlExtension' ? 'ignore' : 'warn');
