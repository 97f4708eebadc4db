// Every page, in both languages, visited once and checked for all that a page as a whole must be
// (each check used to load every page again in its own test):
// - its tab names it, in the page's language, and <html lang> says which (issue 14.5);
// - every figure says what it shows: a caption on each figure and figure region, step numbers on
//   the parallel matrix's axes, a legend with 0 (see captions.spec.ts for the matrices themselves);
// - once its live models have run, it shows a learner no developer words (tool commands, runtime
//   names, file formats by tool name, stack traces);
// - no serious or critical accessibility violation, and no heading that skips a level (axe's
//   heading-order, a best-practice rule of moderate impact, enabled and counted explicitly), in one
//   language per page, the pages taking turns;
// - no request ever leaves the origin;
// - it does not move as it comes in: its layout shifts sum to at most 0.02 (issue 17);
// - then, resized to phones of 390 and 360 px and a 1440 px laptop, it fits each screen, with a compact
//   header, 44 px touch targets and plot text of 11 px or more (e2e/layoutChecks.ts), and is photographed;
//   360 px in the language that axe skips, so each page gets every check once and 390 px twice.
import { expect, test, type Page } from '@playwright/test';
import { checkLayouts } from './layoutChecks';
import { captionProblems, devWordsIn, expectedTitle, layoutShift, LANGS, LAYOUT_SHIFT_LIMIT, PAGES, watchLayoutShift } from './pageChecks';
import { axeViolations } from './axe';
import { startLiveModels } from './helpers';

for (const lang of LANGS)
  for (const [index, path] of PAGES.entries()) {
    // axe checks the page's structure, names and contrast, which the two languages share: each page
    // gets it in one language, the pages taking turns (it is a third of a visit's time).
    const axe = LANGS.indexOf(lang) === index % LANGS.length;
    test(`${path} (${lang}): its title, captions, plain words,${axe ? ' no serious axe violation,' : ''} no foreign request; it fits phones and a laptop`, async ({ page, baseURL }) => {
      test.setTimeout(180_000);
      const foreign: string[] = [];
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(baseURL ?? 'http://localhost') && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
      });
      await watchLayoutShift(page);
      await page.goto(`/?lang=${lang}${path}`);
      await expect(page.locator('h1').first()).toBeVisible();

      await expect.soft(page, 'tab title').toHaveTitle(expectedTitle(path, lang));
      await expect.soft(page.locator('html')).toHaveAttribute('lang', lang);

      // Figures appear as their models load; poll until what is there is captioned (the contents page has none).
      if (path !== '#/')
        await expect
          .soft
          .poll(async () => {
            const r = await captionProblems(page);
            return r.figures > 0 ? r.problems.map((p) => `${path} ${p.what}: ${p.problem}`) : [`${path}: no figure yet`];
          }, { message: 'captions' })
          .toEqual([]);

      // Settled: the network quiet and no badge still starting.
      await startLiveModels(page);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('.badge-loading')).toHaveCount(0, { timeout: 60_000 });
      expect.soft(devWordsIn(await page.locator('body').innerText(), path, lang), 'developer words').toEqual([]);

      // Nothing moved while it came in (read before the resizing below moves it on purpose). A gate
      // that a slow machine made paint without some pieces is reported rather than failed.
      const shift = await layoutShift(page);
      if (shift.late) test.info().annotations.push({ type: 'layout shift not checked', description: `${path} (${lang}) painted at its time limit without: ${shift.late}` });
      else expect.soft(shift.sum, `layout shift; moved: ${shift.moved.join(', ')}`).toBeLessThanOrEqual(LAYOUT_SHIFT_LIMIT);

      if (axe) await axeFindsNoSeriousViolation(page);

      await expect(page.locator('.formula-pending')).toHaveCount(0);
      await checkLayouts(page, path, lang, { narrowest: !axe });

      expect(foreign, 'requests to another origin').toEqual([]);
    });
  }

/** No serious or critical violation, and no heading that skips a level. */
async function axeFindsNoSeriousViolation(page: Page): Promise<void> {
  const { found, ran } = await axeViolations(page, { headingOrder: true, seriousOnly: true });
  // heading-order must have run: a tag filter alone would silently leave it out.
  expect.soft(ran).toContain('heading-order');
  expect.soft(found, 'axe').toEqual([]);
}
