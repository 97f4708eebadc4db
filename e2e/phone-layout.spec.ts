// Phones first, beyond what e2e/pages.spec.ts checks on every page at 390, 360 and 1440 px (no page
// wider than the screen, a compact header, 44 px targets, plot text of 11 px or more: e2e/layoutChecks.ts):
// the contents menu in the header and a wide formula's own scrolling frame, in both languages.
import { expect, test } from '@playwright/test';
import { PHONES, settle } from './layoutChecks';

const LANGS = ['en', 'zh-TW'] as const;

test('phone: the contents menu is one button in the header, with aria-expanded, and Escape closes it', async ({ page }) => {
  await page.setViewportSize(PHONES[0]);
  for (const lang of LANGS) {
    await page.goto(`/?lang=${lang}#/chapter/retnet`);
    const button = page.getByTestId('site-menu-button');
    await expect(button).toBeVisible();
    await expect(button).toHaveText(lang === 'en' ? /Contents/ : /目錄/);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('.tagline')).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const menu = page.getByTestId('site-menu');
    await expect(menu.locator('a[aria-current="page"]')).toHaveAttribute('href', '#/chapter/retnet');
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    // Following a link goes there and closes the menu.
    await button.click();
    await menu.locator('a[href="#/chapter/deltanet"]').click();
    await expect(page).toHaveURL(/#\/chapter\/deltanet$/);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeHidden();
  }
  // On a wide screen the header has room: no menu button, the tagline is back.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByTestId('site-menu-button')).toBeHidden();
  await expect(page.locator('.tagline')).toBeVisible();
});

test('phone: a wide formula scrolls inside its own frame, which the keyboard can reach and which is named in the page language', async ({ page }) => {
  await page.setViewportSize(PHONES[0]);
  for (const lang of LANGS) {
    // At 390 px the derivation's formulas fit (layoutChecks); at 360 px chapter 1's unrolled H_3 still does not.
    await settle(page, '#/chapter/rnn', lang);
    const frame = page.locator('.prose .katex-display[role="region"]').first();
    await expect(frame).toHaveAttribute('tabindex', '0');
    await expect(frame).toHaveAttribute('aria-label', lang === 'en' ? 'Formula (scroll sideways)' : '公式（可左右捲動）');
    await expect(frame).toHaveAttribute('data-scroll-more', 'right');
    const wide = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(wide.scroll).toBeGreaterThan(wide.client);
    // Focused, the arrow keys scroll it; at the far end only the left edge hides more.
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await frame.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(frame).toHaveAttribute('data-scroll-more', 'left');
  }
});
