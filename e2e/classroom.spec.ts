// The classroom, as a lecturer and a student use it: a link reproduces the exact picture (chapters 2,
// 3, 5 in full, the step everywhere a MemoryLab is), a broken link shows what it could not use and
// still works, instructor mode hides controls or the answer until revealed, and presenter mode runs
// from the keyboard alone (P, PageDown, arrows, Esc). Numbers are read from the DOM and checked
// against the float64 core.
import { expect, test, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import type { Case } from '../src/core/cases';
import { readBreakdown } from '../src/core/recall';
import { linearAttentionPreset, retnetPreset, writeReadCase, writeReadPreset } from '../src/app/chapters/presets';
import { applyEdits } from '../src/app/state/edits';
import { siteStrings } from '../src/app/shell/site.strings';
import { classroomStrings } from '../src/app/classroom/classroom.strings';
import { urlStateStrings } from '../src/app/state/urlState.strings';
import { ch05Strings } from '../src/app/chapters/ch05-retnet/strings';
import { keepScreenshot, maxDiff, parallelBackend, readMatrix, tolerance, watchConsole } from './helpers';
import { axeViolations } from './axe';

const LANGS = ['en', 'zh-TW'] as const;
const LIVE = { timeout: 120_000 };

/** Open a link as a student would (reduced motion: every beat at its end, numbers stable) and wait for the live model. */
async function openLink(page: Page, link: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(link);
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend(), LIVE);
  await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm', LIVE);
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true', LIVE);
}

/** Move the shared cursor to step t (0-based) with the keyboard, from the empty memory. */
async function stepTo(page: Page, t: number) {
  await page.mouse.move(0, 0); // a resting pointer would hover a step instead
  await expect(page.getByTestId('memory-lab')).toBeVisible(); // an unpainted stage cannot take the focus
  await page.getByTestId('memory-lab').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i <= t; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('memory')).toHaveAttribute('data-step', String(t));
}

/** The memory S_t on the page equals the core's (polled until the live trace of this input is in). */
async function expectState(page: Page, c: Case, t: number) {
  await expect(page.getByTestId('memory')).toHaveAttribute('data-step', String(t));
  const ref = runReference(c, 'recurrent').steps?.[t].S ?? [];
  await expect.poll(async () => maxDiff(await readMatrix(page.getByTestId('memory-S')), ref), LIVE).toBeLessThanOrEqual(tolerance(ref));
}

/** The page's link once it has caught up with the last change (writes are gathered for a moment). */
async function linkWith(page: Page, ...parts: string[]): Promise<string> {
  for (const p of parts) await expect.poll(() => page.url(), { message: `link has ${p}` }).toContain(p);
  return page.url();
}

/** No WCAG 2.1 A/AA violations on the page as it stands (presenter mode's colours included). */
async function expectAccessible(page: Page) {
  expect((await axeViolations(page)).found).toEqual([]);
}

/** Open a link in a fresh tab, as if pasted. */
async function paste(page: Page, link: string): Promise<{ other: Page; problems: string[] }> {
  const other = await page.context().newPage();
  const problems = watchConsole(other);
  await openLink(other, link);
  return { other, problems };
}

test('ch. 2: a link carries preset, seed, edited vectors and step (en)', async ({ page }) => {
  const problems = watchConsole(page);
  await openLink(page, '/?lang=en#/chapter/linear-attention');
  await page.getByTestId('preset').selectOption('one-hot');
  await page.getByTestId('reseed').click();
  await page.getByTestId('reseed').click();
  await stepTo(page, 1);
  await page.getByTestId('edit-k').fill('0.5, -1, 0, 2');
  await page.getByTestId('edit-k').press('Enter');
  await stepTo(page, 4);
  const c = applyEdits(linearAttentionPreset('one-hot', 3), [{ symbol: 'k', step: 1, value: [0.5, -1, 0, 2] }]);
  await expectState(page, c, 4);

  const link = await linkWith(page, 'preset=one-hot', 'seed=3', 'edit=k2:.5,-1,0,2', 't=5');
  expect(new URL(link).search.length).toBeLessThan(80); // short enough to paste
  const shown = await readMatrix(page.getByTestId('memory-S'));

  const { other, problems: otherProblems } = await paste(page, link);
  await expect(other.getByTestId('preset')).toHaveValue('one-hot');
  await expectState(other, c, 4);
  expect(maxDiff(await readMatrix(other.getByTestId('memory-S')), shown)).toBeLessThanOrEqual(tolerance(shown));
  await expect(other.getByTestId('url-notice')).toHaveCount(0);
  expect(other.url()).toBe(link); // the link was already in its short, canonical form
  expect([...problems, ...otherProblems]).toEqual([]);
});

test('ch. 3: a link carries moved keys, the query, edited values and step (zh-TW)', async ({ page }) => {
  const problems = watchConsole(page);
  await openLink(page, '/?lang=zh-TW#/chapter/write-read');
  const k2 = page.locator('[data-point="k1"]');
  await k2.focus();
  await page.keyboard.press('ArrowLeft'); // k₂: 0.8 → 0.7
  await page.locator('[data-point="q"]').focus();
  await page.keyboard.press('ArrowUp'); // q: (1, 0) → (1, 0.1)
  await page.getByTestId('edit-value-1').fill('2, 0, 1');
  await page.getByTestId('edit-value-1').press('Enter');
  await stepTo(page, 1);
  const keys = [[1, 0], [0.7, 0.6]];
  const values = [[2, 0, 1], writeReadPreset('overlapping').values[1]];
  const query = [1, 0.1];
  const c = writeReadCase(keys, values, query);
  await expectState(page, c, 1);
  const link = await linkWith(page, 'k=1,0_.7,.6', 'val=2,0,1_0,1,-.5', 'q=1,.1', 't=2');

  const { other, problems: otherProblems } = await paste(page, link);
  await expectState(other, c, 1);
  await expect(other.locator('[data-point="k1"]')).toHaveAttribute('data-x', '0.7');
  const ref = readBreakdown(keys, values, query);
  const total = await other.getByTestId('read-terms-total').locator('[data-value]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(maxDiff([total], [ref.total])).toBeLessThanOrEqual(1e-12);
  // The crosstalk is k₂ᵀq = 0.7 · 1 + 0.6 · 0.1: the moved key and the moved query both count.
  expect(Number(await other.getByTestId('read-terms').getAttribute('data-crosstalk'))).toBeCloseTo(0.76, 10);
  expect([...problems, ...otherProblems]).toEqual([]);
});

// Each journey runs in one language, the two alternating: the words of both are checked by the string
// tables and e2e/pages.spec.ts. A malformed link's messages are checked in both, reading them is the point.
for (const lang of LANGS) {
  if (lang === 'en')
  test(`ch. 5: a link carries γ, an edited value and step (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await openLink(page, `/?lang=${lang}#/chapter/retnet`);
    await page.getByTestId('gamma').fill('0.5');
    await stepTo(page, 0);
    await page.getByTestId('edit-v').fill('1, 2, 3, 4');
    await page.getByTestId('edit-v').press('Enter');
    await stepTo(page, 6);
    const c = applyEdits(retnetPreset('random', 0.5), [{ symbol: 'v', step: 0, value: [1, 2, 3, 4] }]);
    await expectState(page, c, 6);
    const link = await linkWith(page, 'gamma=0.5', 'edit=v1:1,2,3,4', 't=7', `lang=${lang}`);

    const { other, problems: otherProblems } = await paste(page, link);
    await expect(other.getByTestId('gamma')).toHaveValue('0.5');
    await expectState(other, c, 6);
    // The parallel view's row 7 is the same γ-veiled row the core computes.
    const M = runReference(c, 'parallel').M ?? [];
    await expect
      .poll(async () => {
        const row = (await other.locator('[data-testid="attention"] [data-row="6"]').getAttribute('data-values'))?.split(',').map(Number) ?? [];
        return maxDiff([row], [M[6]]);
      }, LIVE)
      .toBeLessThanOrEqual(tolerance(M));
    await expect(other.getByTestId('memory-length')).toContainText('2.0');
    expect([...problems, ...otherProblems]).toEqual([]);
  });

  test(`malformed and out-of-range links: a visible message and a working page (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    const ui = urlStateStrings[lang];
    // Garbage, an unknown preset, a step that is not there, a negative step, a typo, a future version, an unknown part.
    await openLink(page, `/?lang=${lang}&gamma=abc&preset=bogus&edit=k99:1,0,0,0&t=-4&gama=0.5&v=9&hide=everything#/chapter/retnet`);
    const notice = page.getByTestId('url-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(ui.heading);
    for (const [param, code] of [
      ['gamma', 'not-a-number'],
      ['preset', 'unknown-choice'],
      ['edit', 'bad-row'],
      ['t', 'out-of-range'],
      ['gama', 'unknown-param'],
      ['v', 'newer-version'],
      ['hide', 'unknown-item'],
    ])
      await expect(notice.locator(`li[data-param="${param}"][data-problem="${code}"]`)).toBeVisible();
    await expect(notice.locator('li[data-param="gamma"]')).toContainText('gamma=abc');
    // The page runs on the defaults: γ = 0.8, the random preset, no edits, the empty memory.
    await expect(page.getByTestId('memory')).toHaveAttribute('data-step', '-1');
    await expect(page.getByTestId('gamma')).toHaveValue('0.8');
    await stepTo(page, 3);
    // The state and the notice's structure are the same code in both languages: checked once, in English.
    if (lang === 'en') await expectState(page, retnetPreset('random', 0.8), 3);
    // The address now describes the page: nothing it could not use is left in it.
    const cleaned = await linkWith(page, 'v=1', 't=4');
    for (const gone of ['gama', 'gamma', 'preset', 'edit', 'hide', 'v=9']) expect(new URL(cleaned).search).not.toContain(gone);
    if (lang === 'en') await expectAccessible(page);
    await page.getByTestId('url-notice-dismiss').click();
    await expect(notice).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  if (lang === 'zh-TW')
  test(`out-of-range links are clamped, vectors of the wrong shape refused (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    const notice = page.getByTestId('url-notice');
    // Out of range is clamped, not refused: γ = 7 → 1 (nothing fades), t = 99 → the last step.
    await openLink(page, `/?lang=${lang}&gamma=7&t=99&seed=%%%#/chapter/retnet`);
    await expect(notice.locator('li[data-param="gamma"][data-problem="out-of-range"]')).toBeVisible();
    await expect(notice.locator('li[data-param="t"][data-problem="out-of-range"]')).toBeVisible();
    await expect(notice.locator('li[data-param="seed"]')).toHaveCount(0); // a parameter chapter 5 does not read is left alone
    await expect(page.getByTestId('memory-length')).toHaveText(ch05Strings[lang].forever);
    await expectState(page, retnetPreset('random', 1), 11);

    // Vectors of the wrong shape are refused whole; the key plane keeps the preset.
    await openLink(page, `/?lang=${lang}&k=1,0&val=x_1,2,3&q=5,5&t=2.5#/chapter/write-read`);
    for (const [param, code] of [
      ['k', 'wrong-count'],
      ['val', 'bad-entry'],
      ['q', 'too-large'],
      ['t', 'not-an-integer'],
    ])
      await expect(notice.locator(`li[data-param="${param}"][data-problem="${code}"]`)).toBeVisible();
    const pairs = writeReadPreset('overlapping');
    await stepTo(page, 1);
    await expectState(page, writeReadCase(pairs.keys, pairs.values, pairs.query), 1);
    expect(problems).toEqual([]);
  });

  if (lang === 'en')
  test(`a bad seed, a short vector and an overlong link on chapter 2 (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    const notice = page.getByTestId('url-notice');
    // A step vector of the wrong length and a seed that is not a whole number (chapter 2); a link too long to be real.
    await openLink(page, `/?lang=${lang}&seed=2.5&edit=k1:1,0,0#/chapter/linear-attention`);
    await expect(notice.locator('li[data-param="seed"][data-problem="not-an-integer"]')).toBeVisible();
    await expect(notice.locator('li[data-param="edit"][data-problem="wrong-length"]')).toBeVisible();
    await stepTo(page, 2);
    await expectState(page, linearAttentionPreset('random', 1), 2);
    await openLink(page, `/?lang=${lang}&edit=k1:${'1,'.repeat(1200)}1#/chapter/linear-attention`);
    await expect(notice.locator('li[data-param="edit"][data-problem="too-long"]')).toBeVisible();
    await expect(page.getByTestId('figure-error')).toHaveCount(0);
    await expect(page.getByTestId('page-error')).toHaveCount(0);
    await keepScreenshot(page, `classroom-bad-link-${lang}`);
    expect(problems).toEqual([]);
  });

  if (lang === 'zh-TW')
  test(`instructor mode hides the controls and holds the answer until revealed (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    const ui = classroomStrings[lang].instructor;
    await openLink(page, `/?lang=${lang}&hide=controls&t=3#/chapter/linear-attention`);
    await expect(page.getByTestId('controls-hidden')).toContainText(ui.controlsHidden);
    await expect(page.getByTestId('preset')).toHaveCount(0);
    await expect(page.getByTestId('step-editor')).toHaveCount(0);
    await expectState(page, linearAttentionPreset('random', 1), 2); // the figure itself still works
    await page.getByTestId('show-controls').click();
    await expect(page.getByTestId('preset')).toBeVisible();

    // The lecturers' panel documents the parameters and builds a link with parts hidden.
    await page.getByTestId('lecturer-help').locator('summary').click();
    await expect(page.getByTestId('lecturer-help')).toContainText(ui.help.title);
    await expect(page.getByTestId('lecturer-help')).toContainText('hide=controls,answer');
    await expect(page.getByTestId('lecturer-help')).toContainText('compute=webgpu');
    await page.getByTestId('builder-hide-answer').check();
    await page.getByTestId('builder-present').check();
    await expect(page.getByTestId('builder-link')).toHaveValue(/present=1&hide=controls,answer.*t=3.*#\/chapter\/linear-attention$/);
    await expectAccessible(page);

    // Predict-then-reveal with the answer held back (chapter 8): no verdict, no explanation, until Reveal.
    await openLink(page, `/?lang=${lang}&hide=answer#/chapter/deltanet`);
    const predict = page.getByTestId('predict');
    await predict.locator('[data-choice="mix-latest"]').check();
    await page.getByTestId('predict-commit').click();
    await expect(predict).toHaveAttribute('data-state', 'held');
    await expect(page.getByTestId('predict-held')).toContainText(ui.answerHidden);
    await expect(page.getByTestId('predict-result')).toHaveCount(0);
    await expect(predict.locator('.predict-choice.answer')).toHaveCount(0);
    // The figures that would answer it wait too: the outputs O and the bars.
    await expect(page.getByTestId('parallel-view').getByTestId('answer-gate')).toHaveAttribute('data-state', 'held');
    await expect(page.getByTestId('parallel-O')).toHaveCount(0);
    await expect(page.getByTestId('answers')).toHaveAttribute('data-revealed', 'false');
    await page.getByTestId('predict-reveal').click();
    await expect(predict).toHaveAttribute('data-state', 'right');
    await expect(page.getByTestId('predict-result')).toBeVisible();
    await expect(page.getByTestId('parallel-O')).toBeVisible();
    await expect(page.getByTestId('answers')).toHaveAttribute('data-revealed', 'true');
    await expect(predict.locator('.predict-choice.answer')).toHaveCount(1);
    expect(problems).toEqual([]);
  });

  if (lang === 'en')
  test(`presenter mode from the keyboard alone: P, PageDown, arrows, Esc (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    const s = { ...siteStrings[lang], ...classroomStrings[lang] };
    await openLink(page, `/?lang=${lang}#/chapter/linear-attention`);
    // Typing P into a field is typing, not a shortcut.
    await stepTo(page, 0);
    const field = page.getByTestId('edit-q');
    const text = await field.inputValue();
    await field.click();
    await page.keyboard.press('End');
    await page.keyboard.press('p');
    await expect(field).toHaveValue(`${text}p`);
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    await page.keyboard.press('Backspace'); // back to the vector as it was: leaving the field changes nothing
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveClass(/presenting/);
    await expect(page.getByTestId('presenter-keys')).toHaveText(s.present.keys);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
    await linkWith(page, 'present=1');
    // The figure has the focus, so a clicker's arrows step it.
    await expect(page.getByTestId('memory-lab')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('memory')).toHaveAttribute('data-step', '1');
    await expectState(page, linearAttentionPreset('random', 1), 1);

    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.chapterTitles['write-read']);
    await expect(page.getByTestId('memory-lab')).toBeFocused();
    await expect(page.locator('html')).toHaveClass(/presenting/);
    const link = await linkWith(page, 'present=1', '#/chapter/write-read');
    expect(new URL(link).search).not.toMatch(/[?&]t=/); // the previous chapter's step stays behind
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const pairs = writeReadPreset('overlapping');
    await expectState(page, writeReadCase(pairs.keys, pairs.values, pairs.query), 1);
    await keepScreenshot(page, `classroom-presenter-${lang}`);
    await page.screenshot({ path: `e2e-artifacts/classroom-presenter-screen-${lang}.png` }); // what the hall sees
    await expectAccessible(page);

    await page.keyboard.press('PageUp');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.chapterTitles['linear-attention']);
    await expect(page.getByTestId('memory-lab')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    await expect.poll(() => page.url()).not.toContain('present=');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
    // Outside presenter mode PageDown is the browser's again.
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.chapterTitles['linear-attention']);
    expect(problems).toEqual([]);
  });
}

