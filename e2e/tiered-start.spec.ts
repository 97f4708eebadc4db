// Tiered start (issue 7.2): a chapter first shows its default case as precomputed at build time by the
// same ONNX models, then swaps to the live model; without a runtime at all, it keeps teaching with
// the precomputed numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import type { PrecomputedTraces } from '../src/trace/precomputed';
import { caseHash } from '../src/trace/precomputed';
import { defaultCases } from '../scripts/precompute-traces';
import type { ExerciseId } from '../src/app/exercises';
import { BUILT_SITE, lockInExercise, maxDiff, readMatrix, tolerance, watchConsole } from './helpers';
import { COMPILE_HINT } from '../build/compile-hints-plugin';

// The page's own requests only: a service worker's fetches would slip past page.route.
test.use({ serviceWorkers: 'block' });

const WASM = /\.wasm(\?|$)/;
const CASES = defaultCases();
/** Chapters whose outputs O wait for a question (src/app/exercises.ts); answering it does not change the case. */
const LAB_QUESTION: Partial<Record<string, ExerciseId>> = { gates: 'gates', deltanet: 'deltanet', mamba: 'mamba-selective' };

async function precomputedTable(page: Page): Promise<PrecomputedTraces> {
  const res = await page.request.get('/precomputed-traces.json');
  expect(res.ok()).toBe(true);
  return (await res.json()) as PrecomputedTraces;
}

/** Both views' badges, and the equivalence badge, name `backend` ('precomputed', or a live one). */
async function expectBackends(page: Page, parallel: string | RegExp, recurrent: string | RegExp) {
  const lab = page.getByTestId('memory-lab').first();
  await expect(lab.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallel);
  await expect(lab.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', recurrent);
  await expect(lab.getByTestId('equivalence-badge')).toHaveAttribute('data-parallel-backend', parallel);
  await expect(lab.getByTestId('equivalence-badge')).toHaveAttribute('data-recurrent-backend', recurrent);
}

test('a chapter paints the precomputed model run, then swaps to the live model', async ({ page }) => {
  const problems = watchConsole(page);
  const table = await precomputedTable(page);
  const entry = table[caseHash(CASES.retnet)];
  expect(entry).toBeDefined();
  // Hold the runtime's wasm until the precomputed state has been seen.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(WASM, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/?lang=en#/chapter/retnet');
  await expectBackends(page, 'precomputed', 'precomputed');
  await expect(page.getByTestId('parallel-backend').locator('.badge-label')).toContainText('Precomputed');
  await expect(page.getByTestId('parallel-backend').locator('details')).toContainText('run when this site was built');
  // The numbers on screen are the file's, exactly (float32 from the model, not the float64 core) …
  const shown = await readMatrix(page.getByTestId('parallel-O'));
  expect(maxDiff(shown, entry.parallel.o)).toBe(0);
  const ref = runReference(CASES.retnet, 'parallel').o;
  expect(maxDiff(shown, ref)).toBeGreaterThan(0);
  // … and agree with it within the float32 tolerance.
  expect(maxDiff(shown, ref)).toBeLessThanOrEqual(tolerance(ref));
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');

  release();
  await expectBackends(page, /^(webgpu|wasm)$/, 'wasm');
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true');
  expect(maxDiff(await readMatrix(page.getByTestId('parallel-O')), ref)).toBeLessThanOrEqual(tolerance(ref));
  expect(problems).toEqual([]);
});

test('with the runtime wasm missing, every chapter still shows its precomputed model numbers', async ({ page }) => {
  test.setTimeout(180_000);
  await page.route(WASM, (route) => route.fulfill({ status: 404, body: 'not found' }));
  const table = await precomputedTable(page);
  for (const [slug, c] of Object.entries(CASES)) {
    await page.goto('about:blank');
    await page.goto(`/?lang=zh-TW#/chapter/${slug}`);
    const lab = page.getByTestId('memory-lab').first();
    await expect(lab.getByTestId('run-error').first(), slug).toBeVisible();
    await expectBackends(page, 'precomputed', 'precomputed');
    const question = LAB_QUESTION[slug];
    if (question) await lockInExercise(page, question);
    const entry = table[caseHash(c)];
    const shown = await readMatrix(lab.getByTestId('parallel-O'));
    expect(maxDiff(shown, entry.parallel.o), slug).toBe(0);
    const ref = runReference(c, 'parallel').o;
    expect(maxDiff(shown, ref), slug).toBeLessThanOrEqual(tolerance(ref));
    await expect(lab.getByTestId('equivalence-badge'), slug).toHaveAttribute('data-ok', 'true');
  }
});

test('the service worker precaches the precomputed traces and every trained model file', async ({ page }) => {
  const res = await page.request.get('/sw.js');
  expect(res.ok()).toBe(true);
  const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\]);/.exec(await res.text())?.[1] ?? '[]') as string[];
  const models = readdirSync('public/models', { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `./${`${e.parentPath}/${e.name}`.replace(/^public\//, '')}`);
  expect(models).toContain('./models/manifest.json');
  expect(precache).toEqual(expect.arrayContaining(['./index.html', './precomputed-traces.json', ...models]));
});

// V8 compiles a hinted file's functions as it streams in, off the main thread (build/compile-hints-plugin.ts).
test('the site\'s own scripts start with the compile hint; onnxruntime\'s and TensorFlow.js\'s do not', () => {
  const entry = /<script type="module" crossorigin src="\.\/(assets\/index-[\w-]+\.js)"><\/script>/.exec(readFileSync(join(BUILT_SITE, 'index.html'), 'utf8'))?.[1];
  expect(entry, 'the entry script in index.html').toBeTruthy();
  const starts = (file: string) => readFileSync(join(BUILT_SITE, file), 'utf8').startsWith(COMPILE_HINT);
  expect(starts(entry!), entry).toBe(true);
  const scripts = readdirSync(join(BUILT_SITE, 'assets')).filter((f) => f.endsWith('.js'));
  const own = scripts.filter((f) => /^(ch\d\d-|katex-|MemoryLab-|jsx-runtime-)/.test(f));
  const late = scripts.filter((f) => /^ort\.(wasm|webgpu)\.bundle/.test(f));
  expect(own.length).toBeGreaterThan(10);
  expect(late.length).toBe(2);
  for (const f of own) expect(starts(`assets/${f}`), f).toBe(true);
  for (const f of late) expect(starts(`assets/${f}`), f).toBe(false);
});

// The first paint comes before any code: index.html's header with the site's mark (siteMark.ts),
// painted once the style sheet is in. React's header then puts the same mark in the same place.
test('before its code runs the page shows the header with the site mark, where the live header keeps it', async ({ browser }) => {
  const where = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('/?lang=zh-TW#/chapter/capacity');
    if (javaScriptEnabled) await expect(page.locator('main h1').first()).toBeVisible();
    const mark = page.locator('.site-header .site-mark');
    await expect(mark).toBeVisible();
    const box = await mark.boundingBox();
    const words = await page.locator('.site-header').innerText();
    await context.close();
    return { box, words: words.trim() };
  };
  const bare = await where(false);
  expect(bare.box!.width, 'the mark has its size').toBeGreaterThan(16);
  expect(bare.words, 'no words in any language before the code has run').toBe('');
  const live = await where(true);
  expect(live.box).toEqual(bare.box);
  expect(live.words).toContain('記憶小徑');
});
