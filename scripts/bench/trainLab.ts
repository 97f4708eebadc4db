// The bench's training-lab part (issue #18): the lab (#/train) at the issue's size (MQAR, batch 32,
// 12 pairs → T = 33, d_model 32, 1 layer), one mechanism per page, on each backend the lab offers in a
// browser (WASM with WebGPU off, WebGPU with it on, as browser.ts launches chromium). Per row: press
// Train, time the step counter until N steps or S seconds, pause. Then, while two models train on
// WASM, pointer moves over the chart and keys on the probe choice, each timed input → next frame.
// Targets are reported against, never asserted.
import { chromium, type Browser, type Page } from '@playwright/test';
import { TRAIN_MECHANISMS } from '../../src/app/train/labMechanisms';
import { isSoftwareAdapter, type GpuAdapterLike } from '../../src/runtime/webgpu';
import {
  computeStepsPerSecond,
  latencySummary,
  projectedSeconds,
  stepsPerSecond,
  trainLabShortfalls,
  TRAIN_TARGETS,
  type LabBackend,
  type StepMark,
  type TrainLabResponsiveness,
  type TrainLabResults,
  type TrainLabRow,
  type WebGpuAdapter,
} from './trainLabRate';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const QUIET = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const FLAGS: Record<LabBackend, string[]> = { webgpu: [...QUIET, '--enable-unsafe-webgpu'], wasm: [...QUIET, '--disable-features=WebGPU'] };

/** The issue's size as the lab's link spells it (level 12 pairs: T = 33 with the separator and 8 queries). */
export const LAB_SIZE = { task: 'mqar', level: 12, T: 33, batch: 32, dModel: 32, layers: 1 } as const;
export const QUICK_MECHANISMS = ['linear_attention', 'deltanet'] as const;
const STOP = { quick: { steps: 40, seconds: 10 }, full: { steps: 120, seconds: 20 } } as const;
/** The two models trained while inputs are timed (the lab's default pair: the probe choice has two options). */
const BUSY_MECHANISMS = ['linear_attention', 'deltanet'];

const labUrl = (base: string, mechanisms: readonly string[], backend: LabBackend) =>
  `${base}/?lang=en&task=${LAB_SIZE.task}&level=${LAB_SIZE.level}&dm=${LAB_SIZE.dModel}&layers=${LAB_SIZE.layers}&mech=${mechanisms.join(',')}&backend=${backend}#/train`;

/**
 * In the page from the first frame: every change of the step counter with its time (and the model's
 * summed step time from its table row), the click on Train, and — while `measuring` — each pointer move
 * and key press timed from when the browser received it to the next animation frame.
 * A string, not a function: tsx's name-keeping helper (__name) does not exist inside the page.
 */
const SAMPLE_TRAINING = `(() => {
  const s = { marks: [], clickAt: null, measuring: false, inputs: [], engineErrors: [] };
  window.__trainLab = s;
  // The engine's own error messages (src/train/protocol.ts), heard on the worker's channel: the page
  // shows them in the reader's language, and words of its own for a loss that is not a number.
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'event' && e.data.event && e.data.event.kind === 'error') s.engineErrors.push(String(e.data.event.message));
      });
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.getAttribute('data-testid') !== 'train-step') continue;
      const step = Number(r.target.getAttribute('data-step'));
      const last = s.marks[s.marks.length - 1];
      if (last && last.step === step) continue;
      const rows = document.querySelectorAll('[data-testid="train-table"] tbody tr');
      const ms = rows.length === 1 ? Number(rows[0].getAttribute('data-train-ms')) : NaN;
      s.marks.push(Number.isFinite(ms) ? { step, t: performance.now(), trainMs: ms } : { step, t: performance.now() });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-step'] });
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid="train-start"]')) s.clickAt = e.timeStamp;
  }, true);
  const time = (kind) => (e) => {
    if (!s.measuring) return;
    const t0 = e.timeStamp;
    requestAnimationFrame(() => s.inputs.push({ kind, ms: performance.now() - t0 }));
  };
  document.addEventListener('pointermove', time('pointer'), true);
  document.addEventListener('keydown', time('key'), true);
})();`;

interface Sampled {
  marks: StepMark[];
  clickAt: number | null;
  measuring: boolean;
  inputs: { kind: 'pointer' | 'key'; ms: number }[];
  engineErrors: string[];
}

const sampled = (page: Page) => page.evaluate(() => (window as unknown as { __trainLab: Sampled }).__trainLab);
const firstLine = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));
const errorText = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="train-error"]')?.textContent ?? null);

/** Open the lab with this setup and wait until Train is enabled; returns the time that took, or throws with the page's error. */
export async function openLab(page: Page, url: string): Promise<number> {
  await page.addInitScript({ content: SAMPLE_TRAINING });
  await page.goto(url);
  const outcome = await page.waitForFunction(
    () => {
      const error = document.querySelector('[data-testid="train-error"]');
      if (error) return `error: ${error.textContent}`;
      const start = document.querySelector<HTMLButtonElement>('[data-testid="train-start"]');
      return start && !start.disabled ? 'ready' : false;
    },
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  const said = await outcome.jsonValue();
  if (said !== 'ready') throw new Error(String(said));
  return Math.round(await page.evaluate(() => performance.now()));
}

const counter = async (page: Page) => Number(await page.getByTestId('train-step').getAttribute('data-step'));

/** Press Train; wait for step 1 (at most 90 s), then until `steps` steps or `seconds` more seconds. */
async function trainFor(page: Page, steps: number, seconds: number): Promise<void> {
  await page.getByTestId('train-start').click();
  const firstBy = Date.now() + 90_000;
  while ((await counter(page)) < 1) {
    const error = await errorText(page);
    if (error) throw new Error(error);
    if (Date.now() > firstBy) throw new Error('no step within 90 s of pressing Train');
    await page.waitForTimeout(100);
  }
  const end = Date.now() + seconds * 1000;
  while ((await counter(page)) < steps && Date.now() < end) {
    const error = await errorText(page);
    if (error) throw new Error(error);
    if ((await page.getByTestId('train-step').getAttribute('data-phase')) !== 'training') {
      const heard = (await sampled(page)).engineErrors;
      throw new Error(`training stopped by itself at step ${await counter(page)}${heard.length ? `: ${heard.join('; ')}` : ''} (the page showed no error)`);
    }
    await page.waitForTimeout(250);
  }
}

async function trainRow(browser: Browser, base: string, mechanism: string, backend: LabBackend, stop: { steps: number; seconds: number }): Promise<TrainLabRow> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const row: TrainLabRow = { mechanism, backend, ran: null, readyMs: null, firstStepMs: null, steps: 0, seconds: 0, stepsPerSecond: null, computeStepsPerSecond: null, projected300s: null };
  try {
    row.readyMs = await openLab(page, labUrl(base, [mechanism], backend));
    try {
      await trainFor(page, stop.steps, stop.seconds);
    } finally {
      if (await page.getByTestId('train-pause').isEnabled()) await page.getByTestId('train-pause').click();
    }
    // BENCH_SHOTS=<folder>: the paused page, to check by eye that it trained the setup asked for.
    if (process.env.BENCH_SHOTS) await page.screenshot({ path: `${process.env.BENCH_SHOTS}/train-lab-${backend}-${mechanism}.png`, clip: { x: 0, y: 0, width: 1280, height: 1200 }, fullPage: true });
    const s = await sampled(page);
    row.ran = (await page.getByTestId('train-backend').getAttribute('data-backend')) || null;
    const first = s.marks.find((m) => m.step >= 1);
    const last = s.marks[s.marks.length - 1];
    row.firstStepMs = first && s.clickAt !== null ? Math.round(first.t - s.clickAt) : null;
    row.steps = last?.step ?? 0;
    row.seconds = first && last ? Math.round(last.t - first.t) / 1000 : 0;
    row.stepsPerSecond = stepsPerSecond(s.marks);
    row.computeStepsPerSecond = computeStepsPerSecond(s.marks);
    row.projected300s = projectedSeconds(TRAIN_TARGETS.steps, row.stepsPerSecond, row.firstStepMs);
    if (row.ran !== null && row.ran !== backend) row.error = `asked for ${backend}, the page ran ${row.ran}`;
    else if (row.stepsPerSecond === null) row.note = `no step after the first within ${stop.seconds} s (under ${(1 / stop.seconds).toFixed(2)} steps/s)`;
  } catch (e) {
    row.error = firstLine(e);
  } finally {
    await context.close();
  }
  return row;
}

/** While two models train: `rounds` × (five pointer moves over the chart, one key on the probe choice). */
async function whileTraining(browser: Browser, base: string, backend: LabBackend, rounds: number): Promise<TrainLabResponsiveness> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const none = { n: 0, p50Ms: null, p95Ms: null, maxMs: null };
  const result: TrainLabResponsiveness = { backend, mechanisms: BUSY_MECHANISMS, stepsDuring: 0, pointer: none, keys: none };
  try {
    await openLab(page, labUrl(base, BUSY_MECHANISMS, backend));
    const chart = page.getByTestId('train-chart');
    await chart.scrollIntoViewIfNeeded();
    await trainFor(page, 1, 0); // returns once step 1 is in: the models are compiled and running
    const box = await chart.boundingBox();
    if (!box) throw new Error('the chart has no box');
    const before = await counter(page);
    await page.evaluate(() => ((window as unknown as { __trainLab: Sampled }).__trainLab.measuring = true));
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    for (let i = 0; i < rounds; i++) {
      for (let j = 0; j < 5; j++) {
        const a = ((i * 5 + j) / 20) * 2 * Math.PI;
        await page.mouse.move(cx + 60 * Math.sin(a), cy + 60 * Math.cos(a));
        await page.waitForTimeout(50);
      }
      // Focus without scrolling (the chart stays under the pointer), then a key that switches the probed model.
      await page.evaluate(() => document.querySelector<HTMLSelectElement>('[data-testid="train-probe-model"]')?.focus({ preventScroll: true }));
      await page.keyboard.press(i % 2 === 0 ? 'ArrowDown' : 'ArrowUp');
      await page.waitForTimeout(100);
    }
    result.stepsDuring = (await counter(page)) - before;
    await page.getByTestId('train-pause').click();
    const s = await sampled(page);
    result.pointer = latencySummary(s.inputs.filter((x) => x.kind === 'pointer').map((x) => x.ms));
    result.keys = latencySummary(s.inputs.filter((x) => x.kind === 'key').map((x) => x.ms));
  } catch (e) {
    result.error = firstLine(e);
  } finally {
    await context.close();
  }
  return result;
}

/** The adapter WebGPU would use, and whether it is a software one (SwiftShader: WebGPU on the CPU). */
async function webgpuAdapter(browser: Browser, base: string): Promise<WebGpuAdapter | null> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/?lang=en#/`);
    // A string, not a function: tsx's name-keeping helper (__name) does not exist inside the page.
    const adapter = (await page.evaluate(`(async () => {
      const adapter = await navigator.gpu?.requestAdapter();
      if (!adapter) return null;
      const info = adapter.info ?? {};
      return { isFallbackAdapter: adapter.isFallbackAdapter, info: { isFallbackAdapter: info.isFallbackAdapter, vendor: info.vendor ?? '', architecture: info.architecture ?? '', description: info.description ?? '' } };
    })()`)) as (GpuAdapterLike & { info: { vendor: string; architecture: string; description: string } }) | null;
    if (!adapter) return null;
    // The lab's own test (src/runtime/webgpu.ts), so the bench skips exactly the adapters Automatic skips.
    const { vendor, architecture, description } = adapter.info;
    return { vendor, architecture, description, software: isSoftwareAdapter(adapter) };
  } catch {
    return null;
  } finally {
    await context.close();
  }
}

/** The whole part against a served build: --quick trains two mechanisms for fewer steps. */
export async function runTrainLabBench(base: string, quick: boolean, mechanisms?: readonly string[]): Promise<TrainLabResults> {
  const list = mechanisms ?? (quick ? QUICK_MECHANISMS : TRAIN_MECHANISMS);
  const stop = quick ? STOP.quick : STOP.full;
  const rows: TrainLabRow[] = [];
  const responsiveness: TrainLabResponsiveness[] = [];
  let version = '';
  let adapter: WebGpuAdapter | null = null;
  /** Rows not timed, added after the timed ones and then put in the list's order. */
  const later: TrainLabRow[] = [];
  for (const backend of ['wasm', 'webgpu'] as const) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS[backend] });
    version = browser.version();
    try {
      // A software adapter takes tens of seconds per model to compile its kernels and trains far slower
      // than WASM: two models show that; the others are named, not timed.
      let measured = list;
      if (backend === 'webgpu') {
        adapter = await webgpuAdapter(browser, base);
        if (adapter?.software) measured = list.filter((m) => (QUICK_MECHANISMS as readonly string[]).includes(m));
        for (const rest of list.filter((m) => !measured.includes(m)))
          later.push({ mechanism: rest, backend, ran: null, readyMs: null, firstStepMs: null, steps: 0, seconds: 0, stepsPerSecond: null, computeStepsPerSecond: null, projected300s: null, skipped: `WebGPU here is a software adapter (${adapter?.architecture || adapter?.vendor || '?'}), far slower than WASM` });
      }
      for (const m of measured) {
        process.stderr.write(`train lab: ${m} on ${backend}…\n`);
        const row = await trainRow(browser, base, m, backend, stop);
        rows.push(row);
        // A backend the browser lacks fails the same way for every model: say so once.
        if (row.error && row.steps === 0 && backend === 'webgpu') {
          for (const rest of measured.slice(measured.indexOf(m) + 1)) rows.push({ ...row, mechanism: rest, error: `skipped: ${row.error}` });
          break;
        }
      }
      // Responsiveness on WASM: the issue's laptop case, the worker on one core and the page on the other.
      if (backend === 'wasm') {
        process.stderr.write(`train lab: inputs while training on ${backend}…\n`);
        responsiveness.push(await whileTraining(browser, base, backend, quick ? 8 : 24));
      }
    } finally {
      await browser.close();
    }
  }
  rows.push(...later);
  const order = (r: TrainLabRow) => (r.backend === 'wasm' ? 0 : 100) + list.indexOf(r.mechanism);
  rows.sort((a, b) => order(a) - order(b));
  return { chromium: version, quick, size: LAB_SIZE, stopAt: stop, webgpuAdapter: adapter, rows, responsiveness, shortfalls: trainLabShortfalls(rows, responsiveness) };
}
