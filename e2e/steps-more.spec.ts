// Step-linked reading on the chapters whose figure waits for an exercise (issue #16): the steps move
// the figure through their declared states, yet the exercise's gate still wins — until the learner
// locks in a guess, a step never shows the answer (the parallel view and the answering steps of the
// memory stay placeholders, whatever the step asks for). One page load per chapter and language:
// the link opens at step 3 (?step=n), K walks back to step 1, J and the button walk to the end, then the
// guess is locked in and K walks back over the answering steps, which now show the memory.
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_STORY } from '../src/core/story';
import { TOKENS, isSalient } from '../src/app/chapters/ch09-mamba/presets';
import { CLEAR, gatesPreset } from '../src/core/tokenGates';
import type { ExerciseId } from '../src/app/exercises';
import type { ResolvedStep } from '../src/app/steps/parse';
import { keepViewportScreenshot, lockInExercise, STEP_TEST_ID as TEST_ID, watchConsole } from './helpers';
import { stepsOf } from './contentSteps';

const LANGS = ['en', 'zh-TW'] as const;


interface Gated {
  slug: string;
  contentId: string;
  exercise: ExerciseId;
  /** Whether a memory step (0-based) answers the exercise, for the chapter's default input. */
  locks: (step: number) => boolean;
  /** Whether the stepped prose itself explains the answer (a held passage: it waits for the guess too). */
  proseHeld: boolean;
}

const CHAPTERS: Gated[] = [
  // Chapter 6: the read right after the first ⟲ of the default sequence is the answer.
  { slug: 'gates', contentId: 'ch06-gates', exercise: 'gates', locks: (s) => s >= gatesPreset('one-clear').indexOf(CLEAR) + 1, proseHeld: false },
  // Chapter 8: from the asked person's second fact on, the memory shows the overwrite.
  {
    slug: 'deltanet',
    contentId: 'ch08-deltanet',
    exercise: 'deltanet',
    locks: (s) => s >= DEFAULT_STORY.facts.flatMap((f, i) => (f.entity === DEFAULT_STORY.question ? [i] : []))[1],
    proseHeld: true,
  },
  // Chapter 9 (panel 3): the fillers' steps show how much they keep; the digits' steps stay open.
  { slug: 'mamba', contentId: 'ch09-mamba', exercise: 'mamba-selective', locks: (s) => !isSalient(TOKENS[s]), proseHeld: false },
];

async function expectStepState(page: Page, ch: Gated, step: ResolvedStep, N: number, answered: boolean) {
  const lab = page.getByTestId('memory-lab');
  const where = `step ${step.index}/${N}${answered ? ' (answered)' : ''}`;
  await expect(page.getByTestId('step-count')).toHaveAttribute('data-step', String(step.index));
  await expect(page.locator('[data-testid="step-passage"][aria-current="step"]')).toHaveAttribute('data-step-index', String(step.index));
  await expect(lab).toHaveAttribute('data-reading-step', String(step.index));
  await expect(lab).toHaveAttribute('data-hidden', step.hidden.join(' '));
  await expect(lab).toHaveAttribute('data-step-highlight', step.highlight.join(' '));
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe(String(step.index));
  // A passage that explains the answer waits for the guess, like the figure.
  const passage = page.locator('[data-testid="step-passage"][aria-current="step"]');
  await expect(passage.getByTestId('answer-gate'), where).toHaveCount(ch.proseHeld && !answered ? 1 : 0);
  // The step's t is the cursor's (the link's ?t names it), gated or not.
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe(String(step.t));
  // Nothing the step holds back is on show, anywhere on the page.
  for (const q of step.hidden) await expect(page.getByTestId(TEST_ID[q]), `${where}: ${q} is hidden`).toHaveCount(0);
  // The views the step asks for.
  const parallel = lab.getByTestId('parallel-view');
  const recurrent = lab.getByTestId('recurrent-view');
  await expect(recurrent).toBeVisible();
  if (step.view === 'recurrent') await expect(parallel).toBeHidden();
  else await expect(parallel).toBeVisible();
  // The memory: held back at an answering step until the guess is in; otherwise in the step's state.
  const locked = !answered && ch.locks(step.t - 1);
  if (locked) {
    await expect(recurrent.getByTestId('answer-gate'), where).toHaveAttribute('data-state', 'locked');
    await expect(recurrent.getByTestId('memory'), where).toHaveCount(0);
  } else {
    const memory = recurrent.getByTestId('memory');
    await expect(memory, where).toHaveAttribute('data-step', String(step.t - 1));
    if (step.beat) await expect(memory, where).toHaveAttribute('data-beat', step.beat);
    if (!step.hidden.includes('S')) await expect(lab.getByTestId('memory-S')).toBeVisible();
  }
  // The parallel view shows every step at once: whatever the step shows, it waits for the guess.
  if (step.view !== 'recurrent') {
    if (!answered) {
      await expect(parallel.getByTestId('answer-gate'), where).toBeVisible();
      await expect(parallel.getByTestId('attention'), where).toHaveCount(0);
      await expect(parallel.getByTestId('parallel-O'), where).toHaveCount(0);
    } else {
      await expect(parallel.getByTestId('answer-gate')).toHaveCount(0);
      if (!step.hidden.includes('A')) await expect(parallel.getByTestId('attention')).toBeVisible();
      if (!step.hidden.includes('O')) await expect(parallel.getByTestId('parallel-O')).toBeVisible();
    }
  }
}

// Both languages declare the same states (src/app/steps/parse.test.ts): each chapter is walked in one
// language and checked on a phone in the other, alternating down the chapters.
for (const [n, ch] of CHAPTERS.entries()) {
  for (const lang of LANGS.filter((_, i) => i === n % LANGS.length)) {
    test(`${ch.slug} (${lang}): ?step=n, K and J move the figure through the declared steps; the exercise's gate still wins`, async ({ page }) => {
      const problems = watchConsole(page);
      const steps = stepsOf(ch.contentId, lang);
      const N = steps.length;
      expect(N).toBeGreaterThanOrEqual(3);
      // At least one step asks for an answering state, so the gate is put to the test.
      expect(steps.some((s) => ch.locks(s.t - 1))).toBe(true);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`/?lang=${lang}&step=3#/chapter/${ch.slug}`);
      await expect(page.getByTestId('memory-lab').getByTestId('step-track')).toBeVisible({ timeout: 60_000 });
      await expectStepState(page, ch, steps[2], N, false);
      const key = async (k: 'j' | 'k') => {
        await page.locator('h1').click(); // focus on the page, not on a field
        await page.keyboard.press(k);
      };
      await key('k');
      await expectStepState(page, ch, steps[1], N, false);
      await key('k');
      await expectStepState(page, ch, steps[0], N, false);
      await expect(page.getByTestId('step-prev')).toBeDisabled();
      await keepViewportScreenshot(page, `steps-${ch.slug}-1-${lang}-1440`);
      for (let i = 1; i < N; i++) {
        if (i % 2 === 1) await page.getByTestId('step-next').click();
        else await key('j');
        await expectStepState(page, ch, steps[i], N, false);
        // A move brings the figure the steps drive into view: its top in the upper half of the figure
        // column beside the text (in chapter 8 it sits below the story and the question).
        const view = await page.evaluate(() => {
          const column = document.querySelector('.step-figure')!;
          const lab = document.querySelector('[data-testid="memory-lab"]')!.getBoundingClientRect();
          return { top: lab.top - column.getBoundingClientRect().top, half: column.clientHeight / 2 };
        });
        expect(view.top, `step ${i + 1}: the figure's top is in the column's view`).toBeGreaterThanOrEqual(-1);
        expect(view.top, `step ${i + 1}: the figure's top is in the column's view`).toBeLessThanOrEqual(view.half + 1);
      }
      await expect(page.getByTestId('step-next')).toBeDisabled();
      await keepViewportScreenshot(page, `steps-${ch.slug}-${N}-${lang}-1440-locked`);
      // A locked part leads to the question that opens it (here from the keyboard): the focus lands on its first choice.
      await page.locator(`[data-testid="answer-gate"][data-exercise="${ch.exercise}"] [data-testid="answer-gate-go"]:visible`).first().focus();
      await page.keyboard.press('Enter');
      await expect(page.locator(`.predict[data-exercise="${ch.exercise}"] input[data-choice]`).first()).toBeFocused();
      // The guess is in: the same steps now show the answer.
      await lockInExercise(page, ch.exercise);
      await expectStepState(page, ch, steps[N - 1], N, true);
      await keepViewportScreenshot(page, `steps-${ch.slug}-${N}-${lang}-1440`);
      for (let i = N - 2; i >= 0; i--) {
        await key('k');
        await expectStepState(page, ch, steps[i], N, true);
      }
      expect(problems).toEqual([]);
    });
  }
}

// A phone: the navigator is one line and a step's jump leaves the figure below it, not under it.
for (const [n, ch] of CHAPTERS.entries()) {
  for (const lang of LANGS.filter((_, i) => i !== n % LANGS.length)) {
    test(`${ch.slug} (${lang}) on a phone: the navigator is one line and never covers the figure`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/?lang=${lang}&step=1#/chapter/${ch.slug}`);
      const lab = page.getByTestId('memory-lab');
      await expect(lab.getByTestId('step-track')).toBeVisible({ timeout: 60_000 });
      for (const n of [2, 3]) {
        await page.getByTestId('step-next').click();
        await expect(lab).toHaveAttribute('data-reading-step', String(n));
        const nav = await page.getByTestId('step-nav').boundingBox();
        const [prev, count, next] = await Promise.all(['step-prev', 'step-count', 'step-next'].map((id) => page.getByTestId(id).boundingBox()));
        expect(nav && prev && count && next).toBeTruthy();
        // One line: the three parts share a row (their vertical middles within a few pixels).
        const mid = (b: { y: number; height: number }) => b.y + b.height / 2;
        expect(Math.abs(mid(prev!) - mid(count!))).toBeLessThan(4);
        expect(Math.abs(mid(next!) - mid(count!))).toBeLessThan(4);
        // The figure's top is below the sticky bar's bottom.
        const fig = await lab.boundingBox();
        expect(fig!.y).toBeGreaterThanOrEqual(nav!.y + nav!.height - 1);
        await keepViewportScreenshot(page, `steps-${ch.slug}-${n}-${lang}-390`);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Stacked views: the caption names them, not their places on a wide screen.
      await expect(lab.locator('.figure-caption').first()).not.toHaveText(/Left|Right|左：|右：/);
    });
  }
}

// The lecturer's link builder names the part a link opens at: the page's own, or one the lecturer types.
for (const lang of LANGS) {
  test(`the lecturer link builder carries ?step (${lang})`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/?lang=${lang}&step=2#/chapter/gates`);
    await expect(page.getByTestId('memory-lab')).toHaveAttribute('data-reading-step', '2', { timeout: 60_000 });
    const field = page.getByTestId('builder-step');
    // Opened by its summary; a click that a late panel above it moved away from (a busy machine) is tried again.
    const help = page.getByTestId('lecturer-help');
    await expect(async () => {
      if (!(await help.evaluate((d) => (d as HTMLDetailsElement).open))) await help.locator('summary').click();
      await expect(field).toBeVisible({ timeout: 1000 });
    }).toPass();
    const link = page.getByTestId('builder-link');
    await expect(field).toHaveValue('2');
    await expect(link).toHaveValue(/[?&]step=2\b.*#\/chapter\/gates$/);
    await field.fill('4');
    await expect(link).toHaveValue(/[?&]step=4\b/);
    const href = await link.inputValue();
    await field.fill('0');
    await expect(link).not.toHaveValue(/[?&]step=/);
    await page.goto(href);
    await page.reload();
    await expect(page.getByTestId('memory-lab')).toHaveAttribute('data-reading-step', '4', { timeout: 60_000 });
    await expect(page.getByTestId('step-count')).toHaveAttribute('data-step', '4');
  });
}
