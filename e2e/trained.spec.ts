// Issue 8, as a learner meets it: a trained network answers the "where is X?" story live, with its
// confidence and the backend it ran on; typed sequences, bad words and a corrupt weights file; the
// held-out results table; the trained layer's memory played in the course's figure.
import { expect, test, type Page } from '@playwright/test';
import { rng } from '../src/core/random';
import { TASKS, parseTokens, solve, tokenName } from '../src/core/tasks';
import { forceWebGpu, keepScreenshot, parallelBackend, scrollIntoViewStill, watchConsole } from './helpers';

async function openPanel(page: Page, path: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(path);
  const panel = page.getByTestId('trained-panel');
  await scrollIntoViewStill(panel);
  await expect(panel.getByTestId('trained-backend')).toBeVisible({ timeout: 60_000 });
  return panel;
}

/** The story the panel generates by default (seed 1, 4 moves) and its right answer, from the core. */
function defaultStory(): { names: string[]; answer: string } {
  const level = TASKS.story.levels[1];
  const { tokens } = TASKS.story.make(rng(1 * 1000 + level), level);
  const truth = solve('story', tokens);
  return { names: tokens.map((t) => tokenName('story', t)), answer: tokenName('story', truth[truth.length - 1]) };
}

// On WebGPU in English, on WASM in Chinese: one run per backend, each language once.
for (const lang of ['en', 'zh-TW'] as const) {
  test(`chapter 8 (${lang}): trained DeltaNet answers the story question correctly, on ${lang === 'en' ? 'WebGPU @webgpu' : 'WASM'}`, async ({ page }) => {
    const problems = watchConsole(page);
    // 'auto' runs a trained network on WASM until both backends were measured; the link asks for WebGPU.
    const panel = await openPanel(page, `/?lang=${lang}${forceWebGpu()}#/chapter/deltanet`);
    await expect(panel.getByTestId('trained-backend')).toHaveAttribute('data-backend', parallelBackend());
    const story = defaultStory();
    await expect(panel.getByTestId('trained-tokens').locator('.tok')).toHaveText(story.names);
    const answer = panel.getByTestId('trained-answer').last();
    await expect(answer).toHaveAttribute('data-answer', story.answer);
    expect(Number(await answer.getAttribute('data-p'))).toBeGreaterThan(0.5);
    await expect(panel.getByTestId('trained-summary')).toContainText(lang === 'en' ? 'Correct.' : '答對了。');
    // The results table is the manifest's: DeltaNet's row is highlighted and every cell is a percentage.
    const row = panel.getByTestId('trained-table').locator('tr.current');
    await expect(row).toHaveAttribute('data-mechanism', 'deltanet');
    await expect(row.locator('td')).toHaveCount(TASKS.story.levels.length);
    await expect(row.locator('td').first()).toHaveText(/^\d+%$/);
    await expect(panel.getByTestId('trained-chart-live')).toBeVisible();
    await keepScreenshot(page, `trained-ch08-${lang}`);
    expect(problems).toEqual([]);
  });
}

test('a typed story is answered with the latest place; an unknown word gets a message', async ({ page }) => {
  const problems = watchConsole(page);
  const panel = await openPanel(page, '/?lang=en#/chapter/deltanet');
  const text = 'joe garden mary kitchen joe office mary garden ? joe';
  const parsed = parseTokens('story', text);
  if (!('tokens' in parsed)) throw new Error('bad fixture');
  await panel.getByTestId('trained-text').fill(text);
  await panel.getByTestId('trained-apply').click();
  await expect(panel.getByTestId('trained-answer').last()).toHaveAttribute('data-answer', 'office');
  await expect(panel.getByTestId('trained-summary')).toContainText('Correct.');

  await panel.getByTestId('trained-text').fill('joe moon ? joe');
  await panel.getByTestId('trained-apply').click();
  await expect(panel.getByTestId('trained-problem')).toContainText('“moon” is not a token of this task');
  expect(problems).toEqual([]);
});

test('the trained layer’s real q, k, v and gates play in the course’s memory figure', async ({ page }) => {
  const panel = await openPanel(page, '/?lang=en&tm=gated_deltanet#/chapter/deltanet');
  await expect(panel.getByTestId('trained-model')).toHaveValue('gated_deltanet');
  await panel.getByTestId('trained-show-memory').click();
  const figure = panel.getByTestId('memory');
  await expect(figure).toBeVisible();
  await expect(panel.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
});

test.describe('without the service worker (it would answer from its precache, past page.route)', () => {
  test.use({ serviceWorkers: 'block' });
  test('a corrupt weights file gets a clear message and the chapter keeps working', async ({ page }) => {
    await page.route('**/models/story/deltanet.bin', (route) => route.fulfill({ status: 200, body: Buffer.from([1, 2, 3, 4]) }));
    await page.goto('/?lang=en#/chapter/deltanet');
    const panel = page.getByTestId('trained-panel');
    await scrollIntoViewStill(panel);
    await expect(panel.getByTestId('trained-error')).toContainText('expected');
    await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend());
  });
});

test('playground: every task and model can be picked; the selective-copy table is there', async ({ page }) => {
  const panel = await openPanel(page, '/?lang=en#/playground');
  await panel.getByTestId('trained-task').selectOption('selective_copy');
  await panel.getByTestId('trained-model').selectOption('mamba');
  await expect(panel.getByTestId('trained-layer')).toBeVisible();
  // Eight mechanisms and the time-invariant contrast, which was trained for copying only.
  await expect(panel.getByTestId('trained-table').locator('tbody tr')).toHaveCount(9);
  await expect(panel.getByTestId('trained-table').locator('tr[data-mechanism="lti"] td').last()).toHaveText(/^\d+%$/);
  await expect(panel.getByTestId('trained-backend')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByTestId('trained-answer').first()).toHaveAttribute('data-answer', /^[A-P]$/);
  await keepScreenshot(page, 'trained-playground-en');
});

for (const [slug, task, model] of [
  ['capacity', 'mqar', 'linear_attention'],
  ['gates', 'story', 'mamba2'],
  ['mamba', 'selective_copy', 'mamba'],
] as const) {
  test(`chapter ${slug}: the panel runs its task (${task}) with ${model} and checks its answers against the core`, async ({ page }) => {
    const panel = await openPanel(page, `/?lang=en#/chapter/${slug}`);
    await expect(panel.getByTestId('trained-table').locator('tr.current')).toHaveAttribute('data-mechanism', model);
    const level = TASKS[task].levels[1];
    const { tokens } = TASKS[task].make(rng(1 * 1000 + level), level);
    await expect(panel.getByTestId('trained-tokens').locator('.tok')).toHaveText(tokens.map((t) => tokenName(task, t)));
    // Every answer chip names a token of the task; a ✓ appears exactly where it equals the core's answer.
    const truth = solve(task, tokens);
    const chips = panel.getByTestId('trained-answer');
    await expect(chips.first()).toHaveAttribute('data-answer', /.+/);
    const shown = await chips.evaluateAll((els) => els.map((e) => [e.getAttribute('data-answer'), e.className.includes('right')] as const));
    const asked = truth.flatMap((y, t) => (y >= 0 ? [t] : []));
    expect(shown.length).toBe(asked.length);
    shown.forEach(([answer, right], i) => expect(right).toBe(answer === tokenName(task, truth[asked[i]])));
  });
}
