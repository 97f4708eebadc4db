// Turning benchmark cells into fits, ratios and plain-text tables.
import { FIT_MIN_T, theory, type Mechanism, type Theory, type View } from './plan';
import type { CellResult } from './measure';
import { logLogSlope } from './stats';

export interface Cell {
  mechanism: Mechanism;
  view: View;
  T: number;
  status: 'ok' | 'skipped' | 'error';
  /** Why a cell was skipped, or the error it hit. */
  reason?: string;
  result?: CellResult;
}

export interface Fit {
  mechanism: Mechanism;
  view: View;
  /** Least-squares slope of log(median) against log(T), over T ≥ FIT_MIN_T; null below two points. */
  exponent: number | null;
  fittedOn: number[];
  theory: Theory;
}

export interface Ratios {
  mechanism: Mechanism;
  T: number;
  recurrentOverParallel: number | null;
  chunkwiseOverParallel: number | null;
  recurrentOverChunkwise: number | null;
  /** float64 reference time over WASM time, per view (> 1: the model is faster). */
  referenceOverModel: Record<View, number | null>;
}

const medianOf = (cells: Cell[], m: Mechanism, view: View, T: number): number | null => {
  const c = cells.find((x) => x.mechanism === m && x.view === view && x.T === T);
  return c?.result ? c.result.model.medianMs : null;
};

export function fits(cells: Cell[], mechanisms: readonly Mechanism[], views: readonly View[]): Fit[] {
  return mechanisms.flatMap((m) =>
    views.map((view) => {
      const pts = cells
        .filter((c) => c.mechanism === m && c.view === view && c.T >= FIT_MIN_T && c.result)
        .map((c) => ({ x: c.T, y: c.result?.model.medianMs ?? Number.NaN }));
      return { mechanism: m, view, exponent: logLogSlope(pts), fittedOn: pts.map((p) => p.x), theory: theory(m, view) };
    }),
  );
}

export function ratios(cells: Cell[], mechanisms: readonly Mechanism[], lengths: number[]): Ratios[] {
  const div = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? a / b : null);
  return mechanisms.flatMap((m) =>
    lengths.map((T) => {
      const [par, rec, chu] = (['parallel', 'recurrent', 'chunkwise'] as const).map((v) => medianOf(cells, m, v, T));
      const refOver = (view: View): number | null => {
        const c = cells.find((x) => x.mechanism === m && x.view === view && x.T === T);
        return c?.result ? div(c.result.reference.medianMs, c.result.model.medianMs) : null;
      };
      return {
        mechanism: m,
        T,
        recurrentOverParallel: div(rec, par),
        chunkwiseOverParallel: div(chu, par),
        recurrentOverChunkwise: div(rec, chu),
        referenceOverModel: { parallel: refOver('parallel'), recurrent: refOver('recurrent'), chunkwise: refOver('chunkwise') },
      };
    }),
  );
}

/** A readable number of milliseconds: three significant digits or so. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x < 1) return x.toFixed(3);
  if (x < 10) return x.toFixed(2);
  if (x < 100) return x.toFixed(1);
  return x.toFixed(0);
}

const ratio = (x: number | null): string =>
  x === null || !Number.isFinite(x) ? '—' : x < 0.1 ? x.toPrecision(2) : x < 10 ? x.toFixed(2) : x.toFixed(1);

/** Left-aligned first columns, right-aligned numbers, two spaces between columns. */
export function table(header: string[], rows: string[][], leftColumns = 2): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((s, i) => (i < leftColumns ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

const cellText = (c: Cell | undefined, show: (r: CellResult) => string): string => {
  if (!c) return '';
  if (c.status === 'skipped') return 'skipped*';
  if (c.status === 'error' || !c.result) return 'error*';
  return show(c.result);
};

const findCell = (cells: Cell[], m: Mechanism, v: View, T: number): Cell | undefined =>
  cells.find((c) => c.mechanism === m && c.view === v && c.T === T);

export function latencyTable(cells: Cell[], fitList: Fit[], lengths: number[]): string {
  const header = ['mechanism', 'view', ...lengths.map((T) => `T=${T}`), 'fit', 'theory'];
  const rows = fitList.map((f) => [
    f.mechanism,
    f.view,
    ...lengths.map((T) => cellText(findCell(cells, f.mechanism, f.view, T), (r) => `${ms(r.model.medianMs)} (${ms(r.model.p90Ms)}) ×${r.model.n}`)),
    f.exponent === null ? '—' : `T^${f.exponent.toFixed(2)}`,
    `${f.theory.label}`,
  ]);
  return table(header, rows);
}

export function coldTable(cells: Cell[], fitList: Fit[], lengths: number[]): string {
  const header = ['mechanism', 'view', ...lengths.map((T) => `T=${T}`)];
  const rows = fitList.map((f) => [
    f.mechanism,
    f.view,
    ...lengths.map((T) =>
      cellText(findCell(cells, f.mechanism, f.view, T), (r) => `${ms(r.model.buildMs + r.model.sessionMs)} + ${ms(r.model.firstRunMs)}`),
    ),
  ]);
  return table(header, rows);
}

export function referenceTable(cells: Cell[], fitList: Fit[], lengths: number[]): string {
  const header = ['mechanism', 'view', ...lengths.map((T) => `T=${T}`)];
  const rows = fitList.map((f) => [
    f.mechanism,
    f.view,
    ...lengths.map((T) =>
      cellText(findCell(cells, f.mechanism, f.view, T), (r) => `${ms(r.reference.medianMs)} (${ratio(r.reference.medianMs / r.model.medianMs)}×)`),
    ),
  ]);
  return table(header, rows);
}

export function ratioTable(list: Ratios[]): string {
  const header = ['mechanism', 'T', 'recurrent/parallel', 'chunkwise/parallel', 'recurrent/chunkwise'];
  const rows = list.map((r) => [
    r.mechanism,
    String(r.T),
    ratio(r.recurrentOverParallel),
    ratio(r.chunkwiseOverParallel),
    ratio(r.recurrentOverChunkwise),
  ]);
  return table(header, rows);
}
