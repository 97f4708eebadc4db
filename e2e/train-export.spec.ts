// Issue #18's last part, as a learner meets it: a few steps in the training lab, then the model's
// weights leave the lab — as JSON and as a self-contained .onnx file — and open in the trained panels:
// "Open in chapter 8" shows it there as "Your model" with its numbers; the .onnx file opens in another
// chapter's panel through the file picker; the playground lists it too; a damaged file gets a sentence.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readLabFile } from '../src/train/labFile';
import { BUILT_SITE, scrollIntoViewStill, watchConsole } from './helpers';

const SHOTS = `e2e-artifacts/${BUILT_SITE}`;
/** Steps trained before export: a count, not a time. */
const STEPS = 3;

const step = (page: Page) => page.getByTestId('train-step');

async function trainAFewSteps(page: Page, lang: 'en' | 'zh-TW') {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?lang=${lang}&task=story&level=4&dm=16&layers=1&mech=deltanet&seed=3&backend=wasm#/train`);
  await expect(page.getByTestId('train-step-once')).toBeEnabled({ timeout: 60_000 });
  for (let i = 1; i <= STEPS; i++) {
    await page.getByTestId('train-step-once').click();
    await expect(step(page)).toHaveAttribute('data-step', String(i));
  }
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const file = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFileSync((await (await file).path()) ?? '');
}

/** The panel shows the learner's model: its intro, its menu entry chosen, its answers and its numbers. */
async function expectYourModel(panel: Locator, steps: number, params: number, menuText: string | RegExp) {
  await expect(panel.getByTestId('trained-yours')).toHaveAttribute('data-steps', String(steps));
  await expect(panel.getByTestId('trained-yours')).toHaveAttribute('data-mechanism', 'deltanet');
  await expect(panel.getByTestId('trained-model')).toHaveValue('yours');
  await expect(panel.getByTestId('trained-model').locator('option:checked')).toHaveText(menuText);
  await expect(panel.getByTestId('trained-your-numbers')).toContainText(`${params}`);
  await expect(panel.getByTestId('trained-table').locator('tr[data-mechanism="yours"]')).toHaveClass('current');
  await expect(panel.getByTestId('trained-backend')).toBeVisible({ timeout: 60_000 });
  // It answers every question of the sequence (a token name and a confidence), whatever it learned in three steps.
  const answers = panel.getByTestId('trained-answer');
  await expect(answers.last()).toHaveAttribute('data-answer', /\S/);
  await expect(answers.last()).toHaveAttribute('data-p', /^0\.\d{4}$|^1\.0000$/);
}

test('a model from the lab opens as "Your model" in chapter 8, its .onnx in chapter 6, and in the playground', async ({ page }) => {
  test.setTimeout(300_000);
  const problems = watchConsole(page);
  await trainAFewSteps(page, 'en');
  await page.locator('.train-exports').screenshot({ path: `${SHOTS}/train-export-en-1440-exports.png` });

  // The two files, read back by the site's own reader: the same model, trained for STEPS steps.
  const json = await download(page, 'train-export-deltanet');
  const onnx = await download(page, 'train-export-onnx-deltanet');
  const exported = JSON.parse(json.toString('utf8')) as { tensors: { data: number[] }[]; provenance: { steps: number; trainSeconds: number; accuracyStep?: number } };
  expect(exported.provenance.steps).toBe(STEPS);
  // Timed by its own steps (no made-up 0); the lab measured accuracy at step 1 (then every 25 steps).
  expect(exported.provenance.trainSeconds).not.toBe(0);
  expect(exported.provenance.accuracyStep).toBe(1);
  const params = exported.tensors.reduce((n, t) => n + t.data.length, 0);
  const fromOnnx = readLabFile(new Uint8Array(onnx));
  expect(fromOnnx.spec).toMatchObject({ task: 'story', mechanism: 'deltanet', d_model: 16, layers: 1, steps: STEPS, params });

  // "Open in chapter 8": the chapter's trained panel shows it, scrolled into view.
  await expect(page.getByTestId('train-open-deltanet')).toHaveText('Open in chapter 8 →');
  await page.getByTestId('train-open-deltanet').click();
  await expect(page).toHaveURL(/#\/chapter\/deltanet$/);
  const panel = page.getByTestId('trained-panel');
  await expectYourModel(panel, STEPS, params, `Your model (trained in the lab, ${STEPS} steps)`);
  await expect(panel.getByTestId('trained-yours')).toBeInViewport();
  await expect(panel.getByTestId('trained-summary')).toContainText('Your model answers');
  // The caption says how the lab measured the row (one difficulty, at step 1 of 3), and the numbers give its time.
  await expect(panel.getByTestId('trained-your-caption')).toContainText(`at the one difficulty it trains at (moves = 4), every 25 steps while training; this score is from step 1 of ${STEPS}.`);
  await expect(panel.getByTestId('trained-your-numbers')).toContainText(` s of computing, pauses not counted) · ${params} parameters. Held-out accuracy the lab measured at step 1:`);
  await expect(panel.getByTestId('trained-your-replaced')).toHaveCount(0);
  // The course's models are one pick away, and back.
  await panel.getByTestId('trained-model').selectOption('deltanet');
  await expect(panel.getByTestId('trained-yours')).toHaveCount(0);
  await panel.getByTestId('trained-model').selectOption('yours');
  await expect(panel.getByTestId('trained-yours')).toBeVisible();
  await panel.screenshot({ path: `${SHOTS}/train-export-en-1440-panel.png` });
  // Its memory plays in the course's figure, and opens in the playground's case editor with its numbers.
  await panel.getByTestId('trained-show-memory').click();
  const toPlayground = panel.getByTestId('trained-open-playground');
  await expect(toPlayground).toHaveAttribute('href', /^\?case=[\w-]+#\/playground$/);
  await toPlayground.click();
  await expect(page).toHaveURL(/#\/playground$/);
  await expect(page.getByTestId('pg-custom-active')).toHaveAttribute('data-source', 'link');
  await expect(page.getByTestId('pg-custom-active')).toContainText('DeltaNet');

  // The .onnx file through chapter 6's file picker (a fresh page load: nothing kept in memory).
  await page.goto('/?lang=en#/chapter/gates');
  const ch6 = page.getByTestId('trained-panel');
  await scrollIntoViewStill(ch6);
  // The lab's model is still kept for this task (sessionStorage), so the picker says what opening does.
  await expect(ch6.getByTestId('trained-import-replaces')).toHaveText(/opening another for the same task replaces it/);
  await ch6.getByTestId('trained-import').setInputFiles({ name: 'memory-lane-story-deltanet.onnx', mimeType: 'application/octet-stream', buffer: onnx });
  await expectYourModel(ch6, STEPS, params, `Your model (from a file, ${STEPS} steps)`);
  await expect(ch6.getByTestId('trained-yours')).toContainText('Opened from memory-lane-story-deltanet.onnx.');
  await expect(ch6.getByTestId('trained-your-replaced')).toHaveCount(0); // the same weights replace nothing

  // The playground's panel runs every task: the kept story model is in its menu.
  await page.goto('/?lang=en&tk=story#/playground');
  const pg = page.getByTestId('trained-panel');
  await scrollIntoViewStill(pg);
  await pg.getByTestId('trained-model').selectOption('yours');
  await expectYourModel(pg, STEPS, params, /^Your model/);
  // Another model for the same task (one weight changed, one more step) replaces it, and the panel says so.
  const other = { ...exported, tensors: exported.tensors.map((t, i) => (i === 0 ? { ...t, data: [t.data[0] + 0.5, ...t.data.slice(1)] } : t)), provenance: { ...exported.provenance, steps: STEPS + 1 } };
  await pg.getByTestId('trained-import').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await expect(pg.getByTestId('trained-yours')).toHaveAttribute('data-steps', String(STEPS + 1));
  await expect(pg.getByTestId('trained-your-replaced')).toHaveText(`It replaced the model you had opened for this task before (DeltaNet, ${STEPS} steps): one model of yours is kept per task.`);
  await page.setViewportSize({ width: 390, height: 844 });
  await pg.scrollIntoViewIfNeeded();
  await pg.screenshot({ path: `${SHOTS}/train-export-en-390-panel.png` });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
});

test('in Traditional Chinese: the lab opens the model in chapter 8, and damaged or other-task files get a sentence', async ({ page }) => {
  test.setTimeout(300_000);
  await trainAFewSteps(page, 'zh-TW');
  const json = await download(page, 'train-export-deltanet');
  await expect(page.getByTestId('train-open-deltanet')).toHaveText('在第 8 章打開 →');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.train-exports').screenshot({ path: `${SHOTS}/train-export-zh-TW-390-exports.png` });
  await page.getByTestId('train-open-deltanet').click();
  const panel = page.getByTestId('trained-panel');
  await expect(panel.getByTestId('trained-yours')).toContainText('你在訓練實驗室訓練的模型');
  await expect(panel.getByTestId('trained-model').locator('option:checked')).toHaveText(`你的模型（在訓練實驗室訓練了 ${STEPS} 步）`);
  await expect(panel.getByTestId('trained-your-numbers')).toContainText(`訓練了 ${STEPS} 步`);
  await expect(panel.getByTestId('trained-backend')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByTestId('trained-your-caption')).toContainText(`這個分數來自第 1 步（共 ${STEPS} 步）`);
  await expect(panel.getByTestId('trained-your-numbers')).toContainText('秒，不含暫停）');
  await panel.screenshot({ path: `${SHOTS}/train-export-zh-TW-390-panel.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await panel.screenshot({ path: `${SHOTS}/train-export-zh-TW-1440-panel.png` });

  // Chapter 4 runs associative recall: a damaged .onnx, a cut-off JSON, and the story model are all refused.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?lang=zh-TW#/chapter/capacity');
  const ch4 = page.getByTestId('trained-panel');
  await scrollIntoViewStill(ch4);
  await expect(ch4.getByTestId('trained-backend')).toBeVisible({ timeout: 60_000 });
  const error = ch4.getByTestId('trained-import-error');
  await ch4.getByTestId('trained-import').setInputFiles({ name: 'broken.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x08, 0x08, 0xff, 0xff, 0xff, 0x12, 0x99]) });
  await expect(error).toContainText('無法把「broken.onnx」當成實驗室的模型打開：');
  await expect(error).toHaveText(/：(它既不是 JSON，也不是 ONNX 檔|這個 ONNX 檔不是訓練實驗室匯出的)/);
  await ch4.getByTestId('trained-import').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: json.subarray(0, 200) });
  await expect(error).toContainText('「cut.json」');
  await expect(error).toContainText('它不是有效的 JSON（也許被截斷了）');
  await ch4.getByTestId('trained-import').setInputFiles({ name: 'story.json', mimeType: 'application/json', buffer: json });
  await expect(error).toContainText('它訓練的任務是「X 在哪裡？」故事，而這個面板跑的是聯想回憶。');
  // The panel goes on with the course's model.
  await expect(ch4.getByTestId('trained-yours')).toHaveCount(0);
  await expect(ch4.getByTestId('trained-model')).toHaveValue('linear_attention');
  await ch4.screenshot({ path: `${SHOTS}/train-export-zh-TW-1440-error.png` });
});

test('a model trained without its gate leaves the lab as JSON only, and the page says why', async ({ page }) => {
  await page.goto('/?lang=en&task=story&mech=deltanet,gated_deltanet&abl=nogate&backend=wasm#/train');
  await expect(page.getByTestId('train-export-gated_deltanet')).toBeEnabled({ timeout: 60_000 });
  // The gate ablation changes Gated DeltaNet's forward, not DeltaNet's (it has no gate).
  for (const id of ['train-export-onnx-gated_deltanet', 'train-open-gated_deltanet']) {
    await expect(page.getByTestId(id)).toBeDisabled();
    await expect(page.getByTestId(id)).toHaveAccessibleDescription(/JSON only/);
  }
  for (const id of ['train-export-onnx-deltanet', 'train-open-deltanet']) await expect(page.getByTestId(id)).toBeEnabled();
  await expect(page.getByTestId('train-ablated-deltanet')).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.train-exports').screenshot({ path: `${SHOTS}/train-export-en-390-ablated.png` });
  // Its JSON records the ablation, and a trained panel refuses to run it as the full mechanism.
  const json = await download(page, 'train-export-gated_deltanet');
  await page.goto('/?lang=en#/chapter/gates');
  const panel = page.getByTestId('trained-panel');
  await scrollIntoViewStill(panel);
  await panel.getByTestId('trained-import').setInputFiles({ name: 'no-gate.json', mimeType: 'application/json', buffer: json });
  await expect(panel.getByTestId('trained-import-error')).toContainText('it was trained without its gate or delta correction');
  await expect(panel.getByTestId('trained-yours')).toHaveCount(0);
});
