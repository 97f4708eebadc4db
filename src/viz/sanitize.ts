// The sanitiser behind SafeHtml (safeHtml.tsx): DOMPurify with the site's configuration. Its own chunk,
// loaded with the first untrusted HTML's source (KaTeX, the glossary table): the prose the build rendered
// is set as it is, so a page's first paint does not wait for DOMPurify's ~30 kB.
import DOMPurify, { type Config } from 'dompurify';
import { rememberRecent } from './recent';

/**
 * DOMPurify's HTML, SVG and MathML profiles, plus what KaTeX writes that DOMPurify leaves out by default:
 * <semantics> and <annotation encoding="application/x-tex">, which carry the TeX source to screen readers
 * and copy-paste. Its class and style attributes (style sizes the glyph boxes) are kept by the profiles.
 */
export const SANITIZE_CONFIG = {
  USE_PROFILES: { html: true, svg: true, mathMl: true },
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: ['encoding'],
  // A <style> block would be refused by the site's policy anyway (build/csp.ts); forms have no place in prose.
  // A plain <button> stays: the glossary marks a term's first use as one (src/app/glossary/markTerms.ts);
  // event-handler attributes are stripped, and with no <form> it can submit nothing.
  FORBID_TAGS: ['style', 'form', 'input', 'textarea', 'select'],
} satisfies Config;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The last strings sanitised, and what came out: a chapter's prose passes through again whenever its
 * steps or answer gates re-render, and sanitising a part full of KaTeX takes a slow phone a long
 * main-thread task. The output depends on the input alone (one fixed configuration, no hooks).
 */
const cleaned = rememberRecent(64, (html) => DOMPurify.sanitize(html, SANITIZE_CONFIG));

/** Sanitised HTML. Where there is no DOM to sanitise with (Node), the text is escaped: it fails closed. */
export function sanitizeHtml(html: string): string {
  if (!DOMPurify.isSupported) return escapeHtml(html);
  return cleaned(html);
}

