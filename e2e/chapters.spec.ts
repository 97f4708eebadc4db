// Chapters 2, 3 and 5, as a learner uses them: live backends, the equivalence badge, stepping,
// hover sync, keyboard, sliders — every number checked against the float64 core.
import { expect, test, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import { decayMask } from '../src/core/parallel';
import { readBreakdown } from '../src/core/recall';
import type { Case } from '../src/core/cases';
import { linearAttentionPreset, retnetPreset, writeReadCase, writeReadPreset } from '../src/app/chapters/presets';
import { keepScreenshot, maxDiff, parallelBackend, readMatrix, scrollIntoViewStill, tolerance, watchConsole } from './helpers';

const LANGS = ['en', 'zh-TW'] as const;

async function openChapter(page: Page, slug: string, lang: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // end states at once: numbers are stable to read
  await page.goto(`/?lang=${lang}#/chapter/${slug}`);
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend());
  await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm');
  const badge = page.getByTestId('equivalence-badge');
  await expect(badge).toHaveAttribute('data-parallel-backend', parallelBackend());
  await expect(badge).toHaveAttribute('data-recurrent-backend', 'wasm');
  await expect(badge).toHaveAttribute('data-ok', 'true');
}

/** The memory S_t the page shows, after moving the cursor with keys from the start. */
async function stepTo(page: Page, t: number) {
  const region = page.getByTestId('memory-lab');
  await expect(region).toBeVisible(); // an unpainted stage (pageSettle.tsx) cannot take the focus
  await region.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i <= t; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('memory')).toHaveAttribute('data-step', String(t));
}

async function expectStateMatches(page: Page, c: Case, t: number) {
  // Reduced motion still shows each beat (decay, write, read) at its end state: wait for the last.
  await expect(page.getByTestId('memory')).toHaveAttribute('data-beat', 'read');
  await expect(page.getByTestId('memory')).toHaveAttribute('data-progress', '1.00');
  const ref = runReference(c, 'recurrent').steps?.[t].S ?? [];
  const shown = await readMatrix(page.getByTestId('memory-S'));
  expect(maxDiff(shown, ref)).toBeLessThanOrEqual(tolerance(ref) + 5e-3); // cells show 2 decimals; data-value is exact
  const exact = await page.getByTestId('memory-S').evaluate((el) =>
    Array.from(el.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.getAttribute('data-value')))),
  );
  expect(maxDiff(exact, ref)).toBeLessThanOrEqual(tolerance(ref));
}

for (const lang of LANGS) {
  test(`ch. 2 linear attention: live, stepping, hover sync, keyboard (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await openChapter(page, 'linear-attention', lang);
    const c = linearAttentionPreset('random', 1);
    const diff = Number(await page.getByTestId('equivalence-badge').getAttribute('data-diff'));
    expect(diff).toBeLessThanOrEqual(tolerance(runReference(c, 'recurrent').o));
    expect(maxDiff(await readMatrix(page.getByTestId('parallel-O')), runReference(c, 'parallel').o)).toBeLessThanOrEqual(tolerance(runReference(c, 'parallel').o));

    // Keyboard: → steps, End jumps to the last step, Space plays.
    await stepTo(page, 2);
    await expectStateMatches(page, c, 2);
    await page.keyboard.press('End');
    await expect(page.getByTestId('memory')).toHaveAttribute('data-step', '7');
    await expectStateMatches(page, c, 7);
    await page.keyboard.press('Home');
    await expect(page.getByTestId('playback')).toHaveAttribute('data-step', '-1');
    await page.keyboard.press(' ');
    await expect(page.getByTestId('playback')).toHaveAttribute('data-playing', 'true');
    await expect(page.getByTestId('playback')).not.toHaveAttribute('data-step', '-1');
    await page.keyboard.press(' ');
    await expect(page.getByTestId('playback')).toHaveAttribute('data-playing', 'false');

    // Hover sync: hovering row 5 of the parallel matrix shows step 5 in the recurrent view…
    await page.locator('[data-testid="attention"] [data-row="4"]').hover();
    await expect(page.getByTestId('memory')).toHaveAttribute('data-step', '4');
    await expect(page.getByTestId('attention')).toHaveAttribute('data-hovered-step', '4');
    await expectStateMatches(page, c, 4);
    // …and hovering step 3 in the recurrent view highlights row 3 of the parallel matrix.
    await page.getByTestId('step-track').locator('[data-step="2"]').hover();
    await expect(page.getByTestId('attention')).toHaveAttribute('data-hovered-step', '2');
    await expect(page.locator('[data-testid="attention"] [data-row="2"]')).toHaveAttribute('data-hovered', 'true');
    await page.mouse.move(0, 0);

    // Editing k₁ reruns the live model; the page agrees with the core on the edited input.
    await stepTo(page, 0);
    await page.getByTestId('edit-k').fill('1, 0, 0, 0');
    await page.getByTestId('edit-k').press('Enter');
    const edited = { ...c, k: c.k.map((row, t) => (t === 0 ? [1, 0, 0, 0] : row)) };
    await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
    await expectStateMatches(page, edited, 0);
    // A bad vector is refused with a message, and the figure keeps the last good input.
    await page.getByTestId('edit-v').fill('1, NaN, 2');
    await page.getByTestId('edit-v').press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'v₁' })).toBeVisible();
    await expectStateMatches(page, edited, 0);

    await keepScreenshot(page, `ch02-linear-attention-${lang}`);
    expect(problems).toEqual([]);
  });

  test(`ch. 3 write with k, read with q: keys move, the read shows its crosstalk (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await openChapter(page, 'write-read', lang);
    const pairs = writeReadPreset('overlapping');
    const expectRead = async (keys: number[][]) => {
      const ref = readBreakdown(keys, pairs.values, pairs.query);
      const total = await page.getByTestId('read-terms-total').locator('[data-value]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
      expect(maxDiff([total], [ref.total])).toBeLessThanOrEqual(1e-12);
      // The live model's last read is the same S q.
      await page.getByTestId('memory-lab').focus();
      await page.keyboard.press('End');
      const o = runReference(writeReadCase(keys, pairs.values, pairs.query), 'recurrent').o;
      expect(maxDiff([o[o.length - 1]], [ref.total])).toBeLessThanOrEqual(1e-12);
      await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
      const shownO = await readMatrix(page.getByTestId('parallel-O'));
      expect(maxDiff([shownO[shownO.length - 1]], [ref.total])).toBeLessThanOrEqual(tolerance(o));
      return Number(await page.getByTestId('read-terms').getAttribute('data-crosstalk'));
    };
    // Overlapping keys: k₂ᵀq = 0.8 leaks 0.8·v₂ into the read.
    expect(await expectRead(pairs.keys)).toBeCloseTo(0.8, 10);
    // Move k₂ with the keyboard: each ← moves it by 0.1 (0.8 → 0.7): less overlap, less crosstalk.
    const k2 = page.locator('[data-point="k1"]');
    await k2.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(k2).toHaveAttribute('data-x', '0.7');
    expect(await expectRead([[1, 0], [0.7, 0.6]])).toBeCloseTo(0.7, 10);
    // Orthogonal keys: exact recall.
    await page.getByTestId('preset').selectOption('orthogonal');
    expect(await expectRead(writeReadPreset('orthogonal').keys)).toBe(0);
    await keepScreenshot(page, `ch03-write-read-${lang}`);
    expect(problems).toEqual([]);
  });

  test(`ch. 5 RetNet: γ changes the mask and the state together (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await openChapter(page, 'retnet', lang);
    for (const gamma of [0.8, 0.5]) {
      if (gamma !== 0.8) await page.getByTestId('gamma').fill(String(gamma));
      const c = retnetPreset('random', gamma);
      await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
      await stepTo(page, 6);
      await expectStateMatches(page, c, 6);
      // The parallel row of step 7 is tril(QKᵀ) ⊙ D with D = γ^{t−s}.
      const row = (await page.locator('[data-testid="attention"] [data-row="6"]').getAttribute('data-values'))?.split(',').map(Number) ?? [];
      const M = runReference(c, 'parallel').M ?? [];
      expect(maxDiff([row], [M[6]])).toBeLessThanOrEqual(tolerance(M));
      const D = decayMask(c.q.map(() => gamma));
      expect(M[6][3] / (runReference({ ...c, gamma: 1 }, 'parallel').M ?? [])[6][3]).toBeCloseTo(D[6][3], 10);
    }
    await expect(page.getByTestId('memory-length')).toContainText('2.0');
    await keepScreenshot(page, `ch05-retnet-${lang}`);
    expect(problems).toEqual([]);
  });
}

test('chapter navigation and language switch persist across pages', async ({ page }) => {
  await page.goto('/#/chapter/linear-attention');
  // The link at the foot of the page: parts on the way (a trained model's panel, skipped passages) take
  // their height as the scroll nears them, so click once it holds still.
  const next = page.getByRole('link', { name: /Chapter 3/ }).last();
  await scrollIntoViewStill(next);
  await next.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write with k, read with q');
  await page.getByLabel('Language').selectOption('zh-TW');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('用 k 寫入，用 q 讀取');
  expect(page.url()).toContain('lang=zh-TW');
  await page.goto('/#/chapter/retnet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('刻意遺忘：RetNet');
  await page.goto('/?lang=en#/chapter/nowhere');
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test('home page explains the site and runs a live figure', async ({ page }) => {
  await page.goto('/?lang=en#/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Memory Lane');
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend());
  await expect(page.getByTestId('equivalence')).toHaveAttribute('data-live', 'true');
  await keepScreenshot(page, 'home-en');
});
