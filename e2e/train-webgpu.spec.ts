// The training lab on WebGPU, asked for by name (here SwiftShader, a software adapter that 'auto' skips):
// every mechanism takes its first steps there, and its loss after them is the loss WASM shows for the same
// seed. GLA and Mamba-1 once stopped with a non-finite loss on WebGPU at step 2–3, and the other six trained
// with a wrong gradient-clipping norm: tfjs's WebGPU AddN reads back a stale buffer past 7 addends
// (src/train/session.ts). Counts and shown numbers only: no clock.
import { expect, test, type Page } from '@playwright/test';
import { TRAIN_MECHANISMS } from '../src/app/train/labMechanisms';
import { watchConsole } from './helpers';

/** Single steps per model: enough for the clipping norm to have steered two updates. */
const STEPS = 3;
/** The table shows the loss to 3 decimals; WebGPU's and WASM's float32 sums round differently. */
const LOSS_TOLERANCE = 0.002;
/** Every mechanism the lab trains, four side by side at a time. */
const GROUPS = [TRAIN_MECHANISMS.slice(0, 4), TRAIN_MECHANISMS.slice(4)];

async function lossesAfterSteps(page: Page, backend: 'webgpu' | 'wasm', mechanisms: readonly string[]): Promise<Record<string, number>> {
  await page.goto(`/?lang=en&task=mqar&level=2&dm=16&layers=1&seed=1&backend=${backend}&mech=${mechanisms.join(',')}#/train`);
  await expect(page.getByTestId('train-start')).toBeEnabled({ timeout: 60_000 });
  const table = page.getByTestId('train-table');
  for (let i = 1; i <= STEPS; i++) {
    await page.getByTestId('train-step-once').click();
    for (const m of mechanisms) await expect(table.locator(`tr[data-mechanism="${m}"]`), `${m} on ${backend}`).toHaveAttribute('data-step', String(i), { timeout: 120_000 });
  }
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-backend', backend);
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  const losses: Record<string, number> = {};
  for (const m of mechanisms) losses[m] = Number(await table.locator(`tr[data-mechanism="${m}"] td`).first().textContent());
  return losses;
}

test('every mechanism trains on WebGPU, with the loss WASM shows for the same seed @webgpu', async ({ page }) => {
  test.setTimeout(900_000);
  const problems = watchConsole(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const group of GROUPS) {
    const gpu = await lossesAfterSteps(page, 'webgpu', group);
    const wasm = await lossesAfterSteps(page, 'wasm', group);
    for (const m of group) {
      expect(Number.isFinite(gpu[m]), `${m}: WebGPU loss ${gpu[m]}`).toBe(true);
      expect(Math.abs(gpu[m] - wasm[m]), `${m}: WebGPU ${gpu[m]} vs WASM ${wasm[m]} after ${STEPS} steps`).toBeLessThanOrEqual(LOSS_TOLERANCE);
    }
  }
  expect(problems).toEqual([]);
});
