// The built folder works from any static host at any sub-path (vite's base is './'): served here under
// /some/sub/path/ by a small Node host, a chapter loads and runs its live model, nothing is asked for
// outside the sub-path, the service worker registers with the sub-path as its scope, and Chromium finds
// the web app manifest and reports no reason it could not be installed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { BUILT_SITE, keepScreenshot } from './helpers';
import { startStaticHost, type StaticHost } from './staticHost';

// The service worker is part of what this file checks (the suite blocks it elsewhere: playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const SUB_PATH = '/some/sub/path/';

let host: StaticHost;
test.beforeAll(async () => {
  host = await startStaticHost(BUILT_SITE, SUB_PATH);
});
test.afterAll(async () => {
  await host?.close();
});

test('under a sub-path: a chapter runs live, nothing is asked for outside it, the service worker takes it as scope', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(host.url) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });
  await page.goto(`${host.url}?lang=en#/chapter/retnet`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('RetNet');
  await expect(page.locator('.badge-loading')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('[data-backend="webgpu"], [data-backend="wasm"]').first()).toBeAttached();
  await expect(page.locator('.katex').first()).toBeVisible();

  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(host.url);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${host.url}sw.js`);

  expect(outside).toEqual([]);
  expect(host.requests.filter((p) => p.startsWith('/assets/')).length).toBeGreaterThan(0);
  await keepScreenshot(page, 'subpath-retnet');
});

test('every file the service worker precaches exists in the build, listed once (one missing fails the install)', () => {
  const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\]);/.exec(readFileSync(join(BUILT_SITE, 'sw.js'), 'utf8'))?.[1] ?? '[]') as string[];
  expect(precache.length).toBeGreaterThan(10);
  expect(new Set(precache).size).toBe(precache.length);
  expect(precache.filter((f) => !existsSync(join(BUILT_SITE, f)))).toEqual([]);
  expect(precache).toEqual(expect.arrayContaining(['./manifest.webmanifest', './icons/icon-192.png', './icons/icon-512.png', './icons/icon-maskable-512.png']));
  expect(precache).not.toContain('./_headers');
});

test('Chromium finds the manifest and reports no installability errors under the sub-path', async ({ browserName }) => {
  expect(browserName).toBe('chromium');
  // A test's own contexts are incognito, where nothing can be installed: a real profile, in a temp folder.
  const profile = mkdtempSync(join(tmpdir(), 'memory-lane-install-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${host.url}?lang=en#/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
    expect(manifest.url).toBe(`${host.url}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
