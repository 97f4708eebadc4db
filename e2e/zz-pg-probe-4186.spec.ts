import { expect, test } from '@playwright/test';
import { MECHANISMS } from '../src/core/cases';
test.describe.configure({ timeout: 600_000 });
test('probe', async ({ page }) => {
  for (const [T, d] of [[256, 32], [1024, 64]] as const)
    for (const m of MECHANISMS) {
      await page.goto(`/?lang=en&pg=m:${m},T:${T},dk:${d},dv:${d},C:16#/playground`);
      const badge = page.getByTestId('pg-badge');
      await expect(badge).toHaveAttribute('data-live', 'true', { timeout: 120_000 });
      const a = (n: string) => badge.getAttribute(n);
      console.log(T, d, m, 'ok', await a('data-ok'), 'pr', await a('data-diff-parallel-recurrent'), 'cr', await a('data-diff-chunkwise-recurrent'), 'ref', await a('data-ref-diff'), 'tol', await a('data-tolerance'), await a('data-parallel-backend'), (await badge.locator('.equivalence-backends').textContent()));
    }
});
