// Phones first: on a 360 × 740 and a 390 × 844 screen no page is wider than the screen (wide
// formulas, matrices and tables scroll inside their own frame), the header is one compact bar, every
// control is a 44 px touch target, and no plot label is drawn under 11 px. Every page, both languages.
// Screenshots (viewport-sized: the top and the first figure, at 390 px) land in
// e2e-artifacts/phone-*.png, and the same pages at 1440 × 900 in e2e-artifacts/desktop-*.png.
import { expect, test, type Page } from '@playwright/test';
import { CHAPTERS } from '../src/app/chapters/registry';
import { keepViewportScreenshot, watchConsole } from './helpers';

const LANGS = ['en', 'zh-TW'] as const;
const PAGES = ['#/', ...CHAPTERS.filter((c) => c.load).map((c) => `#/chapter/${c.slug}`), '#/playground', '#/lab'];
const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const;
const DESKTOP = { width: 1440, height: 900 };
/** The smallest plot text a phone may show, in CSS px (11, less rounding in the screen transform). */
const MIN_TEXT_PX = 10.95;
const TOUCH_PX = 44;
/** Where a page's first figure is: its first drawing, matrix or canvas. */
const FIGURE = 'main :is(svg[role="img"], svg[role="group"], table, canvas)';

function shotName(path: string): string {
  return path === '#/' ? 'home' : path.replace(/^#\/(chapter\/)?/, '');
}

/** Loaded: prose in, formulas typeset, the first figure drawn. */
async function settle(page: Page, path: string, lang: string) {
  await page.goto(`/?lang=${lang}${path}`);
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.formula-pending')).toHaveCount(0);
  await expect(page.locator(FIGURE).first()).toBeVisible();
  // Figures draw precomputed numbers first; give the live run a while so the screenshots show it,
  // but the layout does not wait on it (on a busy machine chapter 10's eight runs can take minutes).
  await page
    .locator('.badge-loading')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
  await frames(page);
}

/** A few frames: a resize reaches ResizeObserver, then React, then layout. */
async function frames(page: Page) {
  await page.evaluate(() =>
    document.fonts.ready.then(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r()))))),
  );
}

/** What a learner on this screen would notice: a page wider than the screen, a tall header, tiny plot text, small targets. */
function measure(page: Page) {
  return page.evaluate(
    ({ minText, touch }) => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.getAttribute('class') ?? '').replace(/\s+/g, '.')}`;
      // Rendered size = font size × the SVG's scale on screen.
      const smallText = [...document.querySelectorAll('main svg text')]
        .filter((t) => visible(t) && (t.textContent ?? '').trim() !== '')
        .map((t) => {
          const m = (t as SVGTextElement).getScreenCTM();
          const px = parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
          return { px, what: `${name(t.closest('svg') as Element)} "${(t.textContent ?? '').trim().slice(0, 12)}"` };
        })
        .filter((t) => t.px < minText)
        .map((t) => `${t.px.toFixed(1)} px: ${t.what}`);
      const controls = [...document.querySelectorAll('button, select, input[type="range"], .contents a, .chapter-link, label:has(> input[type="radio"])')]
        .filter(visible)
        .filter((el) => el.getBoundingClientRect().height < touch - 0.5)
        .map((el) => `${Math.round(el.getBoundingClientRect().height)} px: ${name(el)} "${(el.textContent ?? '').trim().slice(0, 20)}"`);
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth,
        header: document.querySelector('.site-header')?.getBoundingClientRect().height ?? Infinity,
        smallText: [...new Set(smallText)].slice(0, 10),
        smallTargets: [...new Set(controls)].slice(0, 10),
      };
    },
    { minText: MIN_TEXT_PX, touch: TOUCH_PX },
  );
}

// One page per language, resized in place: each route is loaded once (at 390 px, the common phone),
// then checked at 360 px and photographed at 1440 px.
for (const lang of LANGS)
  test(`phones 390 and 360 px, desktop 1440 px (${lang}): every page fits the screen, compact header, 44 px targets, plot text ≥ 11 px`, async ({ page }) => {
    test.setTimeout(600_000);
    const problems = watchConsole(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const path of PAGES) {
      const name = `${lang}-${shotName(path)}`;
      await page.setViewportSize(PHONES[1]);
      await settle(page, path, lang);
      for (const phone of [PHONES[1], PHONES[0]]) {
        if (phone !== PHONES[1]) {
          await page.setViewportSize(phone);
          await frames(page);
        }
        const where = `${path} (${lang}, ${phone.width} px)`;
        const m = await measure(page);
        expect.soft(m.innerWidth, where).toBe(phone.width);
        expect.soft(m.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(m.innerWidth);
        expect.soft(m.header, `${where}: header height`).toBeLessThanOrEqual(120);
        expect.soft(m.smallText, `${where}: plot text under 11 px`).toEqual([]);
        expect.soft(m.smallTargets, `${where}: controls under 44 px`).toEqual([]);
        if (phone === PHONES[1]) {
          await keepViewportScreenshot(page, `phone-${name}-top`);
          await page.locator(FIGURE).first().evaluate((el) => {
            const box = el.closest('section, figure, .memory-lab') ?? el;
            window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 8);
          });
          await keepViewportScreenshot(page, `phone-${name}-figure`);
          await page.evaluate(() => window.scrollTo(0, 0));
        }
      }
      await page.setViewportSize(DESKTOP);
      await frames(page);
      const m = await measure(page);
      expect.soft(m.scrollWidth, `${path} (${lang}, 1440 px): page width`).toBeLessThanOrEqual(m.innerWidth);
      await keepViewportScreenshot(page, `desktop-${name}`);
    }
    expect(problems).toEqual([]);
  });

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
    await settle(page, '#/chapter/retnet', lang);
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
