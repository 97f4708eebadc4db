// Chapters 4 and 10, as a learner uses them: the capacity curve (every point a live model run) and the
// recap table (every row a live run of the one rule), each number checked against the float64 core.
import { expect, test, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import { CAPACITY_MECHANISMS, EXACT_ERROR, capacityCase, capacityCurve, capacityPairs, capacityTolerance, type KeyKind } from '../src/core/capacity';
import { RECAP_ORDER, RECAP_SIZES, recapCase, ruleShape, stateSize } from '../src/core/recap';
import { CAPACITY_DEFAULTS, DV, N_PAIRS } from '../src/app/chapters/ch04-capacity/config';
import { keepScreenshot, maxDiff, parallelBackend, readMatrix, tolerance, watchConsole } from './helpers';

const LANGS = ['en', 'zh-TW'] as const;
const LIVE = { timeout: 120_000 };

async function open(page: Page, slug: string, lang: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?lang=${lang}#/chapter/${slug}`);
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend(), LIVE);
  await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm', LIVE);
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
}

/**
 * The MemoryLab shows live outputs equal to `ref`: both backends live (WebGPU parallel, WASM recurrent),
 * the badge green and O = ref within float32 tolerance — checked together, so a frame that still shows
 * the previous input (or the float64 fallback) never counts.
 */
async function expectLiveOutputs(page: Page, ref: number[][], label: string) {
  await expect
    .poll(
      async () => {
        const [par, rec, ok] = await Promise.all([
          page.getByTestId('parallel-backend').getAttribute('data-backend'),
          page.getByTestId('recurrent-backend').getAttribute('data-backend'),
          page.getByTestId('equivalence-badge').getAttribute('data-ok'),
        ]);
        const diff = maxDiff(await readMatrix(page.getByTestId('parallel-O')), ref);
        return par === parallelBackend() && rec === 'wasm' && ok === 'true' && diff <= tolerance(ref) ? 'live and equal' : `${par}/${rec} ok=${ok} diff=${diff}`;
      },
      { message: label, ...LIVE },
    )
    .toBe('live and equal');
  const badge = page.getByTestId('equivalence-badge');
  await expect(badge).toHaveAttribute('data-parallel-backend', parallelBackend());
  await expect(badge).toHaveAttribute('data-recurrent-backend', 'wasm');
}

/** The plotted points of one mechanism, in n order, with where each came from. */
async function readCurve(page: Page, mechanism: string): Promise<{ values: number[]; sources: string[] }> {
  return page
    .locator(`[data-testid="capacity-plot"] [data-series="${mechanism}"] .plot-point`)
    .evaluateAll((els) => ({
      values: els.map((e) => Number(e.getAttribute('data-value'))),
      sources: els.map((e) => e.getAttribute('data-source') ?? ''),
    }));
}

/** Wait until every point is live, then compare plot and table with the float64 curve. */
async function expectCurvesMatch(page: Page, keys: KeyKind, dk: number) {
  const lab = page.getByTestId('capacity-lab');
  await expect(lab).toHaveAttribute('data-keys', keys);
  await expect(lab).toHaveAttribute('data-dk', String(dk));
  await expect(page.getByTestId('capacity-status')).toHaveAttribute('data-live', 'true', LIVE);
  // The sweep runs on WASM (72 tiny models); the MemoryLab below runs its parallel view on WebGPU.
  await expect(page.getByTestId('capacity-status')).toHaveAttribute('data-backends', 'wasm');
  const pairs = capacityPairs({ dk, dv: DV, count: N_PAIRS, keys, seed: CAPACITY_DEFAULTS.seed });
  const curves: Record<string, number[]> = {};
  for (const m of CAPACITY_MECHANISMS) {
    const ref = capacityCurve(m, pairs);
    const shown = await readCurve(page, m);
    expect(shown.values.length).toBe(N_PAIRS);
    expect(new Set(shown.sources)).toEqual(new Set(['wasm']));
    shown.values.forEach((v, i) => expect(Math.abs(v - ref[i]), `${m} n=${i + 1}: ${v} vs ${ref[i]}`).toBeLessThanOrEqual(capacityTolerance(ref[i])));
    // The table under the plot shows the same numbers.
    const table = await page.locator(`[data-testid="capacity-table"] td[data-mechanism="${m}"]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(table).toEqual(shown.values);
    curves[m] = shown.values;
  }
  await expect(page.getByTestId('capacity-plot-mark')).toHaveAttribute('data-x', String(dk));
  return curves;
}

for (const lang of LANGS) {
  test(`ch. 4 capacity: live curves, the cliff at n = d_k + 1, predict-then-reveal (${lang})`, async ({ page }) => {
    test.setTimeout(300_000);
    const problems = watchConsole(page);
    await open(page, 'capacity', lang);

    // Default: one-hot keys (the setting the question asks about), d_k = 8; random keys are a menu choice away.
    expect(CAPACITY_DEFAULTS.keys).toBe('one-hot');
    await expect(page.getByTestId('capacity-lab')).toHaveAttribute('data-keys', 'one-hot');

    // Predict, then reveal: the answer stays hidden until a guess is locked in — the curves, the
    // readout and the table too (they show where recall first fails).
    const predict = page.getByTestId('predict');
    await expect(predict).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('predict-result')).toHaveCount(0);
    await expect(page.getByTestId('capacity-lab').getByTestId('answer-gate')).toHaveAttribute('data-state', 'locked');
    await expect(page.getByTestId('capacity-plot')).toHaveCount(0);
    await expect(page.getByTestId('first-failure')).toHaveCount(0);
    const guess = lang === 'en' ? '9' : '8';
    await predict.locator(`input[data-choice="${guess}"]`).check();
    await page.getByTestId('predict-commit').click();
    await expect(predict).toHaveAttribute('data-state', guess === '9' ? 'right' : 'wrong');
    await expect(page.getByTestId('predict-result')).toContainText('9');

    // The reveal switches the figure to one-hot keys, d_k = 8: exact up to n = 8, wrong at n = 9.
    const oneHot = await expectCurvesMatch(page, 'one-hot', 8);
    for (let n = 1; n <= 8; n++) expect(oneHot.linear_attention[n - 1], `n=${n}`).toBeLessThanOrEqual(EXACT_ERROR);
    expect(oneHot.linear_attention[8]).toBeGreaterThan(0.1);
    expect(oneHot.linear_attention[8]).toBeCloseTo(2 / 9, 5); // pairs 1 and 9 share e₁: each read is off by one unit value
    for (let n = 1; n <= 8; n++) expect(oneHot.deltanet[n - 1]).toBeLessThanOrEqual(EXACT_ERROR);
    await expect(page.getByTestId('first-failure')).toHaveAttribute('data-n', '9');
    await expect(page.getByTestId('capacity-readout')).toHaveAttribute('data-n', '9');

    // Changing d_k moves the cliff.
    await page.getByTestId('dk').fill('5');
    const narrow = await expectCurvesMatch(page, 'one-hot', 5);
    for (let n = 1; n <= 5; n++) expect(narrow.linear_attention[n - 1]).toBeLessThanOrEqual(EXACT_ERROR);
    expect(narrow.linear_attention[5]).toBeGreaterThan(0.1);
    await expect(page.getByTestId('first-failure')).toHaveAttribute('data-n', '6');

    // The step-by-step view runs the n = 9 case of the same pairs, live, and agrees with the core.
    const pairs = capacityPairs({ dk: 5, dv: DV, count: N_PAIRS, keys: 'one-hot', seed: CAPACITY_DEFAULTS.seed });
    const ref = runReference(capacityCase('linear_attention', pairs, 9), 'parallel').o;
    await expectLiveOutputs(page, ref, 'ch. 4 lab');
    // Read 1 (step 10) returns v₁ + v₆: pairs 1 and 6 share the key e₁ when d_k = 5.
    ref[9].forEach((x, i) => expect(x).toBeCloseTo(pairs.values[0][i] + pairs.values[5][i], 12));

    // Random unit keys, d_k = 8 (the curve without a cliff).
    await page.getByTestId('capacity-lab').getByTestId('preset').selectOption('random');
    await page.getByTestId('dk').fill(String(CAPACITY_DEFAULTS.dk));
    await expectCurvesMatch(page, 'random', CAPACITY_DEFAULTS.dk);

    await keepScreenshot(page, `ch04-capacity-${lang}`);
    expect(problems).toEqual([]);
  });

  test(`ch. 10 where they stand: every recap row is the one rule, run live (${lang})`, async ({ page }) => {
    test.setTimeout(300_000);
    const problems = watchConsole(page);
    await open(page, 'where-they-stand', lang);

    // Predict, then reveal: which state grows with the sequence?
    // The recap table answers it, so it waits for a guess.
    const predict = page.getByTestId('predict');
    await expect(page.getByTestId('predict-result')).toHaveCount(0);
    await expect(page.getByTestId('recap-table')).toHaveCount(0);
    await expect(page.locator('.chapter-figure').getByTestId('answer-gate').first()).toHaveAttribute('data-state', 'locked');
    const guess = lang === 'en' ? 'softmax_attention' : 'mamba2';
    await predict.locator(`input[data-choice="${guess}"]`).check();
    await page.getByTestId('predict-commit').click();
    await expect(predict).toHaveAttribute('data-state', guess === 'softmax_attention' ? 'right' : 'wrong');
    await expect(page.locator('[data-testid="recap-table"] tr[data-selected="true"]')).toHaveAttribute('data-mechanism', 'softmax_attention');
    await expect(page.locator('[data-testid="recap-table"] tr[data-mechanism="softmax_attention"]')).toHaveAttribute('data-inference', 'grows');

    // The rule columns are the engine's own settings.
    const rows = page.locator('[data-testid="recap-table"] tbody tr');
    await expect(rows).toHaveCount(RECAP_ORDER.length);
    for (const [i, m] of RECAP_ORDER.entries()) {
      const row = rows.nth(i);
      const shape = ruleShape(recapCase(m));
      await expect(row).toHaveAttribute('data-mechanism', m);
      await expect(row).toHaveAttribute('data-gate', shape.gate);
      await expect(row).toHaveAttribute('data-gate-varies', String(shape.gateVaries));
      await expect(row).toHaveAttribute('data-erase', String(shape.erase));
      await expect(row).toHaveAttribute('data-beta-varies', String(shape.betaVaries));
      await expect(row).toHaveAttribute('data-state', String(stateSize(recapCase(m), RECAP_SIZES.T)));
    }

    // Every row runs live and matches the core (parallel view on WebGPU, recurrent on WASM): all of
    // them once, in English; in Chinese the first two (the rows are the same code in both languages).
    for (const m of lang === 'en' ? RECAP_ORDER : RECAP_ORDER.slice(0, 2)) {
      await page.getByTestId(`recap-run-${m}`).click();
      await expect(page.getByTestId(`recap-run-${m}`)).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('recap-rule')).toHaveAttribute('data-mechanism', m);
      await expectLiveOutputs(page, runReference(recapCase(m), 'parallel').o, m);
    }

    // Keyboard: a row's button takes Enter like any button.
    await page.getByTestId('recap-run-deltanet').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('recap-run-deltanet')).toHaveAttribute('aria-pressed', 'true');
    await expectLiveOutputs(page, runReference(recapCase('deltanet'), 'parallel').o, 'keyboard: DeltaNet');

    await keepScreenshot(page, `ch10-where-${lang}`);
    expect(problems).toEqual([]);
  });
}
