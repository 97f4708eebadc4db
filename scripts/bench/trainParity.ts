// The bench's parity check (issue #18, "It really learns"): each offline model of
// public/models/manifest.json (MQAR and story) trained again in the built lab (#/train, WASM) with the
// manifest's seed, steps, batch and size, and the lab's training range (level = the range's top, so
// batches draw every difficulty as train.py's do). After the run the lab's JSON export is scored per
// level in Node (forward only, the engine's own code, train.py's held-out set) and set beside the
// manifest's accuracy. No clock decides anything: each row trains until the lab's step counter reaches
// the manifest's steps. The results file is rewritten after every row, so a long run can be read while
// it goes and resumed (rows already in it for the same steps are kept, not run again).
import { chromium, type Page } from '@playwright/test';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { TRAIN_RANGE } from '../../src/train/batches';
import type { TaskId } from '../../src/core/tasks';
import type { ExportedModel, TrainMechanism } from '../../src/train/types';
import { loadMeasure } from '../train/load';
import { CHROMIUM, FLAGS, openLab } from './trainLab';
import { compare, configMismatch, PARITY_POINTS, type HeardConfig, type ManifestModel, type ParityResults, type ParityRow } from './trainParityRows';
export { PARITY_TASKS, parityTable } from './trainParityRows';

export function manifestModels(tasks: readonly string[], mechanisms?: readonly string[]): ManifestModel[] {
  const manifest = JSON.parse(readFileSync(new URL('../../public/models/manifest.json', import.meta.url), 'utf8')) as { models: ManifestModel[] };
  return tasks.flatMap((t) => manifest.models.filter((m) => m.task === t && m.mechanism !== 'lti' && (!mechanisms || mechanisms.includes(m.mechanism))));
}

export const parityUrl = (base: string, m: ManifestModel) =>
  `${base}/?lang=en&task=${m.task}&level=${TRAIN_RANGE[m.task as TaskId][1]}&dm=${m.d_model}&layers=${m.layers}&mech=${m.mechanism}&seed=${m.seed}&batch=${m.batch}&backend=wasm#/train`;

/**
 * In the page from the first frame: the setup the page hands the training worker (its 'configure'
 * request), so a row shows what the engine really trained with, not only what the link asked for.
 * A string, not a function: tsx's name-keeping helper (__name) does not exist inside the page.
 */
const HEAR_CONFIG = `(() => {
  const send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m, ...rest) {
    if (m && m.req && m.req.type === 'configure') window.__trainConfig = m.req.config;
    return send.call(this, m, ...rest);
  };
})();`;

const counter = async (page: Page) => Number(await page.getByTestId('train-step').getAttribute('data-step'));

/** Train until the counter reaches `steps` (polled every 2 s: no time limit, a slow machine only takes longer), then pause. */
async function trainTo(page: Page, steps: number, log: (s: string) => void): Promise<number> {
  await page.getByTestId('train-start').click();
  let said = 0;
  for (;;) {
    const error = await page.evaluate(() => document.querySelector('[data-testid="train-error"]')?.textContent ?? null);
    if (error) throw new Error(error);
    const n = await counter(page);
    if (n >= steps) break;
    if (n > 0 && (await page.getByTestId('train-step').getAttribute('data-phase')) !== 'training') throw new Error(`training stopped by itself at step ${n}`);
    if (n >= said + 250) log(`  step ${(said = n - (n % 250))}`);
    await page.waitForTimeout(2000);
  }
  await page.getByTestId('train-pause').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-step"]')?.getAttribute('data-phase') === 'paused');
  return counter(page);
}

/** The lab's JSON export of one model, as the learner would download it. */
async function exportJson(page: Page, mechanism: string): Promise<ExportedModel> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`train-export-${mechanism}`).click()]);
  const path = await download.path();
  return JSON.parse(readFileSync(path, 'utf8')) as ExportedModel;
}

export function saveResults(path: string, results: ParityResults): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(results, null, 2) + '\n');
}

export async function runParity(base: string, opts: { tasks: readonly string[]; mechanisms?: readonly string[]; steps?: number; seed?: number; out: string; log: (s: string) => void }): Promise<ParityResults> {
  // --seed N: the same setup with another seed (initial weights and batches), to see how far one seed moves a row.
  const models = manifestModels(opts.tasks, opts.mechanisms).map((m) => ({ ...m, seed: opts.seed ?? m.seed }));
  const earlier = existsSync(opts.out) ? (JSON.parse(readFileSync(opts.out, 'utf8')) as ParityResults) : null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.wasm });
  const results: ParityResults = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    backend: 'wasm',
    points: PARITY_POINTS,
    differences: [
      'the arithmetic: tfjs in float32 on WASM, against PyTorch in float32 on a CPU; the initial weights are PyTorch\'s own draw at the seed (src/train/torchInit.ts: the embedding agrees to float32 rounding, the rest to the bit) and the batches the same stream',
      'the lab\'s level is the training range\'s top, so batches draw difficulties as train.py does; held-out scoring per level is done in Node on the exported weights (tfjs cpu backend)',
    ],
    rows: [],
  };
  const { measure, close } = await loadMeasure();
  try {
    for (const m of models) {
      const steps = opts.steps ?? m.steps;
      const kept = earlier?.rows.find((r) => r.task === m.task && r.mechanism === m.mechanism && r.steps === steps && r.url.includes(`&seed=${m.seed}&`) && !r.error);
      if (kept) {
        results.rows.push(kept);
        opts.log(`${m.task}/${m.mechanism}: kept from ${opts.out}`);
        continue;
      }
      const url = parityUrl(base, m);
      const task = m.task as TaskId;
      const level = TRAIN_RANGE[task][1];
      const row: ParityRow = { task, mechanism: m.mechanism as TrainMechanism, url: url.slice(base.length), steps, stepsRun: 0, wallSeconds: 0, lab: { level, accuracy: null, step: null }, browser: {}, manifest: m.accuracy, diffPoints: {}, within: false };
      opts.log(`${m.task}/${m.mechanism}: ${steps} steps, batch ${m.batch}, d_model ${m.d_model}, ${m.layers} layer(s), seed ${m.seed}…`);
      const t0 = Date.now();
      const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      try {
        await page.addInitScript({ content: HEAR_CONFIG });
        await openLab(page, url);
        const heard = await page.evaluate(() => (window as unknown as { __trainConfig?: HeardConfig }).__trainConfig ?? null);
        const mismatch = configMismatch(heard, m, level);
        if (mismatch) throw new Error(mismatch);
        row.engine = { batch: heard!.batch, learningRate: (heard as HeardConfig & { learningRate: number }).learningRate };
        row.stepsRun = await trainTo(page, steps, opts.log);
        const tr = page.locator(`[data-testid="train-table"] tbody tr[data-mechanism="${m.mechanism}"]`);
        const acc = await tr.getAttribute('data-accuracy');
        row.lab.accuracy = acc ? Number(acc) : null;
        const exported = await exportJson(page, m.mechanism);
        row.browser = await measure.scoreWeights(task, row.mechanism, { dModel: m.d_model, layers: m.layers }, exported.tensors, Object.keys(m.accuracy).map(Number));
        Object.assign(row, compare(row.browser, m.accuracy));
        const step = (exported as ExportedModel & { provenance?: { accuracyStep?: number } }).provenance?.accuracyStep;
        row.lab.step = step ?? null;
        row.ranOn = (await page.getByTestId('train-backend').getAttribute('data-backend')) || null;
        if (row.ranOn !== 'wasm') throw new Error(`asked for wasm, the lab ran ${row.ranOn}`);
      } catch (e) {
        row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      } finally {
        await context.close();
      }
      row.wallSeconds = Math.round((Date.now() - t0) / 1000);
      results.rows.push(row);
      saveResults(opts.out, results);
      opts.log(`  ${row.error ? `error: ${row.error}` : `${row.within ? 'within' : 'NOT within'} ${PARITY_POINTS} points: ${JSON.stringify(row.diffPoints)}`} (${row.wallSeconds} s)`);
    }
  } finally {
    await browser.close();
    await close();
  }
  saveResults(opts.out, results);
  return results;
}

