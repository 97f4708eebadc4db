// HTML reaches the page only through the sanitiser: scripts and event handlers are stripped, KaTeX's
// output (MathML, classes, style sizes) comes through unchanged, and an imported file — name or content —
// never reaches an HTML sink. DOMPurify needs a real DOM, so that part runs in Chromium (Debian's, as
// the e2e tests use); the sanitiser's own configuration is handed to it, not a copy.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import katex from 'katex';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../app/content/markdown';
import { LangContext } from '../app/i18n';
import { readImport } from '../app/playground/importFile';
import { ImportedTrace } from '../app/playground/ImportedTrace';
import { katexMacros } from './katexMacros';
import { SANITIZE_CONFIG, sanitizeHtml } from './sanitize';

const ATTACKS = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>', '<svg><script>alert(1)</script></svg>', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'];
const executable = /<script|\sonerror=|\sonload=|javascript:/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('one HTML sink', () => {
  it('only src/viz/safeHtml.tsx writes HTML into the page', () => {
    const sinks = /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\.html\(|createContextualFragment/;
    const writers = sourceFiles('src').filter((f) => sinks.test(readFileSync(f, 'utf8'))).map((f) => relative('.', f));
    expect(writers).toEqual(['src/viz/safeHtml.tsx']);
  });

  it('without a DOM to sanitise with (Node), HTML is escaped, not passed through', () => {
    for (const attack of ATTACKS) {
      const out = sanitizeHtml(attack);
      expect(out).not.toMatch(/<\w/);
      expect(out).toContain('&lt;');
    }
  });
});

describe('the sanitiser in a browser', () => {
  let browser: Browser;
  let page: Page;
  const sanitize = (html: string) => page.evaluate(({ html, config }) => (window as unknown as { DOMPurify: { sanitize: (h: string, c: unknown) => string } }).DOMPurify.sanitize(html, config), { html, config: SANITIZE_CONFIG });
  /** Whether sanitising leaves the HTML's DOM exactly as it was (elements, attributes, text). */
  const unchanged = (html: string) =>
    page.evaluate(
      ({ html, config }) => {
        const parse = (h: string) => {
          const t = document.createElement('template');
          t.innerHTML = h;
          return t.content;
        };
        const clean = (window as unknown as { DOMPurify: { sanitize: (h: string, c: unknown) => string } }).DOMPurify.sanitize(html, config);
        return parse(html).isEqualNode(parse(clean));
      },
      { html, config: SANITIZE_CONFIG },
    );

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('dompurify/dist/purify.min.js') });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('strips scripts, event handlers and javascript: links', async () => {
    for (const attack of ATTACKS) expect(await sanitize(`<p>before</p>${attack}<p>after</p>`), attack).not.toMatch(executable);
    expect(await sanitize('<img src=x onerror=alert(1)>')).toBe('<img src="x">');
    expect(await sanitize('<p>a<script>alert(1)</script>b</p>')).toBe('<p>ab</p>');
    expect(await sanitize('<style>body{display:none}</style><p>x</p>')).toBe('<p>x</p>');
  });

  it('keeps the glossary\'s term buttons in prose, without any handler', async () => {
    const marked = '<p><button type="button" class="gloss-term" data-term="decay" aria-expanded="false">decay</button> fades</p>';
    expect(await unchanged(marked)).toBe(true);
    expect(await sanitize('<p><button class="gloss-term" onclick="alert(1)" formaction="javascript:alert(1)">x</button></p>')).toBe('<p><button class="gloss-term">x</button></p>');
  });

  it('leaves KaTeX output untouched: MathML with its TeX annotation, classes, style sizes, SVG', async () => {
    for (const tex of ['S_t = S_{t-1} + v_t k_t^\\top', '\\sqrt{d_k}', '\\overrightarrow{x}', 'o_t = S_t\\,q_t', '\\bet']) {
      const html = katex.renderToString(tex, { displayMode: true, throwOnError: false, output: 'htmlAndMathml', macros: { ...katexMacros } });
      expect(await unchanged(html), tex).toBe(true);
      const clean = await sanitize(html);
      expect(clean).toContain('<math');
      expect(clean).toContain('<annotation encoding="application/x-tex">');
      expect(clean).toMatch(/class="katex-display"/);
      expect(clean).toMatch(/style="height:/);
    }
    expect(await sanitize(katex.renderToString('\\sqrt{d_k}', { output: 'htmlAndMathml' }))).toContain('<svg');
  });

  it('keeps rendered Markdown prose, math included, and strips what a prose file must not carry', async () => {
    const prose = renderMarkdown('# Title\n\nText with $S_t q_t$ and a [link](#/chapter/rnn).\n\n$$o_t = S_t q_t$$\n\n<img src=x onerror=alert(1)>\n\n<script>alert(1)</script>');
    const clean = await sanitize(prose);
    expect(clean).toContain('<h1>Title</h1>');
    expect(clean).toContain('<a href="#/chapter/rnn">link</a>');
    expect((clean.match(/<math/g) ?? []).length).toBe(2);
    expect(clean).not.toMatch(executable);
  });
});

describe('an imported file never reaches an HTML sink', () => {
  const trace = { mechanism: 'linear_attention', view: 'parallel', backend: 'reference', o: [[1], [2]], S_final: [[1]], ms: 0 };

  it('markup in any named field of a case or trace is refused, not loaded', () => {
    expect(readImport(JSON.stringify(trace)).ok).toBe(true);
    for (const attack of ATTACKS) {
      for (const field of ['mechanism', 'view', 'backend'] as const) expect(readImport(JSON.stringify({ ...trace, [field]: attack })).ok, field).toBe(false);
      expect(readImport(JSON.stringify({ mechanism: attack, q: [[1]], k: [[1]], v: [[1]] })).ok).toBe(false);
      expect(readImport(JSON.stringify({ ...trace, o: [[attack]] })).ok).toBe(false);
      expect(readImport(attack).ok).toBe(false);
    }
  });

  it('a file named with markup shows its name as text', () => {
    const result = readImport(JSON.stringify(trace));
    if (!result.ok || result.value.kind !== 'trace') throw new Error('the trace should load');
    for (const lang of ['en', 'zh-TW'] as const)
      for (const attack of ATTACKS) {
        const markup = renderToStaticMarkup(
          createElement(LangContext.Provider, { value: { lang } }, createElement(ImportedTrace, { trace: result.value.trace, name: attack, onClose: () => undefined })),
        );
        expect(markup).toContain(attack.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
        // Escaped, the attack is text; as markup it would be one of these elements.
        expect(markup).not.toMatch(/<(img|script|svg|math|a)[\s>]/i);
      }
  });
});
