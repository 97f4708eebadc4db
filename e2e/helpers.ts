import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { EXERCISES, type Exercise, type ExerciseId } from '../src/app/exercises';
import { float32Tolerance } from '../src/core/float32';
import type { Quantity } from '../src/app/steps/parse';

/** The built site the suite serves (playwright.config.ts builds it there), for the specs that read its files. */
export const BUILT_SITE = process.env.E2E_OUT ?? 'dist';

/**
 * The backend the parallel view runs on in this test's project: WebGPU in the 'webgpu' project (tests
 * tagged @webgpu), WASM everywhere else (playwright.config.ts).
 */
export const parallelBackend = (): 'webgpu' | 'wasm' => (test.info().project.name === 'webgpu' ? 'webgpu' : 'wasm');

/**
 * The link parameter that makes 'auto' use WebGPU in the 'webgpu' project (where WebGPU is the point:
 * otherwise 'auto' picks whichever this device measured faster, src/runtime/backendChoice.ts).
 */
export const forceWebGpu = (): string => (parallelBackend() === 'webgpu' ? '&compute=webgpu' : '');

/**
 * The runtime starts at a learner's first input, or once the page has been idle for 3 s
 * (src/app/hooks/runtimeStart.ts). A test that only waits for the live numbers starts it now instead of
 * waiting that out. The event is the page's own, not a user's: the browser does not count it as recent
 * input, so the layout-shift measure still sees every shift after it.
 */
export async function startLiveModels(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('pointerdown')));
}

/** The numbers of a MatrixHeatmap table, read from the DOM (data-value of each cell). */
export async function readMatrix(table: Locator): Promise<number[][]> {
  return table.evaluate((el) =>
    Array.from(el.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => Number(td.getAttribute('data-value'))),
    ),
  );
}

export function tolerance(reference: number[][]): number {
  return float32Tolerance(reference);
}

export function maxDiff(a: number[][], b: number[][]): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  a.forEach((row, i) => {
    if (row.length !== b[i].length) m = Infinity;
    row.forEach((x, j) => (m = Math.max(m, Math.abs(x - b[i][j]))));
  });
  return m;
}

/**
 * Screenshots are kept as test artifacts for a person to look at: what the window shows, or the whole
 * page with E2E_FULL_PAGE=1. A whole page made Chromium lay out and draw every part of it, figures far
 * down included, at about 1.5 s of CPU a shot (a twentieth of the suite's CPU); the layout checks'
 * phone, laptop and presenter shots (e2e/layoutChecks.ts, e2e/presenter.spec.ts) cover every page.
 */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e-artifacts', { recursive: true });
  await page.screenshot({ path: `e2e-artifacts/${name}.png`, fullPage: process.env.E2E_FULL_PAGE === '1' });
}

/** Collect console errors and uncaught exceptions, minus onnxruntime's own warning chatter. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/onnxruntime|\[W:|VerifyEachNodeIsAssignedToAnEp|Some nodes were not assigned/i.test(m.text()))
      problems.push(`console.error: ${m.text()}`);
  });
  return problems;
}

/** A screenshot of what the viewport shows right now (a phone page in full is too tall to read). */
export async function keepViewportScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e-artifacts', { recursive: true });
  await page.screenshot({ path: `e2e-artifacts/${name}.png` });
}

/** One element's screenshot, kept like keepScreenshot (a figure, not the whole page). */
export async function keepElementScreenshot(element: Locator, name: string): Promise<void> {
  mkdirSync('e2e-artifacts', { recursive: true });
  await element.screenshot({ path: `e2e-artifacts/${name}.png` });
}

/**
 * Scroll to an element, once the page has come in, and wait until it holds still. A jump down the page
 * renders for the first time the parts it lands near (content-visibility: auto, styles.css): a part
 * whose height was an estimate takes its own and moves what is below it, a frame or two after the
 * scroll (chapter 9's panels: a choice under them moved 1,600 px). Playwright clicks where the element
 * was, 70 ms after its scroll.
 */
export async function scrollIntoViewStill(target: Locator): Promise<void> {
  const heldStill = () =>
    target.evaluate(
      (el) =>
        new Promise<boolean>((resolve) => {
          const box = () => el.getBoundingClientRect();
          const before = box();
          // In view: a panel taller than the window is scrolled to its middle, its top above the view.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(box().top === before.top && before.bottom > 0 && before.top < innerHeight)));
        }),
    );
  // A page still coming in adds its lower stage a piece a frame (src/app/shell/pageSettle.tsx): what a
  // scroll reached then is pushed down by the pieces above it, out of reach of the view.
  await expect(target.page().locator('html[data-settling]')).toHaveCount(0, { timeout: 30_000 });
  for (let tries = 0; tries < 10; tries++) {
    await target.scrollIntoViewIfNeeded();
    if (await heldStill()) return;
  }
  throw new Error('the element kept moving after each scroll to it');
}

/** Lock in an exercise's right answer (src/app/exercises.ts) and wait until its gated figures show. */
export async function lockInExercise(page: Page, id: ExerciseId): Promise<void> {
  const ex: Exercise = EXERCISES[id];
  const section = page.getByTestId(ex.testId);
  const choice = section.locator(`input[data-choice="${ex.answer}"]`);
  await scrollIntoViewStill(choice);
  await choice.check();
  await page.getByTestId(`${ex.testId}-commit`).click();
  // The revealed figures reflow the page: a pointer left where the button was would hover a step.
  await page.mouse.move(0, 0);
  await expect(section).toHaveAttribute('data-state', 'right');
  await expect(page.locator(`[data-testid="answer-gate"][data-exercise="${id}"]`)).toHaveCount(0);
}

/** Where each quantity a step names is drawn (its test id): e2e/steps.spec.ts, e2e/steps-more.spec.ts. */
export const STEP_TEST_ID: Record<Quantity, string> = {
  q: 'memory-q',
  k: 'memory-k',
  v: 'memory-v',
  S: 'memory-S',
  write: 'memory-term',
  o: 'memory-o',
  gate: 'memory-gate',
  beta: 'memory-beta',
  A: 'attention',
  D: 'attention-decay-legend',
  O: 'parallel-O',
  kv: 'cost-kv',
};
