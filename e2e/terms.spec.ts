// Formula ↔ figure highlighting (issue #16, item 2): for each chapter whose formulas mark terms
// (\term{…}{…} in content/), pointing at and focusing each term sets data-term-active on the figure
// parts it names and on nothing else; pointing at a figure part lights its term in the formulas; the
// keyboard reaches the terms with Tab and Enter pins one; a tap toggles, a tap elsewhere clears; the
// words are spoken in a polite live region, in both languages; axe finds nothing serious.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FIGURE_PARTS, type Term } from '../src/app/terms/vocabulary';
import { termStrings } from '../src/app/terms/terms.strings';
import { keepViewportScreenshot, lockInExercise, watchConsole } from './helpers';
import { axeViolations } from './axe';

const CHAPTERS = [
  { slug: 'linear-attention', contentId: 'ch02-linear-attention' },
  { slug: 'write-read', contentId: 'ch03-write-read' },
  { slug: 'retnet', contentId: 'ch05-retnet' },
  // With the forget gate on (Gated DeltaNet), so α_t of the chapter's last formula is drawn too.
  { slug: 'deltanet', contentId: 'ch08-deltanet', query: '&gated=1' },
  { slug: 'mamba', contentId: 'ch09-mamba' },
] as const;

/** The terms a chapter's formulas mark, each once, read from the content file as the page does. */
function termsOf(contentId: string, lang = 'en'): Term[] {
  const source = readFileSync(`content/${lang}/${contentId}.md`, 'utf8');
  return [...new Set([...source.matchAll(/\\term\{([^}]*)\}/g)].map((m) => m[1] as Term))];
}

const formulaTerm = (page: Page, t: Term) => page.locator(`.prose [data-quantity="${t}"]`).first();
const figure = (page: Page) => page.locator('.chapter-figure');

async function open(page: Page, slug: string, lang: 'en' | 'zh-TW' = 'en', query = '') {
  await page.goto(`/?lang=${lang}${query}#/chapter/${slug}`);
  if (slug === 'deltanet') await lockInExercise(page, 'deltanet');
  // Chapter 9 draws its own panels; the others share the memory figure.
  await expect(slug === 'mamba' ? page.getByTestId('Abar') : page.getByTestId('memory-lab').getByTestId('memory-S')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.prose [data-quantity][role="button"]').first()).toBeVisible();
}

/** Exactly t is linked: its figure parts and formula terms carry it, and nothing else is highlighted. */
async function expectLinked(page: Page, t: Term) {
  await expect(page.getByTestId('term-links')).toHaveAttribute('data-linked-terms', t);
  await expect.poll(() => figure(page).locator(`[data-term-active="${t}"]`).count(), `${t} lights its figure parts`).toBeGreaterThan(0);
  await expect(figure(page).locator(`[data-term-active]:not([data-term-active="${t}"])`), `only ${t}'s parts`).toHaveCount(0);
  await expect(page.locator(`.prose [data-quantity]:not([data-quantity="${t}"])[data-term-active]`)).toHaveCount(0);
  await expect(page.locator(`.prose [data-quantity="${t}"][data-term-active="${t}"]`).first()).toBeVisible();
}

async function expectNoneLinked(page: Page) {
  await expect(page.getByTestId('term-links')).toHaveAttribute('data-linked-terms', '');
  await expect(page.locator('[data-term-active]')).toHaveCount(0);
}

test('the covered chapters mark the terms the issue names', () => {
  const all = new Set(CHAPTERS.flatMap((c) => termsOf(c.contentId)));
  for (const t of ['write', 'S', 'D', 'beta', 'recall', 'delta', 'Abar', 'Bx'] as Term[]) expect([...all]).toContain(t);
});

for (const chapter of CHAPTERS) {
  test(`${chapter.slug}: each formula term, pointed at and focused, lights its figure parts; a figure part lights its term`, async ({ page }) => {
    test.setTimeout(180_000);
    const problems = watchConsole(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, chapter.slug, 'en', 'query' in chapter ? chapter.query : '');
    const terms = termsOf(chapter.contentId);
    expect(terms.length).toBeGreaterThan(0);
    const words = termStrings.en;
    for (const t of terms) {
      // The pointer.
      await formulaTerm(page, t).hover();
      await expectLinked(page, t);
      await page.mouse.move(1, 1);
      await expectNoneLinked(page);
      // The keyboard's focus, announced.
      await formulaTerm(page, t).focus();
      await expectLinked(page, t);
      await expect(page.getByTestId('term-announce')).toContainText(words.names[t]);
      await expect(page.getByTestId('term-announce')).toContainText(words.figure[t]);
      await page.locator('h1').click();
      await expectNoneLinked(page);
    }
    // The other way: a figure part on show lights its term(s) in the formulas.
    let reversed = 0;
    for (const t of terms) {
      const part = figure(page).locator(FIGURE_PARTS[t]).first();
      if ((await part.count()) === 0 || !(await part.isVisible())) continue;
      await part.hover();
      await expect(page.locator(`.prose [data-quantity="${t}"][data-term-active]`).first()).toBeVisible();
      await expect(part).toHaveAttribute('data-term-active', /.+/);
      await page.mouse.move(1, 1);
      await expectNoneLinked(page);
      reversed++;
    }
    expect(reversed, 'some figure parts were on show to point at').toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
}

test('Tab moves from term to term; Enter pins one (aria-pressed), Escape lets go; figure parts are reachable by Tab', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, 'linear-attention');
  const terms = page.locator('.prose [data-quantity][role="button"]');
  await terms.first().focus();
  const first = await terms.first().getAttribute('data-quantity');
  await expectLinked(page, first as Term);
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-quantity'));
  expect(second, 'Tab reaches the next term of the formula').toBeTruthy();
  await expectLinked(page, second as Term);
  await page.keyboard.press('Enter');
  await expect(page.locator('.prose [aria-pressed="true"]').first()).toHaveAttribute('data-quantity', second as string);
  await page.keyboard.press('Escape');
  await expect(page.locator('.prose [aria-pressed="true"]')).toHaveCount(0);
  // The figure's parts are in the Tab order, and focusing one lights its terms.
  const memoryS = figure(page).getByTestId('memory-S');
  await expect(memoryS).toHaveAttribute('tabindex', '0');
  await memoryS.focus();
  await expectLinked(page, 'S');
  await keepViewportScreenshot(page, 'terms-figure-focus-en-1440');
});

test('zh-TW: the same terms link, and the words are Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, 'linear-attention', 'zh-TW');
  expect(termsOf('ch02-linear-attention', 'zh-TW')).toEqual(termsOf('ch02-linear-attention'));
  await formulaTerm(page, 'write').hover();
  await expectLinked(page, 'write');
  await keepViewportScreenshot(page, 'terms-write-zh-TW-1440');
  await page.mouse.move(1, 1);
  await formulaTerm(page, 'write').focus();
  await expectLinked(page, 'write');
  await expect(page.getByTestId('term-announce')).toContainText(termStrings['zh-TW'].names.write);
  await expect(formulaTerm(page, 'write')).toHaveAttribute('aria-label', termStrings['zh-TW'].names.write);
  // Focus moves off the term first (as in the English walk): a focused term keeps its link under a passing pointer.
  await page.locator('h1').click();
  await figure(page).getByTestId('memory-S').hover();
  await expect(page.locator('.prose [data-quantity="S"][data-term-active]').first()).toBeVisible();
});

test('axe: no serious violation on a chapter with a term linked', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'retnet');
  await formulaTerm(page, 'write').focus();
  await expectLinked(page, 'write');
  expect((await axeViolations(page, { seriousOnly: true })).found).toEqual([]);
});

test.describe('touch', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  for (const lang of ['en', 'zh-TW'] as const) {
    test(`a tap toggles a term, a tap elsewhere clears it (${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, 'linear-attention', lang);
      const write = formulaTerm(page, 'write');
      await write.scrollIntoViewIfNeeded();
      await write.tap();
      await expectLinked(page, 'write');
      await expect(write).toHaveAttribute('aria-pressed', 'true');
      // The part it lights comes into view when it was off the screen (the figure sits apart from the formula).
      const lit = page.locator('[data-term-part][data-term-active="write"]').first();
      await expect.poll(() => lit.evaluate((el) => ((r) => r.top >= -1 && r.bottom <= innerHeight + 1)(el.getBoundingClientRect())), 'the lit part is on screen').toBe(true);
      await keepViewportScreenshot(page, `terms-write-${lang}-390`);
      await write.tap();
      await expectNoneLinked(page);
      await write.tap();
      await expectLinked(page, 'write');
      await page.locator('h1').tap();
      await expectNoneLinked(page);
    });
  }
});

test('desktop screenshot, English, a term linked', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page, 'deltanet');
  await formulaTerm(page, 'recall').hover();
  await expectLinked(page, 'recall');
  await keepViewportScreenshot(page, 'terms-recall-en-1440');
});
