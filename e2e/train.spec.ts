// The training lab (#/train) as a learner uses it: the page in both languages and on a phone, a bad
// link's notice, one small model trained for a fixed number of steps until its held-out accuracy is
// clearly above chance, pause / step once / reset on the step counter, the link reproducing the
// setup, and the weights exported as JSON. Counts and states only: no clock.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CHANCE } from '../src/core/tasks';
import { BUILT_SITE, watchConsole } from './helpers';
import { axeViolations } from './axe';

const SHOTS = `e2e-artifacts/${BUILT_SITE}`;
/** Training steps before the accuracy is read (a count of steps, not a time). */
const STEPS = 200;
/** "Clearly above chance": at least this many times the accuracy of guessing. */
const MARGIN = 4;

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const step = (page: Page) => page.getByTestId('train-step');

async function open(page: Page, query: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?${query}#/train`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('train-start')).toBeEnabled({ timeout: 60_000 });
}

test('the page renders in both languages, on a phone without sideways scrolling', async ({ page }) => {
  const problems = watchConsole(page);
  for (const [lang, title, train] of [
    ['en', 'Training lab', 'Train'],
    ['zh-TW', '訓練實驗室', '開始訓練'],
  ] as const) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, `lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await expect(page.getByTestId('train-start')).toHaveText(train);
    await expect(page.locator('.prose').first()).not.toBeEmpty();
    await expect(page.getByTestId('train-chart')).toHaveAttribute('data-series', '2');
    await expect(page.getByTestId('train-probe')).toBeVisible({ timeout: 60_000 });
    // The untrained linear-attention model's memory, in the course's figure, with a way to open it in the playground.
    await expect(page.getByTestId('train-probe')).toHaveAttribute('data-figure', 'memory');
    await expect(page.getByTestId('train-open-playground')).toHaveAttribute('href', /^\?case=[\w-]+#\/playground$/);
    await shot(page, `train-${lang}-1440`);
    // axe once: the two languages share the page's structure, names and contrast.
    if (lang === 'en') {
      expect((await axeViolations(page, { include: ['.train-page'], seriousOnly: true })).found).toEqual([]);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    // The chart re-measures its width after the resize (a frame later, or later on a busy machine).
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    await shot(page, `train-${lang}-390`);
    // The full phone page is too tall to read at once: the controls and the chart on their own too.
    await page.locator('.train-setup').screenshot({ path: `${SHOTS}/train-${lang}-390-setup.png` });
    await page.locator('.train-figure').screenshot({ path: `${SHOTS}/train-${lang}-390-chart.png` });
    await page.getByTestId('train-probe').screenshot({ path: `${SHOTS}/train-${lang}-390-probe.png` });
  }
  expect(problems).toEqual([]);
});

test('bad settings in the link are named in the notice and the page still works', async ({ page }) => {
  await open(page, 'lang=en&task=chess&dm=64&mech=deltanet,lstm&level=abc');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  for (const param of ['task', 'dm', 'mech', 'level']) await expect(notice.locator(`[data-param="${param}"]`)).toHaveCount(1);
  await expect(page.getByTestId('train-task')).toHaveValue('mqar');
  await expect(page.getByTestId('train-dmodel')).toHaveValue('16');
  await expect(page.getByTestId('train-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('train-table').locator('tbody tr').first()).toHaveAttribute('data-mechanism', 'deltanet');
});

test("chapter 8's link opens the lab with its setup", async ({ page }) => {
  await page.goto('/?lang=en#/chapter/deltanet');
  const link = page.locator('.prose a[href*="#/train"]');
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Training lab');
  await expect(page.getByTestId('train-task')).toHaveValue('story');
  await expect(page.getByTestId('train-level')).toHaveValue('8');
  await expect(page.getByTestId('train-table').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('url-notice')).toBeHidden();
});

test('one small model learns; pause, step once and reset move the counter; the link keeps the setup; export gives JSON', async ({ page }) => {
  test.setTimeout(400_000);
  const problems = watchConsole(page);
  await open(page, 'lang=en&task=mqar&level=2&dm=16&layers=1&mech=linear_attention&seed=3&backend=wasm');
  await expect(step(page)).toHaveAttribute('data-step', '0');
  await page.getByTestId('train-start').click();
  await expect(step(page)).toHaveAttribute('data-phase', 'training');
  await expect(page.getByTestId('train-task')).toBeDisabled();
  await expect
    .poll(async () => Number(await step(page).getAttribute('data-step')), { timeout: 300_000, intervals: [1000] })
    .toBeGreaterThanOrEqual(STEPS);
  await page.getByTestId('train-pause').click();
  await expect(step(page)).toHaveAttribute('data-phase', 'paused');
  await expect(page.getByTestId('train-announce')).toContainText('paused');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', 'wasm');
  // While it trained, the probe's figure showed the float64 numbers; paused, its reading holds still and the live model runs it.
  await expect(page.getByTestId('train-probe').getByTestId('parallel-backend')).toHaveAttribute('data-backend', /^(wasm|webgpu)$/, { timeout: 60_000 });
  await shot(page, 'train-en-1440-trained');

  // Held-out accuracy, as the page shows it, clearly above guessing.
  const row = page.getByTestId('train-table').locator('tr[data-mechanism="linear_attention"]');
  await expect(row).not.toHaveAttribute('data-accuracy', '');
  const shown = await page.getByTestId('train-accuracy-linear_attention').textContent();
  const accuracy = Number(/(\d+)%/.exec(shown ?? '')?.[1]) / 100;
  test.info().annotations.push({ type: 'held-out accuracy', description: `${shown} after ${await step(page).getAttribute('data-step')} steps` });
  expect(accuracy).toBeGreaterThan(MARGIN * CHANCE.mqar);

  // Step once: exactly one more step; reset: back to 0 with empty curves.
  const paused = Number(await step(page).getAttribute('data-step'));
  await page.getByTestId('train-step-once').click();
  await expect(step(page)).toHaveAttribute('data-step', String(paused + 1));
  await expect(step(page)).toHaveAttribute('data-phase', 'paused');

  // Export: a JSON file with the model's tensors in the trained models' layout.
  const download = page.waitForEvent('download');
  await page.getByTestId('train-export-linear_attention').click();
  const file = await (await download).path();
  const model = JSON.parse(readFileSync(file, 'utf8')) as { mechanism: string; task: string; d_model: number; provenance: { seed: number; batch: number }; tensors: { name: string; shape: number[]; data: number[] }[] };
  expect(model).toMatchObject({ mechanism: 'linear_attention', task: 'mqar', d_model: 16, provenance: { seed: 3, batch: 32 } });
  expect(model.tensors.map((t) => t.name)).toContain('embed');
  for (const t of model.tensors) expect(t.data.length).toBe(t.shape.reduce((a, b) => a * b, 1));

  await page.getByTestId('train-reset').click();
  await expect(step(page)).toHaveAttribute('data-step', '0');
  await expect(step(page)).toHaveAttribute('data-phase', 'idle');
  await expect(row).toHaveAttribute('data-accuracy', '');

  // GLA on WASM: its gate (log σ) once failed there at step 1. Three single steps must land, with no error.
  const gla = page.getByTestId('train-mechanisms').getByRole('checkbox', { name: 'GLA', exact: true });
  await gla.check();
  const glaRow = page.getByTestId('train-table').locator('tr[data-mechanism="gla"]');
  for (let i = 1; i <= 3; i++) {
    await page.getByTestId('train-step-once').click();
    await expect(glaRow).toHaveAttribute('data-step', String(i));
  }
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  await gla.uncheck();

  // The link: change the setup through the controls, reload, and the same setup comes back.
  await page.getByTestId('train-dmodel').selectOption('32');
  await page.getByTestId('train-mechanisms').getByRole('checkbox', { name: 'DeltaNet', exact: true }).check();
  await page.getByTestId('train-ablations').locator('[data-ablation="noDelta"]').check();
  await page.getByTestId('train-seed').fill('7');
  await expect(page).toHaveURL(/dm=32/);
  await expect(page).toHaveURL(/abl=nodelta/);
  await expect(page).toHaveURL(/seed=7/);
  await page.reload();
  await expect(page.getByTestId('train-dmodel')).toHaveValue('32');
  await expect(page.getByTestId('train-seed')).toHaveValue('7');
  await expect(page.getByTestId('train-ablations').locator('[data-ablation="noDelta"]')).toBeChecked();
  await expect(page.getByTestId('train-table').locator('tbody tr')).toHaveCount(2);
  // The batch is not a control (the offline runs' 64 is in the link only), but the page says which it trains with.
  await expect(page.getByTestId('train-fixed')).toHaveText('Each step trains on a batch of 32 sequences (AdamW, learning rate 0.003).');
  await open(page, 'lang=en&task=mqar&batch=64');
  await expect(page.getByTestId('train-fixed')).toHaveAttribute('data-batch', '64');
  await expect(page.getByTestId('train-fixed')).toContainText('a batch of 64 sequences');
  expect(problems).toEqual([]);
});
