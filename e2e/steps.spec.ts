// Step-linked reading (issue #16): for every chapter whose prose declares steps, ?step=n opens the
// chapter at step n; K steps back to the first, the navigator's button and the J key move through every
// step; at each one the figure is in the declared state (the memory's step and beat, the reading step,
// the views on show) and no quantity the step holds back is visible.
// The expected states come from the content files themselves, read by the same parser the page uses.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHAPTERS } from '../src/app/chapters/registry';
import { splitSteps, type ResolvedStep } from '../src/app/steps/parse';
import { keepViewportScreenshot, STEP_TEST_ID as TEST_ID, watchConsole } from './helpers';
import { axeViolations } from './axe';
import { stepsOf } from './contentSteps';

const LANGS = ['en', 'zh-TW'] as const;


/** Chapters whose memory figure waits for an exercise: e2e/steps-more.spec.ts steps through them, gate and all. */
const GATED = new Set<string>(['gates', 'deltanet', 'mamba']);
/** Chapters whose figure is not (only) the memory lab: e2e/steps-figures.spec.ts steps through them. */
const OTHER_FIGURES = new Set<string>(['why', 'rnn', 'where-they-stand']);
const STEPPED = CHAPTERS.filter((c) => c.load && stepsOf(c.contentId, 'en').length > 0 && !GATED.has(c.slug) && !OTHER_FIGURES.has(c.slug));

test('at least chapters 2 and 5 declare steps', () => {
  expect(STEPPED.map((c) => c.slug)).toEqual(expect.arrayContaining(['linear-attention', 'retnet']));
});

async function expectStepState(page: Page, step: ResolvedStep, N: number) {
  const lab = page.getByTestId('memory-lab');
  await expect(page.getByTestId('step-count')).toHaveAttribute('data-step', String(step.index));
  await expect(page.locator(`[data-testid="step-passage"][aria-current="step"]`)).toHaveAttribute('data-step-index', String(step.index));
  await expect(page.getByTestId('step-reading')).toHaveAttribute('data-active-step', String(step.index));
  await expect(lab).toHaveAttribute('data-reading-step', String(step.index));
  await expect(lab).toHaveAttribute('data-hidden', step.hidden.join(' '));
  await expect(lab).toHaveAttribute('data-step-highlight', step.highlight.join(' '));
  // The inputs (which name q, k, v) wait behind one click while a step drives the figure.
  if ((await lab.getByTestId('step-controls').count()) > 0) await expect(lab.getByTestId('step-controls')).not.toHaveAttribute('open', '');
  const memory = lab.getByTestId('memory');
  await expect(memory).toHaveAttribute('data-step', String(step.t - 1));
  if (step.beat) await expect(memory).toHaveAttribute('data-beat', step.beat);
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe(String(step.index));
  // Nothing the step holds back is on show, anywhere on the page.
  for (const q of step.hidden) await expect(page.getByTestId(TEST_ID[q]), `step ${step.index}/${N}: ${q} is hidden`).toHaveCount(0);
  // The views the step asks for, and the memory's state where it is not held back.
  await expect(lab.getByTestId('recurrent-view')).toBeVisible();
  if (step.view === 'recurrent') await expect(lab.getByTestId('parallel-view')).toBeHidden();
  else await expect(lab.getByTestId('parallel-view')).toBeVisible();
  if (!step.hidden.includes('S')) await expect(lab.getByTestId('memory-S')).toBeVisible();
  if (step.view !== 'recurrent' && !step.hidden.includes('A')) await expect(lab.getByTestId('attention')).toBeVisible();
}

for (const chapter of STEPPED) {
  // Both languages declare the same states (src/app/steps/parse.test.ts), so each chapter is walked in
  // one language, alternating down the chapters (pages.spec.ts opens every chapter in both).
  const lang = LANGS[STEPPED.indexOf(chapter) % LANGS.length];
  test(`${chapter.slug} (${lang}): ?step=n opens the chapter at step n; K, the navigator and J move the figure through the declared steps`, async ({ page }) => {
    const problems = watchConsole(page);
    const steps = stepsOf(chapter.contentId, lang);
    const N = steps.length;
    const n = Math.min(3, N);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?lang=${lang}&step=${n}#/chapter/${chapter.slug}`);
    await expect(page.getByTestId('memory-lab').getByTestId('memory')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`${N}`));
    await expectStepState(page, steps[n - 1], N);
    // Back to the first step with K.
    for (let i = n - 1; i > 0; i--) {
      await page.locator('h1').click(); // focus on the page, not on a field
      await page.keyboard.press('k');
      await expectStepState(page, steps[i - 1], N);
    }
    await keepViewportScreenshot(page, `steps-${chapter.slug}-1-${lang}-1440`);
    for (let i = 1; i < N; i++) {
      // Alternate the two ways a reader moves on: the button, then the key.
      if (i % 2 === 1) await page.getByTestId('step-next').click();
      else {
        await page.locator('h1').click();
        await page.keyboard.press('j');
      }
      await expectStepState(page, steps[i], N);
    }
    await expect(page.getByTestId('step-next')).toBeDisabled();
    await keepViewportScreenshot(page, `steps-${chapter.slug}-${N}-${lang}-1440`);
    if (STEPPED.indexOf(chapter) === 0) {
      // A step past the end is the last step.
      await page.goto(`/?lang=${lang}&step=99#/chapter/${chapter.slug}`);
      await page.reload();
      await expect(page.getByTestId('memory-lab').getByTestId('memory')).toBeVisible({ timeout: 60_000 });
      await expectStepState(page, steps[N - 1], N);
    }
    expect(problems).toEqual([]);
  });
}

test('without ?step the figure is the overview, and the start button begins at step 1', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?lang=en#/chapter/linear-attention');
  const lab = page.getByTestId('memory-lab');
  await expect(lab.getByTestId('attention')).toBeVisible({ timeout: 60_000 });
  await expect(lab).toHaveAttribute('data-reading-step', '0');
  await page.getByTestId('step-start').click();
  await expectStepState(page, stepsOf('ch02-linear-attention', 'en')[0], stepsOf('ch02-linear-attention', 'en').length);
  // The stepped page (navigator, passages, the figure beside them) has no WCAG A/AA violations.
  expect((await axeViolations(page)).found).toEqual([]);
});

for (const lang of LANGS) {
  test(`a phone shows the figure inline above the steps (${lang})`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?lang=${lang}&step=2#/chapter/linear-attention`);
    const lab = page.getByTestId('memory-lab');
    await expect(lab.getByTestId('memory')).toBeVisible({ timeout: 60_000 });
    // The figure sits between passage 1 and the active passage 2; after J it moves above passage 3.
    const passage = (n: number) => page.locator(`[data-testid="step-passage"][data-step-index="${n}"]`);
    const above = async (a: Locator, b: Locator) => {
      const [x, y] = [await a.boundingBox(), await b.boundingBox()];
      return !!x && !!y && x.y + x.height <= y.y + 1;
    };
    expect(await above(passage(1), lab)).toBe(true);
    expect(await above(lab, passage(2))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('step-next').click();
    await expect(lab).toHaveAttribute('data-reading-step', '3');
    expect(await above(passage(2), lab)).toBe(true);
    expect(await above(lab, passage(3))).toBe(true);
    await keepViewportScreenshot(page, `steps-phone-${lang}-390-figure`);
    await passage(3).scrollIntoViewIfNeeded();
    await keepViewportScreenshot(page, `steps-phone-${lang}-390-passage`);
  });

  test(`presenter mode: PageDown moves through the steps, then the chapter; notes below the fold (${lang})`, async ({ page }) => {
    const steps = stepsOf('ch05-retnet', lang);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/?lang=${lang}&present=1&step=1#/chapter/retnet`);
    await expect(page.locator('html')).toHaveClass(/presenting/);
    await expect(page.getByTestId('memory-lab').getByTestId('memory')).toBeVisible({ timeout: 60_000 });
    const notes = page.getByTestId('speaker-notes');
    await expect(notes).toBeAttached();
    // Below the fold: the hall sees the figure, not the notes.
    const box = await notes.boundingBox();
    expect(box && box.y).toBeGreaterThanOrEqual(1080);
    const source = splitSteps(readFileSync(`content/${lang}/ch05-retnet.md`, 'utf8'));
    await expect(page.getByTestId('speaker-notes-text')).toHaveText(source.steps[0].notes);
    await page.screenshot({ path: `e2e-artifacts/steps-presenter-${lang}-1920.png` });
    await notes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e-artifacts/steps-presenter-notes-${lang}-1920.png` });
    await page.getByTestId('memory-lab').focus();
    for (let i = 1; i < steps.length; i++) {
      await page.keyboard.press('PageDown');
      await expect(page.getByTestId('memory-lab')).toHaveAttribute('data-reading-step', String(i + 1));
      await expect(page.getByTestId('memory-lab')).toHaveAttribute('data-hidden', steps[i].hidden.join(' '));
      await expect(page.getByTestId('speaker-notes-text')).toHaveText(source.steps[i].notes);
    }
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('memory-lab')).toHaveAttribute('data-reading-step', String(steps.length - 1));
    await page.keyboard.press('PageDown');
    // Settled on the last step before the next key (two keys in one frame both see the step before).
    await expect(page.getByTestId('memory-lab')).toHaveAttribute('data-reading-step', String(steps.length));
    await page.keyboard.press('PageDown'); // past the last step: the next chapter
    await expect(page.locator('article.chapter')).toHaveAttribute('data-chapter', 'gates');
  });
}
