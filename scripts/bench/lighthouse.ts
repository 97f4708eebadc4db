// Lighthouse (12.2.3: the last line that runs on Node 20) on every page, in its mobile mode (a slow 4G
// phone with 4× CPU throttling, simulated) and its desktop mode. Reported against the targets, never
// asserted: scores move with the machine's load.
//
// One mobile run of a page moves by several hundredths from run to run on the same build (the blocking
// time is four times each observed task, so a task 10 ms longer on a busy core costs 40 ms of TBT).
// As Lighthouse's own advice on variability has it, the page is run several times and the run nearest
// the median of first paint and time to interactive is reported (Lighthouse's computeMedianRun), with
// the lowest and highest score beside it so no run is hidden. Desktop scores do not move: one run.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result as LhResult } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { table } from './report';

export const LIGHTHOUSE_TARGETS = { performance: 0.95, tbtMs: 150, cls: 0.02, lcpMs: 2000 } as const;

export interface LighthouseRow {
  page: string;
  mode: 'mobile' | 'desktop';
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  tbtMs: number | null;
  cls: number | null;
  lcpMs: number | null;
  /** The failing audits that weigh on performance, for the note on what keeps a page below target. */
  worst: string[];
  /** How many runs the row is the median of, and their lowest and highest performance score. */
  runs?: { n: number; min: number | null; max: number | null };
  error?: string;
}

/** Mobile runs per page (LH_RUNS; the bench's --quick passes 1). */
export const MOBILE_RUNS = 3;

export async function runLighthouse(chromePath: string, base: string, pages: string[], mobileRuns = MOBILE_RUNS): Promise<LighthouseRow[]> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-features=WebGPU'] });
  const rows: LighthouseRow[] = [];
  try {
    for (const path of pages)
      for (const mode of ['mobile', 'desktop'] as const) {
        const empty = { page: path, mode, performance: null, accessibility: null, bestPractices: null, tbtMs: null, cls: null, lcpMs: null, worst: [] };
        try {
          const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: ['performance', 'accessibility', 'best-practices'] };
          const n = mode === 'mobile' ? Math.max(1, mobileRuns) : 1;
          const results: LhResult[] = [];
          for (let i = 0; i < n; i++) {
            process.stderr.write(`lighthouse ${mode} ${path}${n > 1 ? ` (${i + 1}/${n})` : ''}\n`);
            const result = await lighthouse(`${base}/${path}`, flags, mode === 'desktop' ? desktopConfig : undefined);
            if (!result) throw new Error('no result');
            results.push(result.lhr);
          }
          const scores = results.map((r) => r.categories.performance?.score ?? null).filter((x): x is number => x !== null);
          rows.push({
            ...empty,
            ...summarise(results.length > 1 ? computeMedianRun(results) : results[0]),
            runs: { n, min: scores.length ? Math.min(...scores) : null, max: scores.length ? Math.max(...scores) : null },
          });
        } catch (e) {
          rows.push({ ...empty, error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
        }
      }
  } finally {
    await chrome.kill();
  }
  return rows;
}

/** One run's scores, the measures against the targets, and the audits that weigh most. */
function summarise(lhr: LhResult): Omit<LighthouseRow, 'page' | 'mode'> {
  const { categories, audits } = lhr;
  const num = (id: string) => audits[id]?.numericValue ?? null;
  const worst = Object.values(audits)
    .filter((a) => a.score !== null && a.score < 0.9 && (a.details?.type === 'opportunity' || ['total-blocking-time', 'largest-contentful-paint', 'cumulative-layout-shift', 'bootup-time', 'mainthread-work-breakdown'].includes(a.id)))
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`)
    .slice(0, 5);
  const cls = num('cumulative-layout-shift');
  return {
    performance: categories.performance?.score ?? null,
    accessibility: categories.accessibility?.score ?? null,
    bestPractices: categories['best-practices']?.score ?? null,
    tbtMs: round(num('total-blocking-time')),
    cls: cls === null ? null : Math.round(cls * 1000) / 1000,
    lcpMs: round(num('largest-contentful-paint')),
    worst,
  };
}

const round = (x: number | null) => (x === null ? null : Math.round(x));

export function lighthouseShortfalls(rows: LighthouseRow[]): string[] {
  const T = LIGHTHOUSE_TARGETS;
  return rows
    .filter((r) => r.error || (r.performance ?? 0) < T.performance || (r.cls ?? 1) > T.cls)
    .map((r) => `lighthouse ${r.mode} ${r.page}: ${r.error ?? `performance ${r.performance} (≥ ${T.performance}), CLS ${r.cls} (≤ ${T.cls}); ${r.worst.join(', ') || 'no single audit stands out'}`}`);
}

const spread = (runs: LighthouseRow['runs']) => (!runs || runs.n < 2 ? '1 run' : `${runs.n}: ${runs.min ?? '—'}–${runs.max ?? '—'}`);

export function lighthouseTable(rows: LighthouseRow[]): string {
  const f = (x: number | null, unit = '') => (x === null ? '—' : `${x}${unit}`);
  const T = LIGHTHOUSE_TARGETS;
  return table(
    ['page', 'mode', `perf (≥ ${T.performance})`, 'runs: lowest–highest', `TBT (≤ ${T.tbtMs} ms)`, `CLS (≤ ${T.cls})`, `LCP (≤ ${T.lcpMs} ms)`, 'a11y', 'best pr.'],
    rows.map((r) => [r.page, r.mode, f(r.performance), spread(r.runs), f(r.tbtMs, ' ms'), f(r.cls), f(r.lcpMs, ' ms'), f(r.accessibility), f(r.bestPractices)]),
    2,
  );
}
