// The one way HTML reaches the page: KaTeX formulas and the glossary pass through sanitizeHtml, and
// SafeHtml is the only component that sets innerHTML (src/viz/safeHtml.test.ts
// checks that no other file does). Nothing a learner imports reaches it: an imported file becomes numbers.
import DOMPurify, { type Config } from 'dompurify';
import { createElement, useMemo } from 'react';

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
const CACHE_SIZE = 64;
const cleaned = new Map<string, string>();

/** Sanitised HTML. Where there is no DOM to sanitise with (Node), the text is escaped: it fails closed. */
export function sanitizeHtml(html: string): string {
  if (!DOMPurify.isSupported) return escapeHtml(html);
  const known = cleaned.get(html);
  if (known !== undefined) {
    cleaned.delete(html); // most recently used goes last
    cleaned.set(html, known);
    return known;
  }
  const clean = DOMPurify.sanitize(html, SANITIZE_CONFIG);
  cleaned.set(html, clean);
  if (cleaned.size > CACHE_SIZE) cleaned.delete(cleaned.keys().next().value!);
  return clean;
}

export interface SafeHtmlProps {
  html: string;
  as?: 'div' | 'span' | 'dd';
  className?: string;
  /**
   * HTML the build rendered from the repository's own prose files (build/prose-plugin.ts), set as it is.
   * Sanitising a chapter's part (~90 kB of KaTeX markup) was a long task on a throttled phone, and it
   * guarded against nothing: the build refuses a prose file that writes HTML of its own (rawHtml in
   * src/app/content/markdown.ts), so what is left is marked's and KaTeX's markup (KaTeX trusts only
   * \htmlData with a known term) and the glossary buttons; the site's policy runs no inline script anyway.
   */
  trusted?: boolean;
}

export function SafeHtml({ html, as = 'div', className, trusted = false }: SafeHtmlProps) {
  const clean = useMemo(() => (trusted ? html : sanitizeHtml(html)), [html, trusted]);
  return createElement(as, { className, dangerouslySetInnerHTML: { __html: clean } });
}
