// No frozen tab: the playground's largest Mamba-1 case (T = 1024, d = 64, chunks of 64: seconds of WASM
// work) is computed off the main thread, so while it runs the page keeps painting frames and handles
// clicks. Run on both projects: with WebGPU (one runtime build serves both backends) and without.
// Only counts are asserted here; frame gaps and click delays are measurements, so they live in
// `npm run bench` (scripts/bench/responsiveness.ts), where a busy machine cannot fail a test.
import { expect, test } from '@playwright/test';
import { watchConsole } from './helpers';
import { BUSY_CASE, SAMPLE_WHILE_COMPUTING, summarise, type Sample } from '../scripts/bench/responsiveness';

for (const project of ['webgpu', 'wasm'] as const) {
  test(`a long WASM run leaves the page responsive${project === 'webgpu' ? ' @webgpu' : ''}`, async ({ page }) => {
    test.setTimeout(180_000);
    const problems = watchConsole(page);
    await page.addInitScript({ content: SAMPLE_WHILE_COMPUTING });
    await page.goto(`/?lang=en&pg=${BUSY_CASE}#/playground`);
    const chunkwise = page.getByTestId('pg-view-chunkwise');
    // The learner sees that it is computing.
    await expect(chunkwise).toHaveAttribute('data-status', 'loading');
    await expect(chunkwise).toContainText('Running…');
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    if (!heading) throw new Error('no heading to click');
    // Click the heading every 200 ms until the chunkwise view has its numbers.
    let clicksSent = 0;
    while ((await chunkwise.getAttribute('data-status')) === 'loading') {
      await page.mouse.click(heading.x + 5, heading.y + heading.height / 2);
      clicksSent++;
      await page.waitForTimeout(200);
    }
    await expect(chunkwise).toHaveAttribute('data-status', 'done');

    const sample: Sample = await page.evaluate(() => (window as unknown as { __sample: Sample }).__sample);
    const s = summarise(sample);
    console.log(`[${project}] while computing: ${JSON.stringify(s)} (clicks sent: ${clicksSent})`);
    // A tab frozen by the model paints no frame and runs no click handler until the run ends: with
    // the model off the main thread both keep coming. Counts, with generous bounds, not times.
    expect(clicksSent, 'the run lasted long enough to send several clicks').toBeGreaterThanOrEqual(4);
    expect(s.frames, 'frames painted while computing').toBeGreaterThanOrEqual(10);
    expect(s.clicks.length, 'clicks handled while computing').toBeGreaterThanOrEqual(3);

    // And the long run still finishes with the views agreeing.
    await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-live', 'true', { timeout: 60_000 });
    await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-ok', 'true');
    expect(problems).toEqual([]);
  });
}
