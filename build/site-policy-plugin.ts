// The built site's security policy and caching rules (dev is left alone: Vite's dev server injects inline
// scripts and talks over a websocket). It adds the CSP <meta> at the top of index.html and writes
// _headers, which static hosts such as Netlify and Cloudflare Pages read from the site root.
import type { Plugin } from 'vite';
import { headerPolicy, metaPolicy } from './csp';

/** The service worker's file name, shared with build/service-worker-plugin.ts. */
export const SERVICE_WORKER_FILE = 'sw.js';

export function siteHeaders(): string {
  const rule = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  // Hashed names change with their content, so a browser may keep them for good; the files whose names
  // stay the same are revalidated on every visit (no-cache still lets the browser keep a copy).
  const revalidate = { 'Cache-Control': 'no-cache' };
  return [
    rule('/*', { 'Content-Security-Policy': headerPolicy(), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' }),
    rule('/assets/*', { 'Cache-Control': 'public, max-age=31536000, immutable' }),
    rule('/', revalidate),
    rule('/index.html', revalidate),
    rule(`/${SERVICE_WORKER_FILE}`, revalidate),
    rule('/manifest.webmanifest', revalidate),
    rule('/precomputed-traces.json', revalidate),
    rule('/models/*', revalidate),
  ].join('\n') + '\n';
}

export function sitePolicy(): Plugin {
  return {
    name: 'memory-lane-site-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after <meta charset>: a policy covers only what comes after it, and the charset stays first.
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html needs <meta charset> for the CSP <meta> to follow');
        return html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy()}" />`);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: siteHeaders() });
    },
  };
}
