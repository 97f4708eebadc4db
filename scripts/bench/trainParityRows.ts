// The parity check's rows (scripts/bench/trainParity.ts runs them): the manifest's settings, the
// comparison with its accuracy in percentage points, and the printed table. No browser here, so Vitest
// can check them (trainParityRows.test.ts).
import type { TaskId } from '../../src/core/tasks';
import type { TrainMechanism } from '../../src/train/types';

/** Within this many percentage points of the manifest counts as reproduced (the issue's bar). */
export const PARITY_POINTS = 5;
export const PARITY_TASKS = ['mqar', 'story'] as const;

export interface ManifestModel {
  task: string;
  mechanism: string;
  layers: number;
  d_model: number;
  seed: number;
  steps: number;
  batch: number;
  accuracy: Record<string, number>;
}

export interface ParityRow {
  task: TaskId;
  mechanism: TrainMechanism;
  /** The lab's link the row trained with. */
  url: string;
  /** Steps asked for, and what the counter showed when paused (past the manifest's steps the learning rate is 0: nothing changes). */
  steps: number;
  stepsRun: number;
  /** Wall time of the row (load, training, export), for planning runs only: machine load varies. */
  wallSeconds: number;
  /** The lab's own held-out score at its level (the training range's top), and the step it was taken at. */
  lab: { level: number; accuracy: number | null; step: number | null };
  /** The exported weights scored per level (100 sequences, seed 9001), and the manifest's per level. */
  browser: Record<string, number>;
  manifest: Record<string, number>;
  /** browser − manifest, in percentage points, per level. */
  diffPoints: Record<string, number>;
  within: boolean;
  /** What the engine was configured with (checked against the manifest before training) and the backend it reported. */
  engine?: { batch: number; learningRate: number };
  ranOn?: string | null;
  error?: string;
}

export interface ParityResults {
  date: string;
  chromium: string;
  backend: 'wasm';
  points: number;
  /** What the lab could not set as the manifest did. */
  differences: string[];
  rows: ParityRow[];
}

/** Per level: browser − manifest in points, and whether every level is within `points`. */
export function compare(browser: Record<string, number>, manifest: Record<string, number>, points = PARITY_POINTS): { diffPoints: Record<string, number>; within: boolean } {
  const diffPoints: Record<string, number> = {};
  let within = true;
  for (const [level, want] of Object.entries(manifest)) {
    const got = browser[level];
    if (got === undefined) {
      within = false;
      continue;
    }
    diffPoints[level] = Math.round(1000 * (got - want)) / 10;
    if (Math.abs(diffPoints[level]) > points) within = false;
  }
  return { diffPoints, within };
}

export interface HeardConfig {
  batch: number;
  level: number;
  dModel: number;
  layers: number;
  seed: number;
  mechanisms: string[];
  backend: string;
}

/** What the engine was configured with differs from the manifest's model: name each setting that does. */
export function configMismatch(heard: HeardConfig | null, m: ManifestModel, level: number): string | null {
  if (!heard) return 'the page sent the engine no setup';
  const want: Record<string, unknown> = { batch: m.batch, level, dModel: m.d_model, layers: m.layers, seed: m.seed, mechanisms: m.mechanism, backend: 'wasm' };
  const got: Record<string, unknown> = { ...heard, mechanisms: heard.mechanisms.join(',') };
  const off = Object.keys(want).filter((k) => want[k] !== got[k]);
  return off.length ? `the engine was set up with ${off.map((k) => `${k} ${String(got[k])} (manifest: ${String(want[k])})`).join(', ')}` : null;
}

const pct = (x: number | undefined) => (x === undefined ? '  —  ' : (100 * x).toFixed(1).padStart(5));

/** One line per model: per level browser / manifest (Δ points), then within or not. */
export function parityTable(r: ParityResults): string {
  const lines: string[] = [];
  for (const task of [...new Set(r.rows.map((x) => x.task))]) {
    const rows = r.rows.filter((x) => x.task === task);
    const levels = Object.keys(rows[0].manifest);
    lines.push(`\n${task}: held-out accuracy %, browser / manifest (Δ points) per level`);
    lines.push(['mechanism'.padEnd(18), ...levels.map((l) => `L${l}`.padEnd(22)), `within ${r.points}`].join(' '));
    for (const x of rows) {
      const cells = levels.map((l) => `${pct(x.browser[l])} /${pct(x.manifest[l])} (${x.diffPoints[l] === undefined ? '—' : (x.diffPoints[l] > 0 ? '+' : '') + x.diffPoints[l].toFixed(1)})`.padEnd(22));
      lines.push([x.mechanism.padEnd(18), ...cells, x.error ? `error: ${x.error}` : x.within ? 'yes' : 'NO'].join(' '));
    }
  }
  return lines.join('\n');
}
