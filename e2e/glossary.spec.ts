// The glossary: a page listing every term of content/<lang>/glossary.md, and in each chapter the first
// use of a term as a button that opens its entry on hover, on keyboard focus and on a tap, with a
// link that lands on the entry in the glossary page.
import { expect, test, type Page } from '@playwright/test';
import { keepScreenshot, watchConsole } from './helpers';
import { axeViolations } from './axe';

const ENTRIES = 34;

async function openChapter(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('.prose button.gloss-term').first()).toBeVisible();
}

test('the glossary page lists every term, in English and in 繁體中文, linked from the contents', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/#/');
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Glossary' }).click();
  await expect(page).toHaveURL(/#\/glossary$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await expect(page).toHaveTitle('Glossary — Memory Lane');
  const entries = page.locator('.gloss-entry');
  await expect(entries).toHaveCount(ENTRIES);
  await expect(page.locator('#glossary-kv-cache dt')).toContainText('KV cache');
  await expect(page.locator('#glossary-kv-cache dd')).toHaveText('The growing list of past keys and values that softmax attention must keep while generating.');
  await expect(page.locator('#glossary-memory-matrix dt .katex')).toHaveCount(1); // $S$ rendered, not shown as text
  await keepScreenshot(page, 'glossary-en');

  await page.goto('/?lang=zh-TW#/glossary');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('詞彙表');
  await expect(page).toHaveTitle('詞彙表 — 記憶小徑 Memory Lane');
  await expect(entries).toHaveCount(ENTRIES);
  // Same keys in both languages: the anchor is the English slug.
  await expect(page.locator('#glossary-kv-cache dt')).toContainText('KV 快取（KV cache）');
  await expect(page.locator('#glossary-delta-rule dd')).toContainText('先讀出記憶對');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'e2e-artifacts/glossary-zh-TW-phone.png' });
  expect(problems).toEqual([]);
});

test('a chapter marks only the first use of each term, never in headings, math or code', async ({ page }) => {
  await openChapter(page, '/#/chapter/retnet');
  const terms = page.locator('button.gloss-term');
  const keys = await terms.evaluateAll((els) => els.map((e) => e.getAttribute('data-term')));
  expect(keys.length).toBeGreaterThan(3);
  expect(new Set(keys).size).toBe(keys.length); // the prose before and after the figure together
  await expect(page.locator('.prose button.gloss-term').first()).toHaveText('Linear attention');
  await expect(page.locator(':is(h1, h2, h3, .katex, code, a) button.gloss-term')).toHaveCount(0);

  await openChapter(page, '/?lang=zh-TW#/chapter/retnet');
  await expect(page.locator('.prose button.gloss-term').first()).toHaveText('線性注意力');
});

test('hover opens a term’s entry and leaving closes it', async ({ page }) => {
  await openChapter(page, '/#/chapter/retnet');
  const term = page.locator('.prose button.gloss-term').first();
  const popover = page.getByTestId('gloss-pop');
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  await term.hover();
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('The memory with no reflection');
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await expect(term).toHaveAttribute('aria-describedby', (await popover.getAttribute('id')) ?? 'missing');
  await page.mouse.move(5, 5);
  await expect(popover).toHaveCount(0);
  await expect(term).toHaveAttribute('aria-expanded', 'false');
});

test('keyboard: Tab to a term shows its entry, Enter keeps it, Escape closes it', async ({ page }) => {
  await openChapter(page, '/#/chapter/retnet');
  await page.locator('main').focus();
  await page.keyboard.press('Tab');
  const term = page.locator('.prose button.gloss-term').first();
  await expect(term).toBeFocused();
  const popover = page.getByTestId('gloss-pop');
  await expect(popover).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(popover).toBeVisible();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  // Tab reaches the popover's link before the rest of the page.
  await page.keyboard.press('Tab');
  await expect(popover.getByRole('link', { name: /See the glossary/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(term).toBeFocused();
  await expect(term).toHaveAttribute('aria-expanded', 'false');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a tap opens the entry inside the screen, a tap outside closes it, and its link lands on the entry', async ({ page }) => {
    await openChapter(page, '/?lang=zh-TW#/chapter/retnet');
    const term = page.locator('.prose button.gloss-term').first();
    const popover = page.getByTestId('gloss-pop');
    await term.tap();
    await expect(popover).toBeVisible();
    await expect(popover).toContainText('沒有反思的記憶');
    const box = await popover.boundingBox();
    const view = await page.evaluate(() => ({ w: visualViewport?.width ?? innerWidth, h: visualViewport?.height ?? innerHeight }));
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(view.w);
    expect(box!.y + box!.height).toBeLessThanOrEqual(view.h);
    await page.screenshot({ path: 'e2e-artifacts/glossary-popover-phone.png' });
    // A second tap on the term closes it; a tap elsewhere does too.
    await term.tap();
    await expect(popover).toHaveCount(0);
    await term.tap();
    await expect(popover).toBeVisible();
    await page.locator('.chapter-number').tap();
    await expect(popover).toHaveCount(0);

    await term.tap();
    await popover.getByRole('link', { name: /查看詞彙表/ }).tap();
    await expect(page).toHaveURL(/#\/glossary\/linear-attention$/);
    const entry = page.locator('#glossary-linear-attention');
    await expect(entry).toHaveClass(/is-target/);
    await expect(entry).toBeFocused();
    await expect(entry).toBeInViewport();
    await expect(entry).toContainText('線性注意力（linear attention）');
  });
});

test('a deep link to an entry opens the page there; an unknown term says so and lists all', async ({ page }) => {
  await page.goto('/#/glossary/parallel-scan');
  const entry = page.locator('#glossary-parallel-scan');
  await expect(entry).toBeInViewport();
  await expect(entry).toHaveClass(/is-target/);
  await page.goto('/#/glossary/no-such-term');
  await expect(page.getByText('There is no term “no-such-term” in the glossary; here are all of them.')).toBeVisible();
  await expect(page.locator('.gloss-entry')).toHaveCount(ENTRIES);
});

async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  return (await axeViolations(page, { include: scope ? [scope] : [], seriousOnly: true })).found;
}

test("axe: the glossary page, a chapter's prose with an open entry and an embed have no serious violations", async ({ page }) => {
  test.setTimeout(300_000);
  for (const lang of ['en', 'zh-TW']) {
    await page.goto(`/?lang=${lang}#/glossary`);
    await expect(page.locator('.gloss-entry')).toHaveCount(ENTRIES);
    expect(await seriousViolations(page), `glossary (${lang})`).toEqual([]);
    await openChapter(page, `/?lang=${lang}#/chapter/deltanet`);
    await page.locator('.prose button.gloss-term').first().click();
    await expect(page.getByTestId('gloss-pop')).toBeVisible();
    // The prose only (the popover sits in it): the figures are checked by e2e/pages.spec.ts.
    expect(await seriousViolations(page, '.prose'), `chapter with a popover (${lang})`).toEqual([]);
  }
  // The embed's words are the chapter's own (checked in both languages by e2e/pages.spec.ts).
  await page.goto('/?lang=zh-TW#/embed/retnet');
  await page.reload(); // a fresh embed, as a frame loads it
  await expect(page.getByTestId('embed-figure')).toBeVisible();
  expect(await seriousViolations(page), 'embed').toEqual([]);
});
