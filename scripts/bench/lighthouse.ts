// Lighthouse (12.2.3: the last line that runs on Node 20) on every page, in its mobile mode (a slow 4G
// phone with 4× CPU throttling, simulated) and its desktop mode. Reported against the targets, never
// asserted: scores move with the machine's load.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
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
  error?: string;
}

export async function runLighthouse(chromePath: string, base: string, pages: string[]): Promise<LighthouseRow[]> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-features=WebGPU'] });
  const rows: LighthouseRow[] = [];
  try {
    for (const path of pages)
      for (const mode of ['mobile', 'desktop'] as const) {
        process.stderr.write(`lighthouse ${mode} ${path}\n`);
        const empty = { page: path, mode, performance: null, accessibility: null, bestPractices: null, tbtMs: null, cls: null, lcpMs: null, worst: [] };
        try {
          const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: ['performance', 'accessibility', 'best-practices'] };
          const result = await lighthouse(`${base}/${path}`, flags, mode === 'desktop' ? desktopConfig : undefined);
          if (!result) throw new Error('no result');
          const { categories, audits } = result.lhr;
          const num = (id: string) => audits[id]?.numericValue ?? null;
          const worst = Object.values(audits)
            .filter((a) => a.score !== null && a.score < 0.9 && (a.details?.type === 'opportunity' || ['total-blocking-time', 'largest-contentful-paint', 'cumulative-layout-shift', 'bootup-time', 'mainthread-work-breakdown'].includes(a.id)))
            .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`)
            .slice(0, 5);
          rows.push({
            ...empty,
            performance: categories.performance?.score ?? null,
            accessibility: categories.accessibility?.score ?? null,
            bestPractices: categories['best-practices']?.score ?? null,
            tbtMs: round(num('total-blocking-time')),
            cls: num('cumulative-layout-shift') === null ? null : Math.round((num('cumulative-layout-shift') ?? 0) * 1000) / 1000,
            lcpMs: round(num('largest-contentful-paint')),
            worst,
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

const round = (x: number | null) => (x === null ? null : Math.round(x));

export function lighthouseShortfalls(rows: LighthouseRow[]): string[] {
  const T = LIGHTHOUSE_TARGETS;
  return rows
    .filter((r) => r.error || (r.performance ?? 0) < T.performance || (r.cls ?? 1) > T.cls)
    .map((r) => `lighthouse ${r.mode} ${r.page}: ${r.error ?? `performance ${r.performance} (≥ ${T.performance}), CLS ${r.cls} (≤ ${T.cls}); ${r.worst.join(', ') || 'no single audit stands out'}`}`);
}

export function lighthouseTable(rows: LighthouseRow[]): string {
  const f = (x: number | null, unit = '') => (x === null ? '—' : `${x}${unit}`);
  const T = LIGHTHOUSE_TARGETS;
  return table(
    ['page', 'mode', `perf (≥ ${T.performance})`, `TBT (≤ ${T.tbtMs} ms)`, `CLS (≤ ${T.cls})`, `LCP (≤ ${T.lcpMs} ms)`, 'a11y', 'best pr.'],
    rows.map((r) => [r.page, r.mode, f(r.performance), f(r.tbtMs, ' ms'), f(r.cls), f(r.lcpMs, ' ms'), f(r.accessibility), f(r.bestPractices)]),
    2,
  );
}
