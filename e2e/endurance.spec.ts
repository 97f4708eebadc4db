// Endurance: long continuous playback must not grow the JS heap, and leaving a chapter must free its
// onnxruntime sessions. No clock: the run is measured in steps the cursor has played (a busy machine
// only makes it take longer), and only memory and session counts are asserted.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { watchConsole } from './helpers';

/** Heap samples, one after every STEPS_PER_SAMPLE steps played (the figure loops when it reaches its end). */
const SAMPLES = 4;
const STEPS_PER_SAMPLE = 4;

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Keep the figure playing at 2×: when it stops at the end, go back to the start and play again. */
async function keepPlaying(page: Page): Promise<void> {
  const playback = page.getByTestId('playback').first();
  if ((await playback.getAttribute('data-playing')) === 'true') return;
  await page.getByTestId('memory-lab').focus();
  await page.keyboard.press('Home');
  await page.getByTestId('playback-play').first().click();
  await expect(playback).toHaveAttribute('data-playing', 'true');
}

/** Wait until the cursor has moved `steps` times, restarting playback whenever it reaches the end. */
async function playSteps(page: Page, steps: number): Promise<void> {
  const playback = page.getByTestId('playback').first();
  let last = (await playback.getAttribute('data-step')) ?? '';
  for (let moved = 0; moved < steps; moved++) {
    // Playback stops at the last step: each poll restarts it if it has stopped, until the step changes.
    await expect
      .poll(async () => {
        await keepPlaying(page);
        return (await playback.getAttribute('data-step')) ?? '';
      }, { timeout: 30_000 })
      .not.toBe(last);
    last = (await playback.getAttribute('data-step')) ?? '';
  }
}

async function sessionCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('session-count').textContent());
}

test('long playback keeps the heap flat', async ({ page }) => {
  test.setTimeout(300_000); // a safety net for a stuck page, not a measure: the test counts steps
  const problems = watchConsole(page);
  await page.goto('/?lang=en#/chapter/retnet');
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-recurrent-backend', 'wasm');
  await page.getByTestId('playback').first().locator('[data-speed="2"]').click();

  const cdp = await page.context().newCDPSession(page);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await playSteps(page, STEPS_PER_SAMPLE);
    samples.push(await heapAfterGc(cdp));
  }
  const mb = samples.map((b, i) => `${(i + 1) * STEPS_PER_SAMPLE} steps:${(b / 2 ** 20).toFixed(1)}MB`).join(' ');
  test.info().annotations.push({ type: 'heap', description: mb });
  console.log(`heap after GC: ${mb}`);

  const first = median(samples.slice(0, 2));
  const last = median(samples.slice(-2));
  expect(last, `heap grew: ${mb}`).toBeLessThanOrEqual(Math.max(first * 1.2, first + 5 * 2 ** 20));
  // Still alive and still right.
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(problems).toEqual([]);
});

test('leaving a chapter releases its model sessions', async ({ page }) => {
  const problems = watchConsole(page);
  // How many sessions chapter 2 needs on its own.
  await page.goto('/?lang=en#/chapter/linear-attention');
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-recurrent-backend', 'wasm');
  await page.waitForLoadState('networkidle');
  await expect.poll(() => sessionCount(page)).toBeGreaterThan(0);
  const own = await sessionCount(page);

  // Chapter 5 frees chapter 2's sessions and makes its own.
  await page.evaluate(() => (location.hash = '#/chapter/retnet'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forgetting on purpose: RetNet');
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-recurrent-backend', 'wasm');
  await page.getByTestId('playback-play').first().click();
  await expect.poll(() => sessionCount(page)).toBeGreaterThan(0);

  // Back to chapter 2: chapter 5's sessions are gone, only chapter 2's own are alive again.
  await page.evaluate(() => (location.hash = '#/chapter/linear-attention'));
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-recurrent-backend', 'wasm');
  await expect.poll(() => sessionCount(page), { timeout: 15_000 }).toBe(own);
  expect(problems).toEqual([]);
});
