// Chapter 8, as a learner uses it: predict "Where is Joe?", see linear attention and DeltaNet answer
// the story (two live models), edit the story from the keyboard, step through DeltaNet's memory and
// read each write as a gradient step — every number checked against the float64 core.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import { float32Tolerance } from '../src/core/float32';
import { deltaStepTerms } from '../src/core/deltaStep';
import { DEFAULT_STORY, PLACES, latestPlace, storyAnswer, storyCase, visitCounts, type Story, type StoryMemory } from '../src/core/story';
import { keepScreenshot, maxDiff, parallelBackend, readMatrix, tolerance, watchConsole } from './helpers';

const LANGS = ['en', 'zh-TW'] as const;
const LINEAR: StoryMemory = { mechanism: 'linear_attention' };
const DELTA: StoryMemory = { mechanism: 'deltanet', beta: 1 };

async function openChapter(page: Page, lang: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // every beat at its end state: stable numbers
  await page.goto(`/?lang=${lang}#/chapter/deltanet`);
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend());
  await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
}

/** The scores a bar chart shows (data-value of each row, in PLACES order). */
async function readBars(chart: Locator): Promise<number[]> {
  return chart.locator('[data-value]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
}

/** Both answer columns agree with the core on this story (polled: a live rerun may still be on its way). */
async function expectAnswers(page: Page, story: Story, delta: StoryMemory = DELTA) {
  const linearRef = storyAnswer(story, LINEAR).scores;
  const deltaRef = storyAnswer(story, delta).scores;
  const tol = float32Tolerance([linearRef, deltaRef]);
  await expect.poll(async () => maxDiff([await readBars(page.getByTestId('answer-linear-bars'))], [linearRef])).toBeLessThanOrEqual(tol);
  await expect.poll(async () => maxDiff([await readBars(page.getByTestId('answer-delta-bars'))], [deltaRef])).toBeLessThanOrEqual(tol);
  // Linear attention's scores are the visit counts; DeltaNet (β = 1) names the latest place.
  const shownLinear = await readBars(page.getByTestId('answer-linear-bars'));
  expect(maxDiff([shownLinear], [visitCounts(story, story.question)])).toBeLessThanOrEqual(tol);
  if (delta.mechanism === 'deltanet' && delta.beta === 1)
    await expect(page.getByTestId('answer-delta')).toHaveAttribute('data-top', latestPlace(story, story.question) ?? '');
  // Both columns were computed live, on WebGPU.
  await expect(page.getByTestId('answer-linear-backend')).toHaveAttribute('data-backend', parallelBackend());
  await expect(page.getByTestId('answer-delta-backend')).toHaveAttribute('data-backend', parallelBackend());
}

/** Move the cursor to step t with the keyboard, from the empty memory. */
async function stepTo(page: Page, t: number) {
  await page.mouse.move(0, 0); // a pointer resting on a row or step mark would hover that step instead
  await expect(page.getByTestId('memory-lab')).toBeVisible(); // an unpainted stage cannot take the focus
  await page.getByTestId('memory-lab').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i <= t; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('memory')).toHaveAttribute('data-step', String(t));
}

/** The memory S_t shown equals the core's (polled until the live trace of this input is in). */
async function expectState(page: Page, story: Story, memory: StoryMemory, t: number) {
  const ref = runReference(storyCase(story, memory), 'recurrent').steps?.[t].S ?? [];
  await expect.poll(async () => maxDiff(await readMatrix(page.getByTestId('memory-S')), ref)).toBeLessThanOrEqual(tolerance(ref));
}

const num = async (el: Locator) => Number(await el.getAttribute('data-value'));

for (const lang of LANGS) {
  test(`ch. 8 DeltaNet: predict, the story's answers, gradient steps, β and α (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await openChapter(page, lang);

    // Predict, then reveal: the bars and the story editor wait for a committed guess.
    const predict = page.getByTestId('predict');
    await expect(predict).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('answers')).toHaveAttribute('data-revealed', 'false');
    await expect(page.getByTestId('answers-hidden')).toBeVisible();
    await expect(page.getByTestId('answer-linear')).toHaveCount(0);
    await expect(page.getByTestId('story-locked')).toBeVisible();
    await expect(page.getByTestId('add-fact')).toHaveCount(0);
    await expect(page.getByTestId('predict-commit')).toBeDisabled();
    const guess = lang === 'en' ? 'mix-latest' : 'first-latest';
    await predict.locator(`[data-choice="${guess}"]`).check();
    await page.getByTestId('predict-commit').click();
    await expect(predict).toHaveAttribute('data-state', guess === 'mix-latest' ? 'right' : 'wrong');
    await expect(page.getByTestId('predict-result')).toBeVisible();
    await expect(page.getByTestId('answers')).toHaveAttribute('data-revealed', 'true');

    // The default story: linear attention ties garden, bathroom and kitchen; DeltaNet says kitchen.
    await expectAnswers(page, DEFAULT_STORY);
    await expect(page.getByTestId('answer-linear')).toHaveAttribute('data-tied', 'garden,kitchen,bathroom');
    await expect(page.getByTestId('answer-delta')).toHaveAttribute('data-top', 'kitchen');

    // Edit the story from the keyboard: Joe goes to the garden twice more.
    await page.getByTestId('add-entity').selectOption('joe');
    await page.getByTestId('add-place').selectOption('garden');
    await page.getByTestId('add-fact').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const twice: Story = { ...DEFAULT_STORY, facts: [...DEFAULT_STORY.facts, { entity: 'joe', place: 'garden' }, { entity: 'joe', place: 'garden' }] };
    await expect(page.getByTestId('story-facts').locator('li')).toHaveCount(7);
    await expectAnswers(page, twice);
    await expect(page.getByTestId('answer-delta')).toHaveAttribute('data-top', 'garden');
    expect(visitCounts(twice, 'joe')[PLACES.indexOf('garden')]).toBe(3);
    // Remove the first fact with the keyboard; focus stays in the list.
    await page.getByTestId('remove-fact-1').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('story-facts').locator('li')).toHaveCount(6);
    await expect(page.getByTestId('remove-fact-1')).toBeFocused();
    const removed: Story = { ...twice, facts: twice.facts.slice(1) };
    await expectAnswers(page, removed);
    // Ask about Mary instead.
    await page.getByTestId('ask-entity').selectOption('mary');
    await expectAnswers(page, { ...removed, question: 'mary' });
    await page.getByTestId('reset-story').click();
    await expect(page.getByTestId('story-facts').locator('li')).toHaveCount(5);
    await expectAnswers(page, DEFAULT_STORY);

    // DeltaNet's memory at fact 5 (Joe → kitchen) equals the core; the write is one gradient step.
    await stepTo(page, 4);
    await expectState(page, DEFAULT_STORY, DELTA, 4);
    const c = storyCase(DEFAULT_STORY, DELTA);
    const rec = runReference(c, 'recurrent').steps?.[4];
    if (!rec) throw new Error('the core has no step 5');
    const terms = deltaStepTerms(rec, c.k[4], c.v[4], 1);
    expect(terms.lossBefore).toBeCloseTo(1, 12); // ½‖bathroom − kitchen‖²
    expect(await num(page.getByTestId('loss-before'))).toBeCloseTo(terms.lossBefore, 5);
    expect(await num(page.getByTestId('loss-after'))).toBeLessThanOrEqual(1e-6); // β = 1, unit key: 0
    await expect(page.getByTestId('loss-after')).toContainText('0.000');
    const errorRows = await readMatrix(page.getByTestId('delta-error'));
    expect(maxDiff(errorRows, terms.oldValue.map((old, i) => [old, c.v[4][i], terms.error[i]]))).toBeLessThanOrEqual(1e-5);
    expect(maxDiff(await readMatrix(page.getByTestId('delta-correction')), terms.correction)).toBeLessThanOrEqual(1e-5);
    // The question step only reads.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('delta-step-read-only')).toBeVisible();

    // β = 2 reflects: the loss does not fall, and garden and kitchen tie at 2 with the bathroom at −2.
    await page.getByTestId('beta').fill('2');
    await expect(page.getByTestId('beta-regime')).toHaveAttribute('data-regime', 'reflect');
    const reflect: StoryMemory = { mechanism: 'deltanet', beta: 2 };
    await expectAnswers(page, DEFAULT_STORY, reflect);
    await expect(page.getByTestId('answer-delta')).toHaveAttribute('data-tied', 'garden,kitchen');
    await stepTo(page, 4);
    await expectState(page, DEFAULT_STORY, reflect, 4);
    await expect.poll(async () => Math.abs((await num(page.getByTestId('loss-after'))) - (await num(page.getByTestId('loss-before'))))).toBeLessThanOrEqual(1e-4);
    expect(await num(page.getByTestId('loss-factor'))).toBeCloseTo(1, 6);
    await page.getByTestId('beta').fill('1');
    await expect(page.getByTestId('beta-regime')).toHaveAttribute('data-regime', 'exact');

    // Gated DeltaNet: α = 0.8 fades Joe's kitchen once (the question step) after his last move.
    await page.getByTestId('gated-toggle').check();
    await expect(page.getByTestId('alpha')).toBeVisible();
    const gated: StoryMemory = { mechanism: 'gated_deltanet', beta: 1, alpha: 0.8 };
    await expectAnswers(page, DEFAULT_STORY, gated);
    expect((await readBars(page.getByTestId('answer-delta-bars')))[PLACES.indexOf('kitchen')]).toBeCloseTo(0.8, 5);
    await expect(page.getByTestId('answer-delta')).toHaveAttribute('data-top', 'kitchen');
    await stepTo(page, 2);
    await expectState(page, DEFAULT_STORY, gated, 2);
    await expect(page.getByTestId('memory-gate')).toHaveAttribute('data-value', '0.8');
    expect(await num(page.getByTestId('loss-after'))).toBeLessThanOrEqual(1e-6);
    await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
    await page.getByTestId('gated-toggle').uncheck();

    await stepTo(page, 4);
    await expect(page.getByTestId('memory')).toHaveAttribute('data-beat', 'read'); // the step's last beat: S_t and o_t
    await keepScreenshot(page, `ch08-deltanet-${lang}`);
    expect(problems).toEqual([]);
  });
}
