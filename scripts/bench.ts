// `npm run bench [-- --quick]`: model latency of every mechanism in every view (parallel, recurrent,
// chunkwise with C = 16) on onnxruntime-web's WASM backend in Node (one thread), d_k = d_v = 16,
// T ∈ {16, 64, 256, 1024} ({16, 64} with --quick). Per cell: graph build + session creation and the
// first run (reported apart), then the median and p90 of N timed runs (N adaptive: about a second per
// cell at most), and the float64 reference (src/core) for comparison. Then each view's scaling
// exponent (least squares on log–log, T ≥ 64) next to theory, and ratios between views within this
// run. Prints tables on stdout and writes everything to bench/results.json. Then (unless --no-browser)
// the browser part (scripts/bench/browser.ts) adds bundle sizes, first paint, time to the live model,
// frame rate and input latency under "browser"; the training lab's steps/s per mechanism × backend and
// input latency while training under "trainingBrowser" (scripts/bench/trainLab.ts); then Lighthouse.
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { dirname } from 'node:path';
import * as ort from 'onnxruntime-web';
import { randomCase } from '../src/core/random';
import { measureCell, warmUp } from './bench/measure';
import { CHUNK, FULL_LENGTHS, MECHANISMS, QUICK_LENGTHS, skipReason, VIEWS, WIDTH } from './bench/plan';
import { coldTable, fits, latencyTable, ms, ratios, ratioTable, referenceTable, type Cell } from './bench/report';
import { now, type SamplingPlan } from './bench/stats';
import { PAGES, QUICK_PAGES } from './bench/pages';
import { serveBuild } from './bench/serve';

const OUT = 'bench/results.json';
/** Timed model runs per cell: at most ~0.8 s of them (one run more if a single run is longer). */
const MODEL_PLAN: SamplingPlan = { budgetMs: 700, maxN: 1000, warmup: 5 };
/** Untimed warm-up before the first cell (ms). */
const WARMUP_MS = 2000;
/** The float64 reference: a shorter budget (it is the comparison, not the subject). */
const REFERENCE_PLAN: SamplingPlan = { budgetMs: 200, maxN: 100, warmup: 2 };

function parseArgs(argv: string[]): { quick: boolean; browser: boolean } {
  let quick = false;
  let browser = true;
  for (const a of argv) {
    if (a === '--quick') quick = true;
    else if (a === '--no-browser') browser = false;
    else {
      process.stderr.write(`bench: unknown argument "${a}"; usage: npm run bench [-- --quick] [--no-browser]\n`);
      process.exit(2);
    }
  }
  return { quick, browser };
}

interface Machine {
  node: string;
  platform: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  onnxruntimeWeb: string;
  backend: string;
}

function machine(): Machine {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    onnxruntimeWeb: ort.env.versions.web ?? 'unknown',
    backend: 'wasm, 1 thread',
  };
}

async function main(): Promise<void> {
  const { quick, browser } = parseArgs(process.argv.slice(2));
  const lengths = quick ? QUICK_LENGTHS : FULL_LENGTHS;
  const info = machine();
  const started = new Date();
  const t0 = now();
  console.log(`Memory Lane model latency: onnxruntime-web ${info.onnxruntimeWeb} (${info.backend}), d_k = d_v = ${WIDTH}, chunk C = ${CHUNK}`);
  console.log(`${info.node} · ${info.cpuModel} · ${info.cores} cores · ${started.toISOString()}${quick ? ' · --quick' : ''}\n`);
  const loadBefore = loadavg()[0];

  const warm = MECHANISMS.flatMap((m) => VIEWS.map((view) => ({ c: randomCase(m, { T: 64, dk: WIDTH, dv: WIDTH, seed: 0 }), view })));
  const runtimeStartMs = await warmUp(warm, CHUNK, WARMUP_MS);
  console.log(`runtime start (WASM instantiation + first session): ${ms(runtimeStartMs)} ms; then ${WARMUP_MS / 1000} s of untimed warm-up\n`);

  const cells: Cell[] = [];
  for (const mechanism of MECHANISMS) {
    process.stderr.write(`${mechanism} `);
    for (const view of VIEWS)
      for (const T of lengths) {
        const reason = skipReason(mechanism, view, T);
        if (reason) {
          cells.push({ mechanism, view, T, status: 'skipped', reason });
          continue;
        }
        const c = randomCase(mechanism, { T, dk: WIDTH, dv: WIDTH, seed: 1 + T });
        try {
          const result = await measureCell(c, view, CHUNK, MODEL_PLAN, REFERENCE_PLAN);
          cells.push({ mechanism, view, T, status: 'ok', result });
        } catch (e) {
          cells.push({ mechanism, view, T, status: 'error', reason: e instanceof Error ? e.message : String(e) });
        }
        process.stderr.write('.');
      }
    process.stderr.write('\n');
  }

  const fitList = fits(cells, MECHANISMS, VIEWS);
  const ratioLengths = [64, lengths[lengths.length - 1]].filter((T, i, a) => a.indexOf(T) === i);
  const ratioList = ratios(cells, MECHANISMS, ratioLengths);
  const totalS = (now() - t0) / 1000;
  const load = { before: loadBefore, after: loadavg()[0] };

  console.log('Model latency (session.run, outputs copied out): median (p90) ×N runs, ms');
  console.log(latencyTable(cells, fitList, lengths));
  console.log(`fit: least-squares slope of log(median) vs log(T) over T ≥ 64. theory: how the work grows; softmax`);
  console.log(`attention reads its whole cache in every view (T²); the delta family's parallel view inverts I + L by`);
  console.log(`⌈log₂ T⌉ levels of dense T × T MatMuls (T³ log T as built). Small T is mostly fixed per-run overhead.\n`);
  console.log('Cold start: graph build + session creation + first run, ms');
  console.log(coldTable(cells, fitList, lengths) + '\n');
  console.log('float64 reference (src/core, plain JS): median ms (reference / model)');
  console.log(referenceTable(cells, fitList, lengths) + '\n');
  console.log('Ratios of model medians within this run');
  console.log(ratioTable(ratioList) + '\n');

  if (Math.max(load.before, load.after) > info.cores)
    console.log(`! load average ${load.before.toFixed(1)} → ${load.after.toFixed(1)} on ${info.cores} cores: other work shared the CPU, timings are noisy\n`);
  const notes = cells.filter((c) => c.status !== 'ok');
  for (const c of notes) console.log(`* ${c.mechanism} ${c.view} T=${c.T}: ${c.status}: ${c.reason}`);
  const wrong = cells.filter((c) => c.result && c.result.relError > 1e-4);
  for (const c of wrong) console.log(`! ${c.mechanism} ${c.view} T=${c.T}: output differs from the reference by ${c.result?.relError.toExponential(2)}`);

  mkdirSync(dirname(OUT), { recursive: true });
  const settings = { dk: WIDTH, dv: WIDTH, chunk: CHUNK, lengths, quick, modelPlan: MODEL_PLAN, referencePlan: REFERENCE_PLAN };
  const json = { machine: info, date: started.toISOString(), totalSeconds: totalS, loadAverage1m: load, runtimeStartMs, settings, cells, fits: fitList, ratios: ratioList };
  writeFileSync(OUT, JSON.stringify(json, null, 2) + '\n');
  console.log(`${notes.length ? '\n' : ''}wrote ${OUT} (${cells.length} cells, ${totalS.toFixed(0)} s)`);

  // Training (src/train, TensorFlow.js) in Node: steps/s per mechanism and backend at the issue's size.
  const { runTrainingBench, trainingTable } = await import('./train/benchRows');
  const training = await runTrainingBench(quick);
  console.log(`\nTraining steps/s (MQAR, batch 32, 12 pairs → T = 33, d_model 32, 1 layer; tfjs 4.22's cpu backend in Node, one thread; WASM and WebGPU: the training-lab rows below)`);
  console.log(trainingTable(training));
  Object.assign(json, { training });
  writeFileSync(OUT, JSON.stringify(json, null, 2) + '\n');

  if (!browser) return;
  // The browser part: bundle sizes, first paint, time to the live model, frame rate, input latency.
  const { runBrowserBench, browserTable } = await import('./bench/browser');
  const t64 = cells.find((c) => c.mechanism === 'linear_attention' && c.view === 'recurrent' && c.T === 64)?.result?.model.medianMs ?? null;
  const pages = quick ? QUICK_PAGES : PAGES;
  const b = await runBrowserBench(t64 === null ? null : Math.round(t64 * 1000) / 1000, pages);
  console.log(`\nBrowser (chromium ${b.chromium}, vite preview of a fresh build, ${b.timings.length} flag sets)`);
  console.log(browserTable(b));
  console.log(b.shortfalls.length ? `\nShort of target:\n${b.shortfalls.map((x) => `- ${x}`).join('\n')}` : '\nAll browser targets met.');
  writeFileSync(OUT, JSON.stringify({ ...json, browser: b }, null, 2) + '\n');
  console.log(`wrote ${OUT} (with "browser")`);

  // One more build serves the training lab and Lighthouse.
  const served = await serveBuild();
  try {
    // The training lab in the browser (issue #18): steps/s per mechanism × backend, inputs while training.
    const { runTrainLabBench } = await import('./bench/trainLab');
    const { trainLabTable } = await import('./bench/trainLabRate');
    const trainingBrowser = await runTrainLabBench(served.base, quick);
    const { size, stopAt } = trainingBrowser;
    console.log(`\nTraining lab in the browser (MQAR, batch ${size.batch}, ${size.level} pairs → T = ${size.T}, d_model ${size.dModel}, ${size.layers} layer; each row until ${stopAt.steps} steps or ${stopAt.seconds} s)`);
    const gpu = trainingBrowser.webgpuAdapter;
    console.log(`WebGPU adapter: ${gpu ? `${[gpu.vendor, gpu.architecture, gpu.description].filter(Boolean).join(' / ') || '?'}${gpu.software ? ' (software: on the CPU)' : ''}` : 'none'}`);
    console.log(trainLabTable(trainingBrowser));
    const trainShort = trainingBrowser.shortfalls;
    console.log(trainShort.length ? `\nShort of target:\n${trainShort.map((x) => `- ${x}`).join('\n')}` : '\nAll training-lab targets met.');
    writeFileSync(OUT, JSON.stringify({ ...json, browser: b, trainingBrowser }, null, 2) + '\n');
    console.log(`wrote ${OUT} (with "trainingBrowser")`);

    // Lighthouse, mobile and desktop, on every page (--quick: two chapters).
    const { runLighthouse, lighthouseTable, lighthouseShortfalls, MOBILE_RUNS } = await import('./bench/lighthouse');
    const mobileRuns = quick ? 1 : Math.max(1, Math.round(Number(process.env.LH_RUNS ?? MOBILE_RUNS)) || MOBILE_RUNS);
    const rows = await runLighthouse(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', served.base, pages, mobileRuns);
    console.log(`\nLighthouse (12.2.3; mobile = simulated slow 4G, 4× CPU: the median of ${mobileRuns} run${mobileRuns > 1 ? 's' : ''} a page)`);
    console.log(lighthouseTable(rows));
    const short = lighthouseShortfalls(rows);
    console.log(short.length ? `\nShort of target:\n${short.map((x) => `- ${x}`).join('\n')}` : '\nAll Lighthouse targets met.');
    writeFileSync(OUT, JSON.stringify({ ...json, browser: b, trainingBrowser, lighthouse: rows }, null, 2) + '\n');
    console.log(`wrote ${OUT} (with "lighthouse")`);
  } finally {
    served.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
