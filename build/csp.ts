// The site's content security policy, one list for both places it is sent: a <meta> in the built
// index.html (works on any static host) and the _headers file (hosts that read it: Netlify, Cloudflare
// Pages), which also covers what a <meta> cannot: frame-ancestors, and the workers' own policy.
// Each source beyond 'self' is there for one reason, named beside it; e2e/csp.spec.ts loads every page
// under this policy and counts violations.
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  // onnxruntime-web compiles its WebAssembly with WebAssembly.instantiate, which CSP treats as eval.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // onnxruntime's proxy worker is its own bundled file (same origin), and so is the service worker.
  ['worker-src', "'self'"],
  ['style-src', "'self'"],
  // KaTeX sizes its glyph boxes with style="…" attributes in the HTML it writes; no <style> blocks.
  ['style-src-attr', "'unsafe-inline'"],
  // Figure exports: the PNG is drawn from a blob: SVG image (src/viz/exportFigure.ts). No data: URLs are used.
  ['img-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

/** Only as an HTTP header: a <meta> policy ignores frame-ancestors. */
export const HEADER_ONLY_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [['frame-ancestors', "'self'"]];

const join = (directives: ReadonlyArray<readonly [string, string]>) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

export const metaPolicy = (): string => join(CSP_DIRECTIVES);
export const headerPolicy = (): string => join([...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);
