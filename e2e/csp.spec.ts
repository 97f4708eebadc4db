// The built site under its own content security policy (build/csp.ts), sent both ways a host can send
// it: the <meta> in index.html and the _headers file, applied here by a small static host (e2e/staticHost.ts)
// so that onnxruntime's worker gets the header policy too. Every page loads and runs its live model, and
// the playground imports and exports files, with zero violations; the built index.html has no inline script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { headerPolicy, metaPolicy } from '../build/csp';
import { CHAPTERS } from '../src/app/chapters/registry';
import { BUILT_SITE } from './helpers';
import { startStaticHost, type StaticHost } from './staticHost';

// The service worker is part of what this file checks (the suite blocks it elsewhere: playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const CHAPTER_PAGES = CHAPTERS.filter((c) => c.load).map((c) => `#/chapter/${c.slug}`);

let host: StaticHost;
test.beforeAll(async () => {
  host = await startStaticHost(BUILT_SITE);
});
test.afterAll(async () => {
  await host?.close();
});

/** Every violation the page reports (the event) and every console line about the policy (workers' included). */
function watchPolicy(page: Page): () => Promise<string[]> {
  const consoleLines: string[] = [];
  page.on('console', (m) => {
    if (/Content[ -]Security[ -]Policy/i.test(m.text())) consoleLines.push(m.text().slice(0, 300));
  });
  void page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`), true);
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])), ...consoleLines];
}

/** The page's live models have run: no badge still starting, and at least one says WebGPU or your CPU. */
async function expectLive(page: Page, path: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.badge-loading'), path).toHaveCount(0, { timeout: 60_000 });
  if (path === '#/') return; // the contents page runs no model
  if (path === '#/chapter/why') {
    // Chapter 0 measures only when asked: the shortest run will do.
    const longest = page.getByTestId('cost-longest');
    await longest.selectOption(await longest.locator('option').first().getAttribute('value') ?? '');
    await page.getByTestId('cost-run').click();
    await expect(page.getByTestId('cost-lab')).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  }
  await expect(page.locator('[data-backend="webgpu"], [data-backend="wasm"]').first(), path).toBeAttached();
}

test('the built index.html carries the policy and has no inline script or style; _headers adds frame-ancestors and caching', () => {
  const html = readFileSync(join(BUILT_SITE, 'index.html'), 'utf8');
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${metaPolicy()}" />`);
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc=/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/<style\b|\sstyle=|\son\w+=/i);
  const headers = readFileSync(join(BUILT_SITE, '_headers'), 'utf8');
  expect(headers).toContain(`Content-Security-Policy: ${headerPolicy()}`);
  expect(headerPolicy()).toContain("frame-ancestors 'self'");
  expect(metaPolicy()).not.toContain('frame-ancestors');
  expect(headers).toMatch(/^\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  for (const file of ['/index.html', '/sw.js']) expect(headers).toContain(`${file}\n  Cache-Control: no-cache`);
});

test('every page loads and runs its live model with zero policy violations', async ({ page }) => {
  test.setTimeout(420_000);
  const violations = watchPolicy(page);
  for (const path of ['#/', ...CHAPTER_PAGES, '#/playground', '#/lab']) {
    await page.goto(`${host.url}?lang=en${path}`);
    await expect(page.locator('h1').first(), path).toBeVisible();
    await expectLive(page, path);
    expect(await violations(), path).toEqual([]);
  }
});

test('a chapter and the lab run on the WebGPU runtime with zero policy violations @webgpu', async ({ page }) => {
  const violations = watchPolicy(page);
  for (const path of ['#/chapter/linear-attention', '#/lab']) {
    // The chapter asks for WebGPU in its link ('auto' may pick the CPU); the lab asks for it itself.
    await page.goto(`${host.url}?lang=en${path === '#/lab' ? '' : '&compute=webgpu'}${path}`);
    await expectLive(page, path);
    await expect(page.locator('[data-backend="webgpu"]').first()).toBeAttached();
    expect(await violations(), path).toEqual([]);
  }
});

test('the playground imports and exports files with zero policy violations; markup in a file stays text', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = watchPolicy(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const response = await page.goto(`${host.url}?lang=en&pg=m:deltanet,T:6,dk:3,dv:2#/playground`);
  // The host sent the header policy too (as it does with the runtime's worker script).
  expect(response?.headers()['content-security-policy']).toBe(headerPolicy());
  await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-live', 'true', { timeout: 60_000 });

  // Exports: the trace JSON, the SVG, and the PNG (drawn from a blob: SVG image).
  for (const button of ['pg-download-trace', 'pg-download-svg', 'pg-download-png']) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
    expect((await file.path()) ?? '', button).not.toBe('');
  }

  // Imports: a trace whose file name is markup, a case, and a file whose content is markup.
  const attack = '<img src=x onerror="window.pwned=1">';
  const file = page.getByTestId('pg-file');
  const trace = { mechanism: 'linear_attention', view: 'parallel', backend: 'reference', o: [[1], [2]], S_final: [[1]], ms: 0 };
  await file.setInputFiles({ name: `${attack}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(trace)) });
  await expect(page.getByTestId('pg-imported')).toContainText(attack);
  await file.setInputFiles({ name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ mechanism: 'linear_attention', q: [[1, 0]], k: [[1, 0]], v: [[2]] })) });
  await expect(page.getByTestId('pg-custom-active')).toBeVisible();
  await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-live', 'true', { timeout: 60_000 });
  await file.setInputFiles({ name: 'markup.json', mimeType: 'application/json', buffer: Buffer.from(`<script>window.pwned=1</script>${attack}`) });
  await expect(page.getByTestId('pg-import-error')).toBeVisible();

  expect(await page.locator('img[src="x"], #root script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await violations()).toEqual([]);
});
