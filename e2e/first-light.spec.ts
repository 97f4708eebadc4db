import { expect, test } from '@playwright/test';
import { runReference } from '../src/core';
import { randomCase } from '../src/core/random';
import { keepScreenshot, maxDiff, parallelBackend, readMatrix, tolerance, watchConsole } from './helpers';

const input = randomCase('linear_attention', { T: 8, dk: 4, dv: 4, seed: 1 });
const reference = runReference(input, 'recurrent');
const referenceParallel = runReference(input, 'parallel');

// On WebGPU in English; the Chinese page runs on WASM (the numbers are the same code, the words differ).
for (const lang of ['en', 'zh-TW'] as const) {
  test(`first page computes linear attention, the parallel view on ${lang === 'en' ? 'WebGPU' : 'WASM'}, the recurrent on WASM (${lang})${lang === 'en' ? ' @webgpu' : ''}`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`/?lang=${lang}#/lab`);
    const parallelBadge = page.getByTestId('parallel-backend');
    const recurrentBadge = page.getByTestId('recurrent-backend');
    await expect(parallelBadge).toHaveAttribute('data-backend', parallelBackend());
    await expect(recurrentBadge).toHaveAttribute('data-backend', 'wasm');
    const cpu = lang === 'en' ? 'Live · your CPU' : '即時 · 你的 CPU';
    await expect(parallelBadge.locator('.badge-label')).toHaveText(parallelBackend() === 'wasm' ? cpu : lang === 'en' ? 'Live · WebGPU' : '即時 · WebGPU');
    await expect(recurrentBadge.locator('.badge-label')).toHaveText(cpu);
    await expect(page.getByTestId('equivalence')).toHaveAttribute('data-live', 'true');

    const Opar = await readMatrix(page.getByTestId('parallel-O'));
    const Orec = await readMatrix(page.getByTestId('recurrent-O'));
    const S = await readMatrix(page.getByTestId('recurrent-S'));
    const M = await readMatrix(page.getByTestId('parallel-M'));
    const tol = tolerance(reference.o);
    expect(maxDiff(Opar, reference.o)).toBeLessThanOrEqual(tol);
    expect(maxDiff(Orec, reference.o)).toBeLessThanOrEqual(tol);
    expect(maxDiff(S, reference.S_final ?? [])).toBeLessThanOrEqual(tolerance(reference.S_final ?? []));
    // Above the diagonal the causal mask must hide the weights (stored as 0).
    expect(maxDiff(M, referenceParallel.M ?? [])).toBeLessThanOrEqual(tolerance(referenceParallel.M ?? []));

    const shownDiff = Number(await page.getByTestId('equivalence').getAttribute('data-diff'));
    expect(shownDiff).toBeLessThanOrEqual(tol);
    expect(shownDiff).toBeCloseTo(maxDiff(Opar, Orec), 12);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    if (lang === 'zh-TW') await expect(page.getByRole('heading', { level: 1 })).toContainText('兩種算法');
    await keepScreenshot(page, `first-light-${lang}`);
    expect(problems).toEqual([]);
  });
}

test('new random inputs run live again and still agree', async ({ page }) => {
  await page.goto('/#/lab');
  await expect(page.getByTestId('equivalence')).toHaveAttribute('data-live', 'true');
  const before = await readMatrix(page.getByTestId('recurrent-O'));
  await page.getByRole('button', { name: 'New random inputs' }).click();
  await expect(page.getByTestId('seed')).toContainText('2');
  await expect(page.getByTestId('equivalence')).toHaveAttribute('data-live', 'true');
  const next = randomCase('linear_attention', { T: 8, dk: 4, dv: 4, seed: 2 });
  const ref = runReference(next, 'recurrent');
  const after = await readMatrix(page.getByTestId('recurrent-O'));
  expect(maxDiff(after, before)).toBeGreaterThan(1e-3);
  expect(maxDiff(after, ref.o)).toBeLessThanOrEqual(tolerance(ref.o));
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend());
});

test('without WebGPU the parallel view falls back to WASM and says so', async ({ page }) => {
  await page.goto('/#/lab');
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('notice-webgpu-missing')).toBeVisible();
  await expect(page.getByTestId('notice-webgpu-missing')).toContainText('WebGPU is not available');
  const Opar = await readMatrix(page.getByTestId('parallel-O'));
  expect(maxDiff(Opar, reference.o)).toBeLessThanOrEqual(tolerance(reference.o));
  await keepScreenshot(page, 'first-light-no-webgpu');
});
