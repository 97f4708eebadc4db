// What a learner on a phone, and on a laptop, would notice on a page: wider than the screen, a tall
// header, plot text under 11 px, touch targets under 44 px. e2e/pages.spec.ts runs these checks on its
// one visit per page and language, resizing the window (390 px, then 360 px, then 1440 px); the phone
// specs reuse the loading and the sizes. Screenshots (viewport-sized: the top and the first figure, at
// 390 px) land in e2e-artifacts/phone-*.png, and the same pages at 1440 × 900 in e2e-artifacts/desktop-*.png.
import { expect, type Page } from '@playwright/test';
import { keepViewportScreenshot } from './helpers';
import { FRAMES_PENDING_ATTRIBUTE } from '../src/app/shell/framesPending';

export const PHONES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
] as const;
export const DESKTOP = { width: 1440, height: 900 };
/** The smallest plot text a phone may show, in CSS px (11, less rounding in the screen transform). */
const MIN_TEXT_PX = 10.95;
const TOUCH_PX = 44;
/** Where a page's first figure is: its first drawing, matrix or canvas. */
export const FIGURE = 'main :is(svg[role="img"], svg[role="group"], table, canvas)';

export function shotName(path: string): string {
  return path === '#/' ? 'home' : path.replace(/^#\/(chapter\/)?/, '');
}

/** Loaded: prose in, formulas typeset, the first figure drawn. */
export async function settle(page: Page, path: string, lang: string) {
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
  // Wide frames in parts the browser skips (far down a phone's page) are measured after the page is shown.
  await expect(page.locator(`html[${FRAMES_PENDING_ATTRIBUTE}]`)).toHaveCount(0);
  await frames(page);
}

/** A few frames: a resize reaches ResizeObserver, then React, then layout. */
export async function frames(page: Page) {
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
      // A glossary term inside a sentence is exempt (WCAG 2.5.8's inline targets): it must keep its line's height.
      const controls = [...document.querySelectorAll('button:not(.gloss-term), select, input[type="range"], .contents a, .chapter-link, label:has(> input[type="radio"])')]
        .filter(visible)
        .filter((el) => el.getBoundingClientRect().height < touch - 0.5)
        .map((el) => `${Math.round(el.getBoundingClientRect().height)} px: ${name(el)} "${(el.textContent ?? '').trim().slice(0, 20)}"`);
      const tallTerms = [...document.querySelectorAll('button.gloss-term')]
        .filter(visible)
        .filter((el) => el.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(el).fontSize))
        .map((el) => `${Math.round(el.getBoundingClientRect().height)} px: "${(el.textContent ?? '').trim().slice(0, 20)}"`);
      return {
        tallTerms: [...new Set(tallTerms)].slice(0, 10),
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

/**
 * A part far below the screen may skip its rendering (content-visibility: auto: chapter 9's panels) and
 * catch up with a resize only when it comes near the screen; measured before, its plots would still be
 * drawn for the old width, at a size nobody sees. So on such a page the check scrolls through it first,
 * as a reader does, and then measures what the reader would have seen on the way.
 */
async function readThrough(page: Page): Promise<void> {
  const skips = await page.evaluate(() => [...document.querySelectorAll('main *')].some((e) => getComputedStyle(e).contentVisibility === 'auto' && !e.classList.contains('katex-mathml')));
  if (!skips) return;
  const at = await page.evaluate(() => window.scrollY);
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += Math.round(page.viewportSize()!.height * 0.8)) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await frames(page);
  }
  await page.evaluate((top) => window.scrollTo(0, top), at);
  await frames(page);
}

/**
 * The measure once the page has caught up with a resize: a figure that redraws for its new width (a
 * ResizeObserver, then React, then d3) can be caught mid-way, drawn for the old width and scaled down.
 * Waits up to a few seconds for a clean measure, then returns the last one (the checks say what is wrong).
 */
async function settledMeasure(page: Page, width: number): Promise<Awaited<ReturnType<typeof measure>>> {
  let last = await measure(page);
  const clean = (m: typeof last) => m.innerWidth === width && m.scrollWidth <= m.innerWidth && m.header <= 120 && m.smallText.length === 0 && m.smallTargets.length === 0 && m.tallTerms.length === 0;
  for (let i = 0; i < 10 && !clean(last); i++) {
    await page.waitForTimeout(300);
    await frames(page);
    last = await measure(page);
  }
  return last;
}

/**
 * Resize through the phones and the laptop on a loaded page and check each (soft: all problems are
 * listed). `narrowest: false` skips the 360 px phone (the 390 px one is always checked and photographed).
 */
export async function checkLayouts(page: Page, path: string, lang: string, { narrowest = true } = {}): Promise<void> {
  const name = `${lang}-${shotName(path)}`;
  for (const phone of PHONES.slice().reverse().filter((p) => narrowest || p !== PHONES[0])) {
    await page.setViewportSize(phone);
    await frames(page);
    await readThrough(page);
    const where = `${path} (${lang}, ${phone.width} px)`;
    const m = await settledMeasure(page, phone.width);
    expect.soft(m.innerWidth, where).toBe(phone.width);
    expect.soft(m.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(m.innerWidth);
    expect.soft(m.header, `${where}: header height`).toBeLessThanOrEqual(120);
    expect.soft(m.smallText, `${where}: plot text under 11 px`).toEqual([]);
    expect.soft(m.smallTargets, `${where}: controls under 44 px`).toEqual([]);
    expect.soft(m.tallTerms, `${where}: glossary terms taller than their line`).toEqual([]);
    if (phone === PHONES[1]) {
      // The derivation's formulas fit a 390 px phone (a long one breaks into lines): wide figures may scroll, prose should not.
      const wideFormulas = await page.evaluate(() =>
        [...document.querySelectorAll('.prose .katex-display')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.scrollWidth} px: ${(e.textContent ?? '').slice(0, 30)}`),
      );
      expect.soft(wideFormulas, `${where}: prose formulas wider than the screen`).toEqual([]);
      // A caption in a frame that scrolls sideways stays within the frame (styles.css): centred over a wide
      // table, its words were off the screen. Polled: the frame is marked once the page has measured it.
      await expect
        .poll(
          () =>
            page.evaluate(() =>
              [...document.querySelectorAll<HTMLElement>('.scroll-frame')]
                .filter((f) => f.scrollWidth > f.clientWidth + 1)
                .flatMap((f) => [...f.querySelectorAll<HTMLElement>('caption, legend, figcaption')].map((c) => [f, c] as const))
                .filter(([f, c]) => c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().right > f.getBoundingClientRect().right + 1)
                .map(([, c]) => `${Math.round(c.getBoundingClientRect().width)} px: ${(c.textContent ?? '').trim().slice(0, 40)}`),
            ),
          { message: `${where}: captions running past their sideways frame`, timeout: 5_000 },
        )
        .toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
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
