// Chapters 0 and 1 as a learner uses them. Ch. 0: the live cost measurement plots real points,
// labelled with the backend that ran them, beside the core's memory cost model; predict-then-reveal.
// Ch. 1: the live ONNX LSTM (on WASM) against the float64 core, step by step; the dependency diagram
// against the core's dependency sets; predict-then-reveal; a typed sentence reruns the model.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { memoryAt } from '../src/core/cost';
import { neededFor, type DependencyForm } from '../src/core/dependency';
import { lstmRun, lstmWeights } from '../src/core/lstm';
import { COST_SERIES, COST_WIDTHS, MILLIONS_T, costLengths } from '../src/app/chapters/ch00-why/presets';
import { LSTM_SPEC, SENTENCES, lstmInputs, sentenceTokens } from '../src/app/chapters/ch01-rnn/presets';
import { keepScreenshot, maxDiff, parallelBackend, readMatrix, tolerance, watchConsole } from './helpers';

const LANGS = ['en', 'zh-TW'] as const;
/** How the page names each backend to a learner. */
const BACKEND_WORDS = { en: { webgpu: 'WebGPU', wasm: 'your CPU' }, 'zh-TW': { webgpu: 'WebGPU', wasm: '你的 CPU' } } as const;

async function open(page: Page, slug: string, lang: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?lang=${lang}#/chapter/${slug}`);
}

/** The numbers of a VectorStrip (data-value of each cell). */
async function readStrip(strip: Locator): Promise<number[]> {
  return strip.evaluate((el) => Array.from(el.querySelectorAll('.vector-cell')).map((c) => Number(c.getAttribute('data-value'))));
}

for (const lang of LANGS) {
  test(`ch. 0 why: live measurement, memory cost model, predict-then-reveal (${lang}) @webgpu`, async ({ page }) => {
    test.setTimeout(240_000);
    const problems = watchConsole(page);
    await open(page, 'why', lang);
    const lab = page.getByTestId('cost-lab');
    await expect(lab).toHaveAttribute('data-status', 'idle');

    // Keep the run short in the test: longest T = 1024 in English (the page's default is 4096), and
    // 256 in Chinese, which checks the same run's words (the sizes were measured in English).
    const longest = lang === 'en' ? 1024 : 256;
    await page.getByTestId('cost-longest').selectOption(String(longest));
    const lengths = costLengths(longest);

    // The bytes answer the question below: they wait for a guess (the time measurement does not).
    await expect(page.getByTestId('memory-table')).toHaveCount(0);
    await expect(page.getByTestId('memory-plot')).toHaveCount(0);
    await expect(lab.getByTestId('answer-gate')).toHaveAttribute('data-state', 'locked');

    // Predict, then reveal: a wrong guess first, then the right one (65 536 = 4096² / 16²).
    const predict = page.getByTestId('predict');
    await predict.locator('input[data-choice="4096"]').check();
    await page.getByTestId('predict-commit').click();
    await expect(predict).toHaveAttribute('data-state', 'wrong');
    await expect(page.getByTestId('predict-result')).toContainText('65,536');
    await page.getByTestId('predict-result').getByRole('button').click();
    await predict.locator('input[data-choice="65536"]').check();
    await page.getByTestId('predict-commit').click();
    await expect(predict).toHaveAttribute('data-state', 'right');

    await expect(lab.getByTestId('answer-gate')).toHaveCount(0);

    // Memory: every number shown equals the core's cost model (plot points and table).
    const memPoints = await page.getByTestId('memory-point').evaluateAll((els) =>
      els.map((e) => ({ series: e.getAttribute('data-series'), T: Number(e.getAttribute('data-t')), bytes: Number(e.getAttribute('data-bytes')) })),
    );
    expect(memPoints).toHaveLength(lengths.length * 3);
    for (const p of memPoints) expect(p.bytes).toBe(memoryAt(p.T, COST_WIDTHS)[p.series as 'kvCache' | 'scoreMatrix' | 'state']);
    const memCells = await page.getByTestId('memory-table').locator('td[data-bytes]').evaluateAll((els) =>
      els.map((e) => ({ T: Number(e.closest('tr')?.getAttribute('data-t')), key: e.getAttribute('data-key'), bytes: Number(e.getAttribute('data-bytes')), text: e.textContent })),
    );
    expect(memCells.some((c) => c.T === MILLIONS_T)).toBe(true);
    for (const c of memCells) expect(c.bytes).toBe(memoryAt(c.T, COST_WIDTHS)[c.key as 'kvCache' | 'scoreMatrix' | 'state']);
    expect(memCells.find((c) => c.T === longest && c.key === 'scoreMatrix')?.text).toBe(longest === 1024 ? '4 MiB' : '256 KiB');
    expect(memCells.find((c) => c.T === longest && c.key === 'state')?.text).toBe('1 KiB');

    // Run: the page stays responsive (Cancel is live), then every point is a positive time with the
    // backend that really ran it.
    await page.getByTestId('cost-run').click();
    await expect(lab).toHaveAttribute('data-status', 'running');
    await expect(page.getByTestId('cost-cancel')).toBeEnabled();
    await expect(lab).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
    const points = await page.getByTestId('time-point').evaluateAll((els) =>
      els.map((e) => ({ series: e.getAttribute('data-series'), T: Number(e.getAttribute('data-t')), ms: Number(e.getAttribute('data-ms')), backend: e.getAttribute('data-backend') })),
    );
    // Every cell ran, unless the page said it stopped a slow series or ran out of its time budget.
    const cut = (await page.getByTestId('cost-stopped').count()) + (await page.getByTestId('cost-out-of-time').count());
    if (cut === 0) expect(points).toHaveLength(lengths.length * COST_SERIES.length);
    for (const s of COST_SERIES) expect(points.filter((p) => p.series === s.id).length, s.id).toBeGreaterThanOrEqual(1);
    for (const p of points) {
      expect(Number.isFinite(p.ms) && p.ms > 0, `${p.series} T=${p.T}: ${p.ms} ms`).toBe(true);
      expect(lengths).toContain(p.T);
    }
    // The parallel forms ran on WebGPU where the browser has it; the recurrent form runs on WASM by design.
    expect(points.filter((p) => p.series !== 'recurrent').every((p) => p.backend === parallelBackend())).toBe(true);
    expect(points.filter((p) => p.series === 'recurrent').every((p) => p.backend === 'wasm')).toBe(true);
    // The table labels each point with the backend in words.
    const rows = await page.getByTestId('time-table').locator('tbody tr').evaluateAll((els) =>
      els.map((e) => ({ backend: e.getAttribute('data-backend'), text: e.querySelectorAll('td')[1]?.textContent })),
    );
    expect(rows).toHaveLength(points.length);
    for (const r of rows) expect(r.text).toBe(BACKEND_WORDS[lang as 'en' | 'zh-TW'][r.backend as 'webgpu' | 'wasm']);
    // A theory line per series.
    await expect(page.locator('[data-testid="time-plot"] [data-guide]')).toHaveCount(COST_SERIES.length);

    await keepScreenshot(page, `ch00-why-${lang}`);

    // Cancel: a second run stops when asked.
    if (lang === 'en') {
      await page.getByTestId('cost-longest').selectOption('4096');
      await page.getByTestId('cost-run').click();
      await page.getByTestId('cost-cancel').click();
      await expect(lab).toHaveAttribute('data-status', 'cancelled');
      await expect(page.getByTestId('cost-run')).toBeEnabled();
    }
    expect(problems).toEqual([]);
  });

  test(`ch. 1 RNN: live LSTM vs the core, dependency diagram, predict-then-reveal (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await open(page, 'rnn', lang);
    const tokens = sentenceTokens(SENTENCES.greeting[lang]);
    const ref = lstmRun(lstmWeights(LSTM_SPEC), lstmInputs(tokens));

    // The badge names the backend that really ran: WASM (the WebGPU EP has no LSTM kernel), in a learner's words.
    const badge = page.getByTestId('lstm-backend');
    await expect(badge).toHaveAttribute('data-backend', 'wasm');
    await expect(badge.locator('.badge-label')).toHaveText(lang === 'en' ? 'Live · your CPU' : '即時 · 你的 CPU');
    await expect(page.getByTestId('lstm-backend-note')).toContainText(lang === 'en' ? 'your CPU' : '你的 CPU');
    await expect(page.getByTestId('lstm-agreement')).toHaveAttribute('data-ok', 'true');

    // Step to step 3 with the keyboard: h_t, c_t and the gates on the page equal the float64 core.
    const lab = page.getByTestId('lstm-lab');
    await lab.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('lstm-step')).toHaveAttribute('data-step', '2');
    await expect(page.getByTestId('lstm-step')).toContainText(tokens[2]);
    for (const field of ['h', 'c', 'i', 'f', 'o', 'g'] as const) {
      const shown = await readStrip(page.getByTestId(`lstm-${field}`));
      expect(maxDiff([shown], [ref[2][field]]), field).toBeLessThanOrEqual(tolerance([ref[2][field]]));
    }
    const H = await readMatrix(page.getByTestId('lstm-H'));
    expect(maxDiff(H, ref.map((s) => s.h))).toBeLessThanOrEqual(tolerance(ref.map((s) => s.h)));

    // The dependency diagrams highlight exactly what the core says y₃ needs, wave by wave.
    const expectDiagram = async (t: number) => {
      for (const form of ['rnn', 'linear-attention'] as DependencyForm[]) {
        const want = neededFor(form, tokens.length, t);
        const panel = page.getByTestId(`dep-${form}`);
        await expect(panel).toHaveAttribute('data-steps', String(want.sequentialSteps));
        const lit = await panel.locator('[data-node][data-needed="true"]').evaluateAll((els) =>
          els.map((e) => ({ id: e.getAttribute('data-node') ?? '', wave: Number(e.getAttribute('data-wave')) })),
        );
        expect(lit.map((n) => n.id).sort(), form).toEqual([...want.nodes].sort());
        for (const n of lit) expect(n.wave, `${form} ${n.id}`).toBe(want.wave[n.id]);
        const edges = await panel.locator('[data-edge][data-needed="true"]').count();
        expect(edges, form).toBe(want.edges.length);
      }
    };
    await expectDiagram(2);
    // Clicking an output in the diagram moves the one cursor (and the LSTM with it).
    await page.locator('[data-testid="dep-rnn"] [data-node="y5"]').click();
    await expect(page.getByTestId('lstm-step')).toHaveAttribute('data-step', '5');
    await expectDiagram(5);
    await expect(page.getByTestId('dep-rnn-count')).toContainText('6');

    // Predict, then reveal: committing shows y₅ in the diagrams.
    const predict = page.getByTestId('predict');
    await predict.locator('input[data-choice="two"]').check();
    await page.getByTestId('predict-commit').click();
    await expect(predict).toHaveAttribute('data-state', 'wrong');
    await expect(page.getByTestId('dep-target')).toHaveText('y₅');
    await expectDiagram(4);
    await page.getByTestId('predict-result').getByRole('button').click();
    await predict.locator('input[data-choice="five"]').check();
    await page.getByTestId('predict-commit').click();
    await expect(predict).toHaveAttribute('data-state', 'right');

    await keepScreenshot(page, `ch01-rnn-${lang}`);

    // A typed sentence reruns the live model; the page still agrees with the core.
    const own = lang === 'en' ? 'the cat sat on the mat' : '今天天氣很好';
    await page.getByTestId('sentence-input').fill(own);
    await page.getByTestId('sentence-apply').click();
    const ownTokens = sentenceTokens(own);
    const ownRef = lstmRun(lstmWeights(LSTM_SPEC), lstmInputs(ownTokens));
    await expect.poll(async () => (await readMatrix(page.getByTestId('lstm-H'))).length).toBe(ownTokens.length);
    await expect(page.getByTestId('lstm-agreement')).toHaveAttribute('data-ok', 'true');
    const ownH = await readMatrix(page.getByTestId('lstm-H'));
    expect(maxDiff(ownH, ownRef.map((s) => s.h))).toBeLessThanOrEqual(tolerance(ownRef.map((s) => s.h)));
    expect(problems).toEqual([]);
  });
}

test('ch. 0 without WebGPU: the default measurement (up to T = 4096) runs on WASM, says so, and finishes', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await open(page, 'why', 'en');
  await page.getByTestId('cost-run').click();
  await expect(page.getByTestId('cost-lab')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('notice-webgpu-missing')).toBeVisible();
  const points = await page.getByTestId('time-point').evaluateAll((els) =>
    els.map((e) => ({ T: Number(e.getAttribute('data-t')), ms: Number(e.getAttribute('data-ms')), backend: e.getAttribute('data-backend') })),
  );
  expect(points.length).toBeGreaterThan(0);
  for (const p of points) {
    expect(p.backend).toBe('wasm');
    expect(p.ms).toBeGreaterThan(0);
  }
  await keepScreenshot(page, 'ch00-why-wasm-only');
  expect(problems).toEqual([]);
});
