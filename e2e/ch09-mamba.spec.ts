// Chapter 9 as a learner uses it: Δ moves Ā = exp(ΔA); S4's convolution (WebGPU) and recurrence
// (WASM) give the same outputs; selection runs in the live Mamba memory; the scan tree's last level
// equals the step-by-step recurrence; both predict-then-reveal questions. Numbers are read from the DOM
// and checked against the float64 core.
import { expect, test, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import { OSCILLATOR, transition } from '../src/core/continuous';
import { discretizeZOH, ssmConvolution, ssmKernel } from '../src/core/s4';
import { hillisSteeleScan, sequentialScan } from '../src/core/scan';
import { entryRecurrence } from '../src/core/selective';
import { mambaCase, s4Input } from '../src/app/chapters/ch09-mamba/presets';
import { ch09Strings } from '../src/app/chapters/ch09-mamba/strings';
import { keepScreenshot, maxDiff, parallelBackend, readMatrix, tolerance, watchConsole } from './helpers';

const LANGS = ['en', 'zh-TW'] as const;

async function numbers(page: Page, selector: string, attr: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((els, a) => els.map((e) => Number(e.getAttribute(a))), attr);
}

/** The S4 panel: live on both backends, the two outputs equal each other and the core. */
async function expectS4Agrees(page: Page, dt: number, preset: 'pulse' | 'impulse' | 'random') {
  const badge = page.getByTestId('s4-equivalence');
  await expect(page.getByTestId('s4-conv-backend')).toHaveAttribute('data-backend', parallelBackend());
  await expect(page.getByTestId('s4-rec-backend')).toHaveAttribute('data-backend', 'wasm');
  await expect(badge).toHaveAttribute('data-parallel-backend', parallelBackend());
  await expect(badge).toHaveAttribute('data-recurrent-backend', 'wasm');
  await expect(badge).toHaveAttribute('data-ok', 'true');
  const d = discretizeZOH(OSCILLATOR, dt);
  const x = s4Input(preset, dt);
  const ref = ssmConvolution(d, x);
  const tol = tolerance([ref]);
  // Wait until the outputs shown are the ones for this Δ (a rerun may still be on its way).
  await expect
    .poll(async () => maxDiff((await readMatrix(page.getByTestId('s4-outputs'))).slice(0, 1), [ref]))
    .toBeLessThanOrEqual(tol);
  const [conv, rec] = await readMatrix(page.getByTestId('s4-outputs'));
  expect(maxDiff([conv], [rec])).toBeLessThanOrEqual(tol); // convolution ≡ recurrence, as shown
  expect(maxDiff([rec], [ref])).toBeLessThanOrEqual(tol);
  expect(Number(await badge.getAttribute('data-diff'))).toBeCloseTo(maxDiff([conv], [rec]), 6);
  const K = await numbers(page, '[data-testid="s4-kernel"] rect[data-index]', 'data-value');
  expect(maxDiff([K], [ssmKernel(d, x.length)])).toBeLessThanOrEqual(tol);
  return { conv, K };
}

for (const lang of LANGS) {
  const ui = ch09Strings[lang];

  test(`ch. 9 Mamba: Δ and Ā, S4 convolution ≡ recurrence, selection, scan tree (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/?lang=${lang}#/chapter/mamba`);
    await expect(page.getByRole('heading', { level: 2, name: ui.zoh.title })).toBeVisible();

    // Panel 1: Ā on the page is exp(ΔA) from the core, for every Δ the learner picks.
    for (const dt of [0.5, 1.5, 0.7]) {
      if (dt !== 0.5) await page.getByTestId('delta').fill(String(dt));
      await expect(page.getByTestId('zoh-turn')).toHaveAttribute('data-angle', String(dt));
      const Abar = await readMatrix(page.getByTestId('Abar'));
      expect(maxDiff(Abar, transition(OSCILLATOR.A, dt))).toBeLessThanOrEqual(1e-12);
      expect(maxDiff(Abar, discretizeZOH(OSCILLATOR, dt).Abar)).toBeLessThanOrEqual(1e-12);
      // The second slider (panel 2) follows the same Δ.
      await expect(page.getByTestId('delta-s4')).toHaveValue(String(dt));
      await expect(page.getByTestId('signal-plot')).toHaveAttribute('data-samples', String(Math.floor(24 / dt + 1e-9)));
      await expectS4Agrees(page, dt, 'pulse');
    }

    // Panel 2: one spike in, the kernel out (y = K).
    await page.getByLabel(ui.conv.input, { exact: true }).selectOption('impulse');
    const { conv, K } = await expectS4Agrees(page, 0.7, 'impulse');
    expect(maxDiff([conv], [K])).toBeLessThanOrEqual(1e-5);

    // Panel 3: the live Mamba-1 memory, with Δ_t computed from the tokens by the core.
    await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend());
    await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm');
    await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
    const selective = mambaCase('selective');
    const dtShown = await readMatrix(page.getByTestId('selection-dt'));
    expect(maxDiff(dtShown, selective.dt[0].map((_, d) => selective.dt.map((row) => row[d])))).toBeLessThanOrEqual(1e-12);
    const o = runReference(selective, 'recurrent').o;
    expect(Number(await page.getByTestId('selective-reading').getAttribute('data-value'))).toBeCloseTo(o[o.length - 1][0], 10);

    // Predict, then reveal: Δ → 0 keeps the memory. Until a guess is in, the fraction each token keeps
    // and the outputs O (every step at once) are held back.
    const predictDelta = page.getByTestId('predict-delta');
    await expect(page.getByTestId('selection-keep')).toHaveCount(0);
    await expect(page.getByTestId('parallel-O')).toHaveCount(0);
    await expect(predictDelta.getByTestId('predict-delta-result')).toHaveCount(0);
    await predictDelta.locator('[data-choice="keep"]').check();
    await predictDelta.getByTestId('predict-delta-commit').click();
    await expect(predictDelta).toHaveAttribute('data-state', 'right');
    await expect(predictDelta.getByTestId('predict-delta-result')).toContainText(ui.selective.predict.explanation.slice(0, 20));
    await expect(page.getByTestId('selection-keep')).toBeVisible();
    const live = await readMatrix(page.getByTestId('parallel-O'));
    expect(maxDiff(live, o)).toBeLessThanOrEqual(tolerance(o));

    // Panel 4, predict first: how many levels? Until a guess is in, the tree shows only its inputs
    // (every level tells how deep it goes), even when asked for more; a wrong guess shows the explanation
    // and the whole tree.
    await expect(page.getByTestId('scan-status')).toHaveAttribute('data-shown', '0');
    await expect(page.getByTestId('scan-next')).toBeDisabled();
    await expect(page.getByTestId('scan-panel').getByTestId('answer-gate')).toHaveAttribute('data-state', 'locked');
    await expect(page.locator('[data-testid="scan-tree"] .scan-node[data-level="1"]')).toHaveCount(0);
    await expect(page.getByTestId('scan-work')).not.toContainText('log₂');
    const predictScan = page.getByTestId('predict-scan');
    await predictScan.locator('[data-choice="eight"]').check();
    await predictScan.getByTestId('predict-scan-commit').click();
    await expect(predictScan).toHaveAttribute('data-state', 'wrong');
    await expect(page.getByTestId('scan-status')).toHaveAttribute('data-shown', '3'); // the reveal shows the whole tree
    await expect(page.getByTestId('scan-work')).toHaveAttribute('data-depth', '3');
    await page.getByTestId('scan-reset').click();
    await expect(page.getByTestId('scan-status')).toHaveAttribute('data-shown', '0');

    // Then level by level with the keyboard; the last level equals the recurrence.
    const pairs = entryRecurrence(selective, 0, 0);
    const sequential = sequentialScan(pairs);
    const next = page.getByTestId('scan-next');
    await next.focus();
    for (let j = 1; j <= 3; j++) {
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('scan-status')).toHaveAttribute('data-shown', String(j));
    }
    await expect(next).toBeDisabled();
    await expect(page.getByTestId('scan-status')).toHaveAttribute('data-work', '17');
    const scan = hillisSteeleScan(pairs);
    for (const level of scan.levels) {
      const b = await numbers(page, `[data-testid="scan-tree"] .scan-node[data-level="${level.level}"]`, 'data-b');
      expect(maxDiff([b], [level.pairs.map((p) => p.b)])).toBeLessThanOrEqual(1e-12);
    }
    const lastLevel = await numbers(page, '[data-testid="scan-tree"] .scan-node[data-level="3"]', 'data-b');
    const [scanRow, stepRow] = await readMatrix(page.getByTestId('scan-results'));
    expect(maxDiff([lastLevel], [sequential])).toBeLessThanOrEqual(1e-12);
    expect(maxDiff([scanRow], [stepRow])).toBeLessThanOrEqual(1e-12);
    // …and the step-by-step row is entry (1, 1) of the Mamba memory S_t.
    const memory = (runReference(selective, 'recurrent').steps ?? []).map((s) => s.S[0][0]);
    expect(maxDiff([stepRow], [memory])).toBeLessThanOrEqual(1e-12);
    expect(Number(await page.getByTestId('scan-verdict').getAttribute('data-diff'))).toBeLessThanOrEqual(1e-12);

    // No selection: one fixed Δ. The memory forgets the 4; the scan still equals the recurrence.
    await page.getByLabel(ui.selective.mode, { exact: true }).selectOption('fixed');
    await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
    const fixed = mambaCase('fixed');
    const fixedO = runReference(fixed, 'recurrent').o;
    await expect(page.getByTestId('selective-reading')).toHaveAttribute('data-value', String(fixedO[fixedO.length - 1][0]));
    const [fixedScan, fixedStep] = await readMatrix(page.getByTestId('scan-results'));
    expect(maxDiff([fixedScan, fixedStep], [sequentialScan(entryRecurrence(fixed, 0, 0)), sequentialScan(entryRecurrence(fixed, 0, 0))])).toBeLessThanOrEqual(1e-12);
    await page.getByLabel(ui.selective.mode, { exact: true }).selectOption('selective');
    await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');

    await page.getByTestId('delta').fill('0.5');
    await page.getByLabel(ui.conv.input, { exact: true }).selectOption('pulse');
    await expectS4Agrees(page, 0.5, 'pulse');
    await keepScreenshot(page, `ch09-mamba-${lang}`);
    expect(problems).toEqual([]);
  });
}
