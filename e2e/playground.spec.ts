// The playground, as a learner uses it: every mechanism in three live views that agree, the chunk
// slider, the cost counter, downloads (trace JSON, SVG, PNG), the copy-link round trip, imports (a
// trace, a case, a corrupt file) and a link with out-of-range settings — numbers checked against the
// float64 core.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import { MECHANISMS, type Case } from '../src/core/cases';
import { formCosts } from '../src/core/formCost';
import { mechanismKnobs, playgroundCase } from '../src/core/playgroundInputs';
import { parseCliTrace } from '../src/trace/cliTrace';
import { chapterExample } from '../src/app/playground/chapterExamples';
import { DEFAULT_SETTINGS, type PlaygroundSettings } from '../src/app/playground/settings';
import { forceWebGpu, keepScreenshot, maxDiff, parallelBackend, readMatrix, tolerance, watchConsole, startLiveModels } from './helpers';

const LANGS = ['en', 'zh-TW'] as const;

/** The case the page generates for these settings (the page passes 1 for knobs a mechanism lacks). */
function caseFor(s: Partial<PlaygroundSettings>): Case {
  const x = { ...DEFAULT_SETTINGS, ...s };
  // Which knobs a mechanism has is read off the registry; the numbers are checked against the core.
  const knobs = mechanismKnobs(x.mechanism);
  const gateLevel = knobs.gate ? x.gate : 1;
  const beta = knobs.beta ? x.beta : 1;
  return playgroundCase(x.mechanism, { T: x.T, dk: x.dk, dv: x.dv, seed: x.seed, preset: x.preset, gateLevel, beta });
}

async function open(page: Page, lang: string, pg?: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?lang=${lang}${pg ? `&pg=${pg}` : ''}${forceWebGpu()}#/playground`);
  await expect(page.getByTestId('playground')).toBeVisible();
  await startLiveModels(page);
}

/** All views that run have finished and agree; the parallel view ran on the project's backend, the others on WASM. */
async function expectAgreement(page: Page, { parallel = parallelBackend() }: { parallel?: string } = {}) {
  const badge = page.getByTestId('pg-badge');
  await expect(badge).toHaveAttribute('data-live', 'true', { timeout: 60_000 });
  await expect(badge).toHaveAttribute('data-ok', 'true');
  await expect(badge).toHaveAttribute('data-parallel-backend', parallel);
  await expect(badge).toHaveAttribute('data-recurrent-backend', 'wasm');
  await expect(badge).toHaveAttribute('data-chunkwise-backend', 'wasm');
}

/** A shown output table (or the recurrent one) equals the core's outputs. */
async function expectOutputs(page: Page, testId: string, ref: number[][]) {
  expect(maxDiff(await readMatrix(page.getByTestId(testId)), ref)).toBeLessThanOrEqual(tolerance(ref));
}

async function download(page: Page, button: Locator): Promise<Buffer> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await file.path()) ?? '');
}

async function setNumber(page: Page, testId: string, value: string) {
  const box = page.getByTestId(testId);
  await box.fill(value);
  await box.press('Enter');
}

test.describe.configure({ timeout: 240_000 });

for (const lang of LANGS) {
  test(`every mechanism: three live views agree with each other and the core (${lang})${lang === 'en' ? ' @webgpu' : ''}`, async ({ page }) => {
    const problems = watchConsole(page);
    await open(page, lang);
    // The words a learner reads are in the page's language.
    const h1 = lang === 'en' ? 'Playground' : '自由實驗場';
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
    const mechanisms = lang === 'en' ? MECHANISMS : (['linear_attention', 'gated_deltanet', 'mamba'] as const);
    for (const m of mechanisms) {
      await page.getByTestId('pg-inputs').getByTestId('preset').selectOption(m);
      await expectAgreement(page);
      const c = caseFor({ mechanism: m });
      const ref = runReference(c, 'recurrent').o;
      for (const view of ['parallel', 'recurrent', 'chunkwise'] as const) await expectOutputs(page, `pg-o-${view}`, ref);
      await expect(page.getByTestId('pg-backend-parallel')).toHaveAttribute('data-backend', parallelBackend());
      await expect(page.getByTestId('pg-backend-recurrent')).toHaveAttribute('data-backend', 'wasm');
      await expect(page.getByTestId('pg-backend-chunkwise')).toHaveAttribute('data-backend', 'wasm');
      // T = 8: the reference is computed, the recurrent view plays step by step (except softmax: no state).
      expect(Number(await page.getByTestId('pg-badge').getAttribute('data-ref-diff'))).toBeLessThanOrEqual(tolerance(ref));
      if (m !== 'softmax_attention') {
        await expect(page.getByTestId('pg-figure')).toBeVisible(); // an unpainted stage cannot take the focus
        await page.getByTestId('pg-figure').focus();
        await page.keyboard.press('End');
        await expect(page.getByTestId('pg-memory')).toHaveAttribute('data-step', '7');
        const S = runReference(c, 'recurrent').steps?.[7].S ?? [];
        // Reduced motion still steps through the beats, quickly; the last one shows S_t.
        await expect.poll(async () => maxDiff(await readMatrix(page.getByTestId('pg-memory-S')), S)).toBeLessThanOrEqual(tolerance(S));
        await page.keyboard.press('Home');
      }
    }
    await expect(page.getByTestId('pg-badge')).toContainText(lang === 'en' ? 'all views give the same numbers' : '所有視角算出相同的數字');
    await expect(page.getByTestId('pg-cost')).toContainText(lang === 'en' ? 'Cost of each form' : '各形式的計算成本');
    // Predict, then reveal: the crossover of T² and T·d_k·d_v.
    await page.getByTestId('pg-predict').locator('[data-choice="crossover"]').check();
    await page.getByTestId('pg-predict').getByRole('button').first().click();
    await expect(page.getByTestId('pg-predict')).toHaveAttribute('data-state', 'right');
    const at64 = formCosts(64, 64, { dk: 64, dv: 64 });
    expect(at64.parallel.flops).toBe(at64.recurrent.flops);
    await expect(page.getByTestId('pg-predict-numbers')).toContainText(new Intl.NumberFormat(lang).format(at64.parallel.flops));
    // The picture a learner sees mid-sequence: Mamba's memory at step 6.
    await page.mouse.move(0, 0);
    await expect(page.getByTestId('pg-figure')).toBeVisible(); // an unpainted stage cannot take the focus
    await page.getByTestId('pg-figure').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('pg-memory')).toHaveAttribute('data-step', '5');
    await expect(page.getByTestId('pg-memory')).toHaveAttribute('data-beat', 'read');
    await keepScreenshot(page, `playground-${lang}`);
    expect(problems).toEqual([]);
  });
}

test('chunkwise equals recurrent for chunk sizes 1, 3 and T; the cost counter follows T and C', async ({ page }) => {
  const problems = watchConsole(page);
  await open(page, 'en', 'm:gated_deltanet,T:8,C:2');
  await expectAgreement(page);
  const c = caseFor({ mechanism: 'gated_deltanet' });
  const rec = runReference(c, 'recurrent').o;
  for (const C of [1, 3, 8]) {
    await page.getByTestId('pg-chunk').fill(String(C));
    await expect(page.getByTestId('pg-view-chunkwise')).toHaveAttribute('data-chunk', String(C));
    await expectAgreement(page);
    const badge = page.getByTestId('pg-badge');
    expect(Number(await badge.getAttribute('data-diff-chunkwise-recurrent'))).toBeLessThanOrEqual(2 * tolerance(rec));
    const core = runReference(c, 'chunkwise', C).o;
    expect(maxDiff(core, rec)).toBeLessThanOrEqual(1e-12 * Math.max(1, ...rec.flat().map(Math.abs)));
    await expectOutputs(page, 'pg-o-chunkwise', core);
    await expectOutputs(page, 'pg-o-recurrent', rec);
    // The cost counter shows the core's cost model at this T and C.
    const costs = formCosts(8, C, { dk: 4, dv: 4 });
    for (const form of ['parallel', 'recurrent', 'chunkwise'] as const) {
      const row = page.getByTestId(`pg-cost-${form}`);
      await expect(row).toHaveAttribute('data-flops', String(costs[form].flops));
      await expect(row).toHaveAttribute('data-memory', String(costs[form].memory));
      await expect(row).toHaveAttribute('data-steps', String(costs[form].sequentialSteps));
    }
  }

  // Long sequences: T = 1024, d = 64. No reference, no per-step playback; the views still agree.
  await page.getByTestId('pg-inputs').getByTestId('preset').selectOption('linear_attention');
  const big = formCosts(1024, 64, { dk: 64, dv: 64 });
  // Once in a fresh-clone run the preset's own T landed after the typed one (T stayed 8): the sizes are
  // typed again until the cost counter shows them, and then must stay.
  await expect(async () => {
    await setNumber(page, 'pg-T', '1024');
    await setNumber(page, 'pg-dk', '64');
    await setNumber(page, 'pg-dv', '64');
    await page.getByTestId('pg-chunk').fill('64');
    await expect(page.getByTestId('pg-cost-parallel')).toHaveAttribute('data-flops', String(big.parallel.flops), { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('pg-cost-parallel')).toHaveAttribute('data-flops', String(big.parallel.flops));
  await expect(page.getByTestId('pg-cost-parallel')).toContainText(new Intl.NumberFormat('en').format(big.parallel.flops));
  await expect(page.getByTestId('pg-cost-chunkwise')).toHaveAttribute('data-steps', '16');
  await expectAgreement(page);
  await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-ref-diff', '');
  await expect(page.getByTestId('pg-no-playback')).toBeVisible();
  await expect(page.getByTestId('pg-o-recurrent')).toHaveAttribute('data-rows', '1024');
  await expect(page.getByTestId('pg-o-recurrent')).toHaveAttribute('data-cols', '64');
  // Mamba-1's parallel form would need T²·D·N numbers: not run, and the page says why.
  await page.getByTestId('pg-inputs').getByTestId('preset').selectOption('mamba');
  await expect(page.getByTestId('pg-skipped-parallel')).toContainText('128 MiB');
  await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-live', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-parallel-backend', 'skipped');
  await keepScreenshot(page, 'playground-long-en');
  expect(problems).toEqual([]);
});

test('downloads: the trace JSON matches the core, SVG and PNG are real images', async ({ page }) => {
  const problems = watchConsole(page);
  await open(page, 'en', 'm:deltanet,T:6,dk:3,dv:2,beta:0.7');
  await expectAgreement(page);
  const c = caseFor({ mechanism: 'deltanet', T: 6, dk: 3, dv: 2, beta: 0.7 });
  const ref = runReference(c, 'recurrent');

  const recurrent = parseCliTrace(JSON.parse((await download(page, page.getByTestId('pg-download-trace'))).toString('utf8')));
  expect(recurrent).toMatchObject({ mechanism: 'deltanet', view: 'recurrent', backend: 'wasm' });
  expect(maxDiff(recurrent.o, ref.o)).toBeLessThanOrEqual(tolerance(ref.o));
  expect(maxDiff(recurrent.S_final ?? [], ref.S_final ?? [])).toBeLessThanOrEqual(tolerance(ref.S_final ?? []));
  expect(recurrent.S).toHaveLength(6);
  expect(maxDiff(recurrent.S?.[3] ?? [], ref.steps?.[3].S ?? [])).toBeLessThanOrEqual(tolerance(ref.steps?.[3].S ?? []));
  // The same keys as the trace command prints.
  expect(Object.keys(JSON.parse((await download(page, page.getByTestId('pg-download-trace'))).toString('utf8')))).toEqual(['mechanism', 'view', 'backend', 'o', 'S_final', 'ms', 'S']);

  await page.getByTestId('pg-export-view').selectOption('parallel');
  const parallel = parseCliTrace(JSON.parse((await download(page, page.getByTestId('pg-download-trace'))).toString('utf8')));
  expect(parallel).toMatchObject({ view: 'parallel', backend: parallelBackend() });
  expect(parallel.S).toBeUndefined();
  expect(maxDiff(parallel.o, ref.o)).toBeLessThanOrEqual(tolerance(ref.o));

  const svg = (await download(page, page.getByTestId('pg-download-svg'))).toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.match(/<rect /g)?.length).toBe(6 * 2 + 1);
  await page.getByTestId('pg-export-figure').selectOption('M');
  const png = await download(page, page.getByTestId('pg-download-png'));
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
});

test('two settings committed before the page re-renders both hold', async ({ page }) => {
  const problems = watchConsole(page);
  await open(page, 'en');
  await expectAgreement(page);
  // Type into two boxes, let React render the typing, then press Enter in both within one task: the
  // second commit runs before React has rendered the first (as on a busy phone).
  await page.evaluate(async () => {
    const box = (id: string) => document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
    const type = (el: HTMLInputElement, text: string) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, text);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    type(box('pg-seed'), '7');
    type(box('pg-T'), '12');
    await new Promise((r) => setTimeout(r, 100));
    for (const id of ['pg-seed', 'pg-T']) box(id).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await expect(page.getByTestId('pg-seed')).toHaveValue('7');
  await expect(page.getByTestId('pg-T')).toHaveValue('12');
  await expectAgreement(page);
  const ref = runReference(caseFor({ seed: 7, T: 12 }), 'recurrent').o;
  await expect.poll(async () => maxDiff(await readMatrix(page.getByTestId('pg-o-recurrent')), ref)).toBeLessThanOrEqual(tolerance(ref));
  expect(problems).toEqual([]);
});

test('copy link: the link reopens the same inputs and numbers', async ({ page }) => {
  const problems = watchConsole(page);
  await open(page, 'en');
  await expectAgreement(page);
  await page.getByTestId('pg-inputs').getByTestId('preset').selectOption('retnet');
  await setNumber(page, 'pg-seed', '7');
  await setNumber(page, 'pg-T', '12');
  await page.getByTestId('pg-gate').fill('0.7');
  await page.getByTestId('pg-chunk').fill('5');
  await expect(page.getByTestId('pg-view-chunkwise')).toHaveAttribute('data-chunk', '5');
  await expectAgreement(page);
  const ref = runReference(caseFor({ mechanism: 'retnet', seed: 7, T: 12, gate: 0.7 }), 'recurrent').o;
  // The badge may still agree about the case before the gate moved: wait for the new numbers, not a time.
  await expect.poll(async () => maxDiff(await readMatrix(page.getByTestId('pg-o-recurrent')), ref)).toBeLessThanOrEqual(tolerance(ref));
  const before = await readMatrix(page.getByTestId('pg-o-recurrent'));

  await page.getByTestId('pg-copy-link').click();
  await expect(page.getByTestId('pg-copy-status')).toBeVisible();
  const link = await page.getByTestId('pg-link').inputValue();
  expect(link).toContain('#/playground');
  await page.goto('about:blank');
  await page.goto(link);
  await expectAgreement(page);
  await expect(page.getByTestId('pg-inputs').getByTestId('preset')).toHaveValue('retnet');
  await expect(page.getByTestId('pg-seed')).toHaveValue('7');
  await expect(page.getByTestId('pg-T')).toHaveValue('12');
  await expect(page.getByTestId('pg-gate')).toHaveValue('0.7');
  await expect(page.getByTestId('pg-chunk')).toHaveValue('5');
  await expect(page.getByTestId('pg-view-chunkwise')).toHaveAttribute('data-chunk', '5');
  await expect(page.getByTestId('pg-notes')).toHaveCount(0);
  expect(await readMatrix(page.getByTestId('pg-o-recurrent'))).toEqual(before);
  expect(problems).toEqual([]);
});

for (const lang of LANGS) {
  test(`imports: a trace plays, a case runs, a corrupt file is refused; typed JSON is checked (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await open(page, lang);
    await expectAgreement(page);
    const file = page.getByTestId('pg-file');

    // A trace printed by the `trace` command itself (the site's ONNX models under Node), with steps.
    const traced = randomTraceCase();
    const result = runReference(traced, 'recurrent');
    await file.setInputFiles({ name: 'my-trace.json', mimeType: 'application/json', buffer: traceCommand(traced) });
    await expect(page.getByTestId('pg-imported')).toBeVisible();
    await expect(page.getByTestId('pg-imported-meta')).toHaveAttribute('data-mechanism', 'deltanet');
    await expect(page.getByTestId('pg-imported')).toContainText(lang === 'en' ? 'imported' : '匯入');
    await expectOutputs(page, 'pg-imported-o', result.o);
    await page.getByTestId('pg-imported').focus();
    await page.keyboard.press('End');
    await expectOutputs(page, 'pg-imported-S', result.steps?.[4].S ?? []);
    await page.keyboard.press('ArrowLeft');
    await expectOutputs(page, 'pg-imported-S', result.steps?.[3].S ?? []);
    await page.getByTestId('pg-imported').scrollIntoViewIfNeeded();
    await keepScreenshot(page, `playground-imported-trace-${lang}`);

    // A case: it runs live in all three views.
    const own: Case = { mechanism: 'gated_retention', q: [[1, 0], [0, 1], [1, 1]], k: [[1, 0], [0, 1], [0.5, 0.5]], v: [[1], [2], [3]], gate: [0.9, 0.5, 1] };
    await file.setInputFiles({ name: 'my-case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await expect(page.getByTestId('pg-custom-active')).toHaveAttribute('data-source', 'my-case.json');
    await expectAgreement(page);
    await expectOutputs(page, 'pg-o-recurrent', runReference(own, 'recurrent').o);
    await expectOutputs(page, 'pg-o-parallel', runReference(own, 'recurrent').o);

    // The same by drag and drop.
    const dropped: Case = { ...own, gate: [0.5, 0.5, 0.5] };
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, JSON.stringify(dropped));
    await page.getByTestId('pg-drop').dispatchEvent('drop', { dataTransfer });
    await expect(page.getByTestId('pg-custom-active')).toHaveAttribute('data-source', 'dropped.json');
    await expectAgreement(page);
    await expectOutputs(page, 'pg-o-chunkwise', runReference(dropped, 'recurrent').o);

    // A chapter's example opens as its own inputs.
    await page.getByTestId('pg-example').selectOption('ch8-story');
    await expect(page.getByTestId('pg-custom-active')).toContainText('DeltaNet');
    await expectAgreement(page);
    await expectOutputs(page, 'pg-o-recurrent', runReference(chapterExample('ch8-story'), 'recurrent').o);

    // A corrupt file and a file with a ragged matrix: one clear message each; the page keeps working.
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"mechanism": "deltanet", "q": [[1, 2]') });
    await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toBeVisible();
    await file.setInputFiles({ name: 'ragged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...own, k: [[1, 0], [0], [0.5, 0.5]] })) });
    const ragged = page.getByTestId('pg-import-error');
    await expect(ragged).toContainText('ragged.json');
    await expect(ragged).toContainText('k[1]');
    await expect(ragged).toContainText(lang === 'en' ? 'expected 2 entries like the other rows, got 1' : '應該和其他列一樣有 2 個元素，卻有 1 個');
    await expect(page.getByTestId('pg-custom-active')).toContainText('DeltaNet');
    await expectAgreement(page);

    // Typed JSON: a bad γ names the field; a good case runs.
    await page.getByTestId('pg-custom').locator('summary').click();
    const box = page.getByTestId('pg-case-json');
    await box.fill(JSON.stringify({ mechanism: 'retnet', gamma: 1.5, q: [[1]], k: [[1]], v: [[2]] }));
    await page.getByTestId('pg-case-run').click();
    const alert = page.getByTestId('pg-case-error');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText(lang === 'en' ? 'gamma: must be in [0, 1], got 1.5' : 'gamma：必須在 [0, 1] 之間，卻是 1.5');
    const typed: Case = { mechanism: 'retnet', gamma: 0.5, q: [[1], [1]], k: [[1], [1]], v: [[2], [4]] };
    await box.fill(JSON.stringify(typed));
    await page.getByTestId('pg-case-run').click();
    await expect(alert).toHaveCount(0);
    await expectAgreement(page);
    await expectOutputs(page, 'pg-o-chunkwise', [[2], [5]]); // o₂ = 0.5·2 + 4 = 5
    await page.getByTestId('pg-back-generated').click();
    await expectAgreement(page);
    await keepScreenshot(page, `playground-import-${lang}`);
    expect(problems).toEqual([]);
  });

  test(`a link with out-of-range settings is repaired, with a message (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await open(page, lang, 'm:lstm,T:5000,dk:0,gate:abc');
    const notes = page.getByTestId('pg-note');
    await expect(notes).toHaveCount(4);
    await expect(page.getByTestId('pg-notes')).toHaveAttribute('role', 'status');
    await expect(notes.filter({ hasText: '5000' })).toContainText(lang === 'en' ? 'T = 5000 is outside 1…1024; using 1024.' : 'T = 5000 超出 1…1024 的範圍；改用 1024。');
    await expect(notes.filter({ hasText: 'lstm' })).toHaveAttribute('data-kind', 'rejected');
    await expect(page.getByTestId('pg-T')).toHaveValue('1024');
    await expect(page.getByTestId('pg-dk')).toHaveValue('1');
    await expectAgreement(page);
    // Typing an out-of-range number is clamped the same way.
    await setNumber(page, 'pg-dv', '99');
    await expect(page.getByTestId('pg-dv')).toHaveValue('64');
    await expect(page.getByTestId('pg-note')).toHaveAttribute('data-name', 'dv');
    await expectAgreement(page);
    expect(problems).toEqual([]);
  });
}

/** `npm run -s trace -- --input case.json --steps`, as a learner would run it. */
function traceCommand(c: Case): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'pg-trace-'));
  const input = join(dir, 'case.json');
  writeFileSync(input, JSON.stringify(c));
  return execFileSync('npx', ['tsx', 'scripts/trace.ts', '--input', input, '--steps'], { timeout: 120_000 });
}

test('without WebGPU the parallel view runs on WASM, says so, and still agrees', async ({ page }) => {
  const problems = watchConsole(page);
  await open(page, 'en', 'm:gla,T:10');
  await expectAgreement(page, { parallel: 'wasm' });
  await expect(page.getByTestId('notice-webgpu-missing')).toBeVisible();
  await expectOutputs(page, 'pg-o-parallel', runReference(caseFor({ mechanism: 'gla', T: 10 }), 'recurrent').o);
  expect(problems).toEqual([]);
});

function randomTraceCase(): Case {
  return caseFor({ mechanism: 'deltanet', T: 5, dk: 3, dv: 2, beta: 0.9 });
}

test('T = 256, d = 16 plays step by step: the cursor advances, pause, keys and the weights rows work, and the figure stays the same size', async ({ page }) => {
  const problems = watchConsole(page);
  await open(page, 'en', 'T:256,dk:16,dv:16');
  await expect(page.getByTestId('pg-badge')).toHaveAttribute('data-live', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('pg-no-playback')).toHaveCount(0);
  const controls = page.getByTestId('playback');
  await expect(page.getByTestId('playback-scrub')).toHaveAttribute('max', '255');
  const step = async () => Number(await controls.getAttribute('data-step'));
  // Elements in the figure, not one per step: the memory S_t and its write term are two 16 × 16
  // tables (~730 elements, the same at any T); the weights view is ~70 at T = 16 or 256 (one row
  // element per step would be 256 more and put both over).
  const FIGURE_MAX = 1000;
  const WEIGHTS_VIEW_MAX = 150;
  const figureSize = () => page.getByTestId('pg-figure').evaluate((f) => f.querySelectorAll('*').length);
  const weightsViewSize = () => page.getByTestId('pg-view-parallel').evaluate((f) => f.querySelectorAll('*').length);
  const rowsInDom = page.getByTestId('pg-attention').getByRole('option');

  await controls.locator('[data-speed="2"]').click();
  await page.getByTestId('playback-play').click();
  await expect(controls).toHaveAttribute('data-playing', 'true');
  // Frames keep coming: the cursor moves on three times, and the DOM stays bounded at every step.
  const start = await step();
  for (let k = 1; k <= 3; k++) {
    await expect.poll(step, { timeout: 60_000 }).toBeGreaterThanOrEqual(start + k);
    expect(await figureSize()).toBeLessThan(FIGURE_MAX);
    expect(await weightsViewSize()).toBeLessThan(WEIGHTS_VIEW_MAX);
    expect(await rowsInDom.count()).toBeLessThanOrEqual(19);
    // The memory figure shows the cursor's step (read in one go: playback may move on meanwhile).
    const [memory, cursor] = await page.evaluate(() => [document.querySelector('[data-testid="pg-memory"]'), document.querySelector('[data-testid="playback"]')].map((e) => e?.getAttribute('data-step')));
    expect(memory).toBe(cursor);
  }
  // The memory's numbers change only with the beat or the step, never on the frames in between (the
  // browser plays the colour blends): over 45 frames, every commit that rewrote a cell of S also
  // moved the beat or the step.
  const commits = await page.evaluate(`new Promise((resolve) => {
    const figure = document.querySelector('[data-testid="pg-memory"]');
    const S = document.querySelector('[data-testid="pg-memory-S"]');
    const counts = { withValues: 0, valuesOnly: 0, frames: 0 };
    const observer = new MutationObserver((records) => {
      const values = records.some((r) => r.attributeName === 'data-value');
      const moved = records.some((r) => r.target === figure);
      if (values) counts.withValues++;
      if (values && !moved) counts.valuesOnly++;
    });
    observer.observe(S, { subtree: true, attributeFilter: ['data-value'] });
    observer.observe(figure, { attributeFilter: ['data-beat', 'data-step'] });
    requestAnimationFrame(function tick() {
      if (++counts.frames < 45) return requestAnimationFrame(tick);
      observer.disconnect();
      resolve(counts);
    });
  })`) as { withValues: number; valuesOnly: number; frames: number };
  expect(commits.valuesOnly).toBe(0);

  // Pause, then step with the keys: exact steps, so nothing else moves the cursor.
  await page.getByTestId('playback-play').click();
  await expect(controls).toHaveAttribute('data-playing', 'false');
  const paused = await step();
  const figure = page.getByTestId('pg-figure');
  await figure.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(controls).toHaveAttribute('data-step', String(paused + 2));
  await page.keyboard.press('ArrowLeft');
  await expect(controls).toHaveAttribute('data-step', String(paused + 1));
  // End: the last row of the weights is in the DOM and marked, though it was far from the cursor.
  await page.keyboard.press('End');
  await expect(controls).toHaveAttribute('data-step', '255');
  await expect(page.getByTestId('pg-attention').locator('[data-row="255"]')).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('pg-attention').locator('[data-row="255"]')).toHaveAttribute('aria-posinset', '256');
  await expect(page.getByTestId('pg-attention').locator('[data-row="255"]')).toHaveAttribute('aria-setsize', '256');
  await expect(controls).toHaveAttribute('data-playing', 'false');

  // The pointer finds a row that is not in the DOM from its height; a click moves the cursor there.
  const rows = page.getByTestId('pg-attention').locator('.attention-rows');
  await rows.scrollIntoViewIfNeeded();
  const box = await rows.boundingBox();
  if (!box) throw new Error('the weights have no box');
  // Rows are about a pixel high here: the pointer lands on row 128 give or take one.
  const [x, y] = [box.x + box.width / 2, box.y + (box.height * 128.5) / 256];
  await page.mouse.move(x, y);
  await expect(page.getByTestId('pg-attention')).toHaveAttribute('data-hovered-step', /^12[789]$/);
  const hovered = await page.getByTestId('pg-attention').getAttribute('data-hovered-step');
  await page.mouse.click(x, y);
  await expect(controls).toHaveAttribute('data-step', hovered ?? '');
  await expect(page.getByTestId('pg-attention').locator(`[data-row="${hovered}"]`)).toHaveAttribute('data-active', 'true');
  expect(await figureSize()).toBeLessThan(FIGURE_MAX);
  expect(await weightsViewSize()).toBeLessThan(WEIGHTS_VIEW_MAX);

  await page.mouse.move(0, 0);
  await keepScreenshot(page, 'playground-t256-1280');
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await figure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e-artifacts/playground-t256-${width}.png` });
  }
  expect(problems).toEqual([]);
});
