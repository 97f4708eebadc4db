// The one way HTML reaches the page: KaTeX formulas and the glossary pass through sanitizeHtml
// (sanitize.ts, loaded on demand), and SafeHtml is the only component that sets innerHTML
// (src/viz/safeHtml.test.ts checks that no other file does). Nothing a learner imports reaches it: an
// imported file becomes numbers.
import { createElement, startTransition, useEffect, useMemo, useState } from 'react';
import type { sanitizeHtml as SanitizeHtml } from './sanitize';

let sanitizer: typeof SanitizeHtml | null = null;
let loading: Promise<void> | null = null;

/**
 * Fetch the sanitiser. What makes untrusted HTML (KaTeX, the glossary table) asks for it beside its own
 * code, so its HTML is sanitised in the render that first shows it.
 */
export function loadSanitizer(): Promise<void> {
  loading ??= import('./sanitize').then(
    (m) => {
      sanitizer = m.sanitizeHtml;
    },
    (e: unknown) => {
      loading = null; // a failed fetch is tried again next time
      throw e;
    },
  );
  return loading;
}

/** The sanitiser once it is in (fetching it if `needed`), else null. */
function useSanitizer(needed: boolean): typeof SanitizeHtml | null {
  const [ready, setReady] = useState(sanitizer !== null);
  useEffect(() => {
    if (!needed || ready) return;
    let live = true;
    loadSanitizer().then(() => live && startTransition(() => setReady(true)), () => undefined);
    return () => {
      live = false;
    };
  }, [needed, ready]);
  return ready ? sanitizer : null;
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
  const sanitize = useSanitizer(!trusted);
  // Untrusted HTML before the sanitiser is in: nothing (it fails closed).
  const clean = useMemo(() => (trusted ? html : sanitize ? sanitize(html) : ''), [html, trusted, sanitize]);
  return createElement(as, { className, dangerouslySetInnerHTML: { __html: clean } });
}
