// The browser half of `npm run bench`: a fresh production build served by `vite preview` on a free port,
// driven by Playwright with Debian's chromium, WebGPU flags on and off (as in playwright.config.ts).
// Measures bundle sizes (from dist/), first contentful paint and time-to-live-model of a chapter per
// backend, playback frame rate, and input → repaint latency while dragging a key. Targets are reported
// against, never asserted: numbers vary by machine.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { quantile } from './stats';
import { table } from './report';
import { serveBuild } from './serve';
import { CHOICE_SIZES, backendChoiceRow, backendChoiceRows, type BackendChoiceRow } from './backendChoice';
import { BUSY_CASE, SAMPLE_WHILE_COMPUTING, summarise, type Responsiveness } from './responsiveness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const QUIET = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FLAGS = { webgpu: [...QUIET, '--enable-unsafe-webgpu'], wasm: [...QUIET, '--disable-features=WebGPU'] } as const;
const CHAPTER = 'linear-attention';

export const TARGETS = { phoneLiveMs: 3000, desktopWasmLiveMs: 1000, initialJsGzKB: 200, wasmT64Ms: 1, fpsT256: 60, inputRepaintP95Ms: 50, busyFrameGapMs: 250, busyClickMs: 200 } as const;

export interface BundleSizes {
  /** The entry chunk(s) and preloads index.html loads, gzipped. */
  initialJsGzKB: number;
  initialCssGzKB: number;
  initialFiles: string[];
  wasm: { file: string; KB: number; gzKB: number }[];
  totalKB: number;
}

export interface BackendTiming {
  flags: 'webgpu' | 'wasm';
  fcpMs: number | null;
  /** From navigation start until both badges show a backend (the live model has run). */
  liveMs: number | null;
  parallelBackend: string | null;
  modelMs: number | null;
  error?: string;
}

export interface PlaybackRate {
  wantedT: number;
  /** The T the page really played (a chapter may be shorter than asked). */
  T: number | null;
  /** The widths d_k = d_v asked of the playground (a chapter has its own). */
  d: number;
  page: string;
  fps: number | null;
  frames: number;
  seconds: number;
  /** The 95th percentile and the longest gap between two animation frames while it played. */
  p95FrameMs: number | null;
  maxFrameMs: number | null;
  /** How many steps the cursor moved while it was measured (0: playback did not run). */
  steps: number;
  /** Main-thread milliseconds per frame (CDP Performance.getMetrics): all tasks, and of them script, style and layout. */
  cpuMsPerFrame: { task: number; script: number; style: number; layout: number } | null;
  note?: string;
}

/** The widths of the playground case whose playback is measured (issue #17: T = 256 at d = 16). */
const PLAYBACK_D = 16;

export interface PageLoad {
  page: string;
  /** Bytes fetched until the live model ran (or 20 s passed), gzipped as a compressing host would send them. */
  bytesBeforeLiveGzKB: number;
  /** From navigation until a figure names a live backend; null when the page has none or it never came. */
  liveMs: number | null;
}

export interface BrowserResults {
  chromium: string;
  sizes: BundleSizes;
  timings: BackendTiming[];
  playback: PlaybackRate[];
  inputRepaint: { samples: number; p50Ms: number | null; p95Ms: number | null; page: string };
  /** Frames and clicks on the main thread while the playground's largest Mamba-1 case computes. */
  /** Per page, WebGPU flags, desktop viewport. */
  pageLoads: PageLoad[];
  /** Chapter 4 at a phone viewport (390 × 844) with 4× CPU throttling, WASM flags. */
  phoneLive: PageLoad | null;
  whileComputing: (Responsiveness & { flags: 'webgpu' | 'wasm'; error?: string })[];
  /** Per size, the warm times 'auto' measured on each backend and its choice (WebGPU flags). */
  backendChoice: BackendChoiceRow[];
  /** The Node WASM model time at T = 64, d = 16 (linear attention, recurrent), for the 1 ms target. */
  wasmT64Ms: number | null;
  shortfalls: string[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]).filter((r) => /\.(js|css)$/.test(r));
  const files = [...new Set(refs)].map((r) => join(dist, r.replace(/^\.?\//, '')));
  const gz = (f: string) => gzipSync(readFileSync(f)).length;
  const sum = (ext: string) => files.filter((f) => f.endsWith(ext)).reduce((s, f) => s + gz(f), 0);
  const all = walk(dist);
  return {
    initialJsGzKB: kb(sum('.js')),
    initialCssGzKB: kb(sum('.css')),
    initialFiles: files.map((f) => f.slice(dist.length + 1)),
    wasm: all.filter((f) => f.endsWith('.wasm')).map((f) => ({ file: f.slice(dist.length + 1), KB: kb(statSync(f).size), gzKB: kb(gz(f)) })),
    totalKB: kb(all.reduce((s, f) => s + statSync(f).size, 0)),
  };
}

async function timeChapter(browser: Browser, base: string, flags: 'webgpu' | 'wasm'): Promise<BackendTiming> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/?lang=en#/chapter/${CHAPTER}`);
    await touchAtFirstPaint(page);
    await page.waitForFunction(
      () => {
        const p = document.querySelector('[data-testid="parallel-backend"]')?.getAttribute('data-backend');
        const r = document.querySelector('[data-testid="recurrent-backend"]')?.getAttribute('data-backend');
        return (p === 'webgpu' || p === 'wasm') && r === 'wasm';
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    const liveMs = await page.evaluate(() => performance.now());
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    const parallelBackend = await page.getByTestId('parallel-backend').getAttribute('data-backend');
    const modelText = await page.getByTestId('recurrent-backend').textContent();
    const m = modelText?.match(/([\d.]+)\s*ms/);
    return { flags, fcpMs, liveMs, parallelBackend, modelMs: m ? Number(m[1]) : null };
  } catch (e) {
    return { flags, fcpMs: null, liveMs: null, parallelBackend: null, modelMs: null, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    await context.close();
  }
}

/** Open a page that plays T steps: the playground when it can be asked for T, else a chapter. */
async function openPlayback(page: Page, base: string, T: number): Promise<{ T: number | null; where: string }> {
  const tries = [`/?lang=en&pg=T:${T},dk:${PLAYBACK_D},dv:${PLAYBACK_D}#/playground`, `/?lang=en#/chapter/retnet`];
  for (const path of tries) {
    await page.goto(base + path);
    const scrub = page.getByTestId('playback-scrub').first();
    try {
      await scrub.waitFor({ timeout: 15_000 });
      // The playground's controls show before its runs end: measure the figure with its data drawn.
      if (path.includes('playground')) await page.waitForSelector('[data-testid="pg-badge"][data-live="true"]', { timeout: 60_000 });
    } catch {
      continue;
    }
    const shownT = Number(await scrub.getAttribute('max')) + 1;
    if (shownT === T || path.includes('chapter')) return { T: shownT, where: path };
  }
  return { T: null, where: 'none' };
}

/** Frames are sampled for `seconds` of playback at 2× (the bench: 3 s). */
export async function playbackRate(browser: Browser, base: string, T: number, seconds = 3): Promise<PlaybackRate> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    const { T: shownT, where } = await openPlayback(page, base, T);
    const none = { p95FrameMs: null, maxFrameMs: null, steps: 0, cpuMsPerFrame: null };
    if (shownT === null) return { wantedT: T, T: null, d: PLAYBACK_D, page: where, fps: null, frames: 0, seconds: 0, ...none, note: 'no page with a playback control' };
    const controls = page.getByTestId('playback').first();
    await controls.locator('[data-speed="2"]').click();
    const step0 = Number(await controls.getAttribute('data-step'));
    await page.getByTestId('playback-play').first().click();
    // CPU time per frame is steadier than frames per second on a shared machine: it counts the work,
    // not the waiting for a core.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await metrics();
    // A string, not a function: tsx's name-keeping helper (__name) does not exist inside the page.
    const gaps = (await page.evaluate(`new Promise((resolve) => {
        const gaps = [];
        let last = null;
        const end = performance.now() + ${seconds * 1000};
        requestAnimationFrame(function tick(t) {
          if (last !== null) gaps.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(gaps);
        });
      })`)) as number[];
    const after = await metrics();
    const steps = Number(await controls.getAttribute('data-step')) - step0;
    const frames = gaps.length + 1;
    const perFrame = (name: string) => Math.round(((1000 * ((after[name] ?? 0) - (before[name] ?? 0))) / frames) * 100) / 100;
    const cpuMsPerFrame = { task: perFrame('TaskDuration'), script: perFrame('ScriptDuration'), style: perFrame('RecalcStyleDuration'), layout: perFrame('LayoutDuration') };
    const sorted = [...gaps].sort((a, b) => a - b);
    const round = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10) / 10);
    const notes = [
      ...(shownT !== T ? [`the playground did not play T = ${T} (not routed, above its playback limit, or too slow to open); measured on ${where} with T = ${shownT}`] : []),
      ...(steps <= 0 ? ['the cursor did not move: playback did not run'] : []),
    ];
    return {
      wantedT: T,
      T: shownT,
      d: PLAYBACK_D,
      page: where,
      fps: Math.round((frames / seconds) * 10) / 10,
      frames,
      seconds,
      p95FrameMs: round(sorted[Math.floor(0.95 * (sorted.length - 1))]),
      maxFrameMs: round(sorted[sorted.length - 1]),
      steps,
      cpuMsPerFrame,
      note: notes.length ? notes.join('; ') : undefined,
    };
  } finally {
    await context.close();
  }
}

async function inputRepaint(browser: Browser, base: string): Promise<BrowserResults['inputRepaint']> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const where = '#/chapter/write-read';
  try {
    await page.goto(`${base}/?lang=en${where}`);
    const point = page.locator('[data-point="k1"]');
    await point.waitFor();
    await point.scrollIntoViewIfNeeded();
    // In the page: each pointermove starts a clock; the first DOM change after it, then the next frame, stops it.
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[] };
      w.__lat = [];
      let pending: number | null = null;
      window.addEventListener('pointermove', () => (pending ??= performance.now()), true);
      new MutationObserver(() => {
        if (pending === null) return;
        const t0 = pending;
        pending = null;
        requestAnimationFrame(() => w.__lat.push(performance.now() - t0));
      }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    const box = await point.boundingBox();
    if (!box) throw new Error('key point has no box');
    const x0 = box.x + box.width / 2;
    const y0 = box.y + box.height / 2;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) {
      const a = (i / 120) * 2 * Math.PI;
      await page.mouse.move(x0 + 40 * Math.sin(a), y0 + 40 * (1 - Math.cos(a)));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    }
    await page.mouse.up();
    const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    const round = (x: number) => Math.round(x * 10) / 10;
    return { samples: lat.length, p50Ms: lat.length ? round(quantile(lat, 0.5)) : null, p95Ms: lat.length ? round(quantile(lat, 0.95)) : null, page: where };
  } finally {
    await context.close();
  }
}

/** Load one page in a fresh context and add up what it fetched until a figure says it is live. */
/**
 * The learner's first input, as soon as the page has painted its title: a page starts its runtime at
 * the first input, or on its own after IDLE_START_MS and an idle moment (src/app/hooks/runtimeStart.ts).
 * A key with no effect of its own (Shift) stands for it, so "live" here is the soonest a learner gets it.
 */
async function touchAtFirstPaint(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.keyboard.press('Shift');
}

async function pageLoad(browser: Browser, base: string, dist: string, path: string, phone = false): Promise<PageLoad> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 }, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  try {
    if (phone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    await page.goto(`${base}/${path}`);
    await touchAtFirstPaint(page);
    let liveMs: number | null = null;
    try {
      await page.waitForFunction(() => document.querySelector('[data-backend="wasm"], [data-backend="webgpu"]'), undefined, { timeout: 20_000, polling: 100 });
      liveMs = Math.round(await page.evaluate(() => performance.now()));
    } catch {
      /* no live figure on this page, or it never came */
    }
    const urls: string[] = await page.evaluate(() => [location.href.split('#')[0], ...performance.getEntriesByType('resource').map((e) => e.name)]);
    const gz = urls.reduce((sum, u) => {
      const file = join(dist, decodeURIComponent(new URL(u).pathname).replace(/^\/+/, '') || 'index.html');
      try {
        return sum + gzipSync(readFileSync(statSync(file).isDirectory() ? join(file, 'index.html') : file)).length;
      } catch {
        return sum;
      }
    }, 0);
    return { page: path, bytesBeforeLiveGzKB: kb(gz), liveMs };
  } finally {
    await context.close();
  }
}

async function whileComputing(browser: Browser, base: string, flags: 'webgpu' | 'wasm'): Promise<BrowserResults['whileComputing'][number]> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const empty = { flags, frames: 0, spanMs: 0, maxGapMs: 0, painted: 0, clicks: [] };
  try {
    await page.addInitScript({ content: SAMPLE_WHILE_COMPUTING });
    await page.goto(`${base}/?lang=en&pg=${BUSY_CASE}#/playground`);
    const chunkwise = page.getByTestId('pg-view-chunkwise');
    await chunkwise.waitFor();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    if (!heading) throw new Error('no heading to click');
    const end = Date.now() + 120_000;
    while ((await chunkwise.getAttribute('data-status')) === 'loading' && Date.now() < end) {
      await page.mouse.click(heading.x + 5, heading.y + heading.height / 2);
      await page.waitForTimeout(200);
    }
    return { flags, ...summarise(await page.evaluate(() => (window as unknown as { __sample: Parameters<typeof summarise>[0] }).__sample)) };
  } catch (e) {
    return { ...empty, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    await context.close();
  }
}

function shortfalls(r: Omit<BrowserResults, 'shortfalls'>): string[] {
  const out: string[] = [];
  if (r.sizes.initialJsGzKB > TARGETS.initialJsGzKB)
    out.push(`initial JS ${r.sizes.initialJsGzKB} KB gz > ${TARGETS.initialJsGzKB} KB: the entry chunk carries React, the shell and its string tables; onnxruntime, KaTeX, the playground, the training lab and the prose (rendered at build time) load later`);
  if (r.wasmT64Ms !== null && r.wasmT64Ms > TARGETS.wasmT64Ms)
    out.push(`WASM T=64 model time ${r.wasmT64Ms} ms > ${TARGETS.wasmT64Ms} ms: one thread (no cross-origin isolation on a static site) and a Scan graph with per-step overhead`);
  const p256 = r.playback.find((p) => p.wantedT === 256);
  if (p256 && (p256.fps === null || p256.fps < TARGETS.fpsT256 * 0.95))
    out.push(
      `playback at T = 256 did not reach ${TARGETS.fpsT256} fps: ${p256.fps ?? '—'} fps${p256.T !== 256 ? ` (at T = ${p256.T ?? '—'}, not 256)` : ''}, p95 frame ${p256.p95FrameMs ?? '—'} ms` +
        `${p256.cpuMsPerFrame ? `, main thread ${p256.cpuMsPerFrame.task} ms of CPU per frame` : ''} (headless chromium on this machine's CPU)${p256.note ? `; ${p256.note}` : ''}`,
    );
  if (r.inputRepaint.p95Ms === null || r.inputRepaint.p95Ms > TARGETS.inputRepaintP95Ms)
    out.push(`input → repaint p95 ${r.inputRepaint.p95Ms ?? '—'} ms > ${TARGETS.inputRepaintP95Ms} ms: each drag step re-runs the live model (WebGPU + WASM) and redraws both views`);
  if (!r.phoneLive?.liveMs || r.phoneLive.liveMs > TARGETS.phoneLiveMs)
    out.push(`phone live model ${r.phoneLive?.liveMs ?? '—'} ms > ${TARGETS.phoneLiveMs} ms: the runtime (wasm) and the chapter's graphs load and compile on a throttled CPU`);
  const wasmLive = r.timings.find((t) => t.flags === 'wasm')?.liveMs;
  if (!wasmLive || wasmLive > TARGETS.desktopWasmLiveMs) out.push(`desktop WASM live model ${wasmLive === undefined || wasmLive === null ? '—' : Math.round(wasmLive)} ms > ${TARGETS.desktopWasmLiveMs} ms`);
  for (const w of r.whileComputing) {
    const slowest = Math.max(0, ...w.clicks);
    if (w.error || w.maxGapMs > TARGETS.busyFrameGapMs || slowest > TARGETS.busyClickMs)
      out.push(`while computing (${w.flags}): longest frame gap ${w.maxGapMs} ms (≤ ${TARGETS.busyFrameGapMs}), slowest click ${slowest} ms (≤ ${TARGETS.busyClickMs})${w.error ? `; ${w.error}` : ''}`);
  }
  for (const t of r.timings) if (t.error) out.push(`${t.flags}: ${t.error}`);
  return out;
}

export function browserTable(r: BrowserResults): string {
  const f = (x: number | null | undefined, unit = '') => (x === null || x === undefined ? '—' : `${x}${unit}`);
  const rows: string[][] = [
    ['initial JS (gz)', f(r.sizes.initialJsGzKB, ' KB'), `≤ ${TARGETS.initialJsGzKB} KB`],
    ['initial CSS (gz)', f(r.sizes.initialCssGzKB, ' KB'), ''],
    ...r.sizes.wasm.map((w) => [`wasm ${w.file.replace(/^assets\//, '')}`, `${w.KB} KB (${w.gzKB} gz)`, 'lazy']),
    ['dist total', f(r.sizes.totalKB, ' KB'), ''],
    ...r.timings.flatMap((t) => [
      [`FCP, ${t.flags} flags`, f(t.fcpMs === null ? null : Math.round(t.fcpMs), ' ms'), ''],
      [`live model, ${t.flags} flags (${t.parallelBackend ?? '?'}), a key at first paint`, f(t.liveMs === null ? null : Math.round(t.liveMs), ' ms'), t.flags === 'wasm' ? `≤ ${TARGETS.desktopWasmLiveMs} ms` : ''],
    ]),
    ...r.pageLoads.map((p) => [`bytes before live, ${p.page.replace('?lang=en', '')}`, `${p.bytesBeforeLiveGzKB} KB gz${p.liveMs === null ? ' (no live figure)' : `, live at ${p.liveMs} ms`}`, '']),
    ['live model, phone 390 px, 4× CPU throttle, ch. 4, a key at first paint', f(r.phoneLive?.liveMs ?? null, ' ms'), `≤ ${TARGETS.phoneLiveMs} ms`],
    ['WASM model T=64 d=16 (Node)', f(r.wasmT64Ms, ' ms'), `≤ ${TARGETS.wasmT64Ms} ms`],
    ...r.playback.map((p) => [
      `playback T=${p.wantedT} d=${p.d}${p.T !== p.wantedT ? ` (ran T=${p.T ?? '—'})` : ''}`,
      `${f(p.fps, ' fps')} (p95 frame ${f(p.p95FrameMs, ' ms')}, ${p.steps} steps${p.cpuMsPerFrame ? `, CPU ${p.cpuMsPerFrame.task} ms/frame: script ${p.cpuMsPerFrame.script}, style ${p.cpuMsPerFrame.style}, layout ${p.cpuMsPerFrame.layout}` : ''})`,
      p.wantedT === 256 ? `${TARGETS.fpsT256} fps` : '',
    ]),
    ['input → repaint p95 (p50)', `${f(r.inputRepaint.p95Ms, ' ms')} (${f(r.inputRepaint.p50Ms, ' ms')}), n=${r.inputRepaint.samples}`, `≤ ${TARGETS.inputRepaintP95Ms} ms`],
    ...r.whileComputing.flatMap((w) => [
      [`while computing, ${w.flags}: longest frame gap`, `${w.maxGapMs} ms (${w.frames} frames, ${Math.round(w.painted * 100)}% painted)`, `≤ ${TARGETS.busyFrameGapMs} ms`],
      [`while computing, ${w.flags}: slowest click`, `${Math.max(0, ...w.clicks)} ms (n=${w.clicks.length})`, `≤ ${TARGETS.busyClickMs} ms`],
    ]),
    ...backendChoiceRows(r.backendChoice),
  ];
  return table(['measure', 'value', 'target'], rows, 1);
}

export async function runBrowserBench(wasmT64Ms: number | null, pages: string[]): Promise<BrowserResults> {
  const { base, dist, stop } = await serveBuild();
  const sizes = bundleSizes(dist);
  try {
    const timings: BackendTiming[] = [];
    let playback: PlaybackRate[] = [];
    let repaint: BrowserResults['inputRepaint'] = { samples: 0, p50Ms: null, p95Ms: null, page: '' };
    const busy: BrowserResults['whileComputing'] = [];
    const pageLoads: PageLoad[] = [];
    let phoneLive: PageLoad | null = null;
    const backendChoice: BackendChoiceRow[] = [];
    let version = '';
    for (const flags of ['webgpu', 'wasm'] as const) {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS[flags]] });
      version = browser.version();
      try {
        timings.push(await timeChapter(browser, base, flags));
        busy.push(await whileComputing(browser, base, flags));
        if (flags === 'wasm') phoneLive = await pageLoad(browser, base, dist, '?lang=en#/chapter/capacity', true);
        if (flags === 'webgpu') {
          for (const p of pages) pageLoads.push(await pageLoad(browser, base, dist, p));
          playback = [await playbackRate(browser, base, 64), await playbackRate(browser, base, 256)];
          repaint = await inputRepaint(browser, base);
          for (const T of CHOICE_SIZES) backendChoice.push(await backendChoiceRow(browser, base, T));
        }
      } finally {
        await browser.close();
      }
    }
    const partial = { chromium: version, sizes, timings, playback, inputRepaint: repaint, pageLoads, phoneLive, whileComputing: busy, backendChoice, wasmT64Ms };
    return { ...partial, shortfalls: shortfalls(partial) };
  } finally {
    stop();
  }
}
