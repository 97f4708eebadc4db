// The site as a whole: works offline on a second visit, never talks to another origin, and has no
// serious or critical accessibility violations on any page in either language, and no heading that skips a
// level (axe's heading-order, a best-practice rule of moderate impact, enabled and counted explicitly).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { CHAPTERS } from '../src/app/chapters/registry';

const PAGES = ['#/', '#/lab', '#/playground', ...CHAPTERS.filter((c) => c.load).map((c) => `#/chapter/${c.slug}`)];

test('a second visit works with the network off', async ({ page, context }) => {
  await page.goto('/#/lab');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Now controlled by the service worker: this load caches the model runtime's wasm too.
  await page.reload();
  await expect(page.getByTestId('equivalence')).toHaveAttribute('data-live', 'true');
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', 'webgpu');
  await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('equivalence')).toHaveAttribute('data-live', 'true');
  // Another chapter, never opened before, still loads from the precache.
  await page.goto('/#/chapter/retnet');
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
  await context.setOffline(false);
});

test('no request ever leaves the origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL ?? 'http://localhost') && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  for (const path of PAGES) {
    await page.goto(`/?lang=en${path}`);
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
});

for (const lang of ['en', 'zh-TW'] as const)
  for (const path of PAGES)
    test(`axe: no serious or critical violations on ${path} (${lang})`, async ({ page }) => {
      await page.goto(`/?lang=${lang}${path}`);
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .options({ rules: { 'heading-order': { enabled: true } } })
        .analyze();
      // heading-order must have run: a tag filter alone would silently leave it out.
      expect([...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map((r) => r.id)).toContain('heading-order');
      const found = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(found).toEqual([]);
    });
