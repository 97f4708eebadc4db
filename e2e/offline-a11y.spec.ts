// The site works offline on a second visit. (That no page talks to another origin or has a serious
// accessibility violation is checked on e2e/pages.spec.ts's one visit per page and language.)
import { expect, test } from '@playwright/test';
import { parallelBackend } from './helpers';

// The service worker is part of what this file checks (the suite blocks it elsewhere: playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

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
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend());
  await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('equivalence')).toHaveAttribute('data-live', 'true');
  // Another chapter, never opened before, still loads from the precache.
  await page.goto('/#/chapter/retnet');
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
  await context.setOffline(false);
});
