// A returning learner is told when a new version of the course is ready, instead of reading stale pages:
// build A is served and visited, then the host switches to build B (the same site built again with
// another MEMORY_LANE_RELEASE, so its service worker is a new version). The update check finds it, the
// banner says so in the learner's language (role=status), and Reload brings up version B.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BUILT_SITE, keepScreenshot } from './helpers';
import { startStaticHost, type StaticHost } from './staticHost';

// The service worker is part of what this file checks (the suite blocks it elsewhere: playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

const NEXT = `${BUILT_SITE}-next`;

/** The cache name a build's service worker uses: its version. */
const cacheOf = (folder: string) => /const CACHE = '([^']+)'/.exec(readFileSync(join(folder, 'sw.js'), 'utf8'))?.[1] ?? '';
const cachesIn = (page: Page) => page.evaluate(() => caches.keys());

let host: StaticHost;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Build B next to build A (which the test configuration has just built into BUILT_SITE).
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', NEXT], { env: { ...process.env, MEMORY_LANE_RELEASE: 'e2e-next' }, stdio: 'pipe' });
  host = await startStaticHost(BUILT_SITE, '/course/');
});
test.afterAll(async () => {
  await host?.close();
});

test('a new version is announced in both languages, and Reload brings it up', async ({ page }) => {
  test.setTimeout(180_000);
  const [a, b] = [cacheOf(BUILT_SITE), cacheOf(NEXT)];
  expect(a).toMatch(/^memory-lane-\w{12}$/);
  expect(b).toMatch(/^memory-lane-\w{12}$/);
  expect(b).not.toBe(a);

  // Version A: the first visit installs it; it takes the page at once (nothing older to replace).
  await page.goto(`${host.url}?lang=en#/chapter/retnet`);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 60_000 }).toBe(true);
  await expect.poll(() => cachesIn(page)).toEqual([a]);
  const banner = page.getByTestId('update-banner');
  await expect(banner).toHaveCount(0);

  // A new deploy. The page's update check (on returning to the tab, or the browser's own) finds it.
  host.setRoot(NEXT);
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ has: banner })).toContainText('A new version of the course is ready.');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  // Until the learner says so, A still serves the page.
  expect(await cachesIn(page)).toContain(a);
  await keepScreenshot(page, 'update-banner-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-TW');
  await expect(banner).toContainText('課程已有新版本。');
  const reload = page.getByRole('button', { name: '重新載入' });
  await expect(reload).toBeVisible();

  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => cachesIn(page), { timeout: 30_000 }).toEqual([b]);
  await expect(banner).toHaveCount(0);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
});
