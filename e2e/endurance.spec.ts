// Endurance: two minutes of continuous playback must not grow the JS heap, and leaving a chapter must
// free its onnxruntime sessions. No timing thresholds: only memory and session counts.
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { watchConsole } from './helpers';

const PLAY_MS = 120_000;
const SAMPLE_MS = 10_000;

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

async function sessionCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('session-count').textContent());
}

test('two minutes of playback keep the heap flat', async ({ page }) => {
  test.setTimeout(PLAY_MS + 90_000);
  const problems = watchConsole(page);
  await page.goto('/?lang=en#/chapter/retnet');
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-recurrent-backend', 'wasm');
  await page.getByTestId('playback').first().locator('[data-speed="2"]').click();
  await keepPlaying(page);

  const cdp = await page.context().newCDPSession(page);
  const samples: { t: number; bytes: number }[] = [];
  const t0 = Date.now();
  let steps = 0;
  let lastStep = '';
  while (Date.now() - t0 < PLAY_MS) {
    // Poll the step every second so we see it move (and restart it when it stops), sample every 10 s.
    const nextSample = t0 + (samples.length + 1) * SAMPLE_MS;
    while (Date.now() < Math.min(nextSample, t0 + PLAY_MS)) {
      await page.waitForTimeout(1000);
      const step = (await page.getByTestId('playback').first().getAttribute('data-step')) ?? '';
      if (step !== lastStep) steps++;
      lastStep = step;
      await keepPlaying(page);
    }
    samples.push({ t: Date.now() - t0, bytes: await heapAfterGc(cdp) });
  }
  const mb = samples.map((s) => `${Math.round(s.t / 1000)}s:${(s.bytes / 2 ** 20).toFixed(1)}MB`).join(' ');
  test.info().annotations.push({ type: 'heap', description: mb });
  console.log(`heap after GC: ${mb}`);

  const first = median(samples.filter((s) => s.t <= 60_000).map((s) => s.bytes));
  const last = median(samples.slice(-3).map((s) => s.bytes));
  expect(samples.length).toBeGreaterThanOrEqual(10);
  expect(steps, 'the cursor kept moving').toBeGreaterThan(10); // liveness only: the step rate depends on the machine
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
