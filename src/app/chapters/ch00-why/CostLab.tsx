// Chapter 0's figure: time measured live (softmax attention vs linear attention, parallel and
// recurrent) beside the bytes each form must keep (the core's cost model), both on log–log axes.
import { useId, useMemo, useState } from 'react';
import { logLogSlope, memoryAt, powerLaw } from '../../../core/cost';
import { LogLogPlot, type PlotGuide, type PlotSeries } from '../../../viz/LogLogPlot';
import { formatMs } from '../../../viz/format';
import { formatBytes, formatCount } from '../../../viz/units';
import type { SymbolName } from '../../../viz/theme';
import {
  BUDGET,
  COST_SERIES,
  COST_WIDTHS,
  DEFAULT_LONGEST_T,
  LONGEST_T_CHOICES,
  MILLIONS_T,
  SHORTEST_T,
  costLengths,
  type CostSeriesId,
  type LongestT,
} from './presets';
import { ch00Strings } from './strings';
import { useLocalized } from '../../i18n/define';
import { fill, useStrings } from '../../i18n';
import { AnswerGate } from '../../components/AnswerGate';
import type { ExerciseId } from '../../exercises';
import { useCostMeasurement, type CostState } from './useCostMeasurement';
import './costLab.css';
import { runStrings } from '../../components/run.strings';
import { StepNotYet, useStepState } from '../../steps/follow';
import type { Quantity } from '../../steps/parse';
import { useStepPartProps } from '../../steps/context';

const SERIES_COLOR: Record<CostSeriesId, SymbolName> = { attention: 'q', 'linear-parallel': 'k', recurrent: 'v' };
const MEMORY_COLOR = { scoreMatrix: 'q', kvCache: 'gamma', state: 'v' } as const satisfies Record<string, SymbolName>;
type MemoryKey = keyof typeof MEMORY_COLOR;
const MEMORY_KEYS: MemoryKey[] = ['scoreMatrix', 'kvCache', 'state'];
/** The name a reading step holds each bytes series back by (src/app/steps), and its test id when shown. */
const MEMORY_QUANTITY: Record<MemoryKey, Quantity> = { scoreMatrix: 'A', kvCache: 'kv', state: 'S' };
/** Slopes are fitted where fixed per-run overheads no longer dominate. */
const SLOPE_MIN_T = 256;

const pow10Ticks = (lo: number, hi: number): number[] => {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
};
const pow4Ticks = (lo: number, hi: number): number[] => {
  const out: number[] = [];
  for (let x = SHORTEST_T; x <= hi; x *= 4) if (x >= lo) out.push(x);
  return out;
};
/** Powers of 2^5 (1 KiB, 32 KiB, 1 MiB, …) inside the range. */
const byteTicks = (lo: number, hi: number): number[] => {
  const out: number[] = [];
  for (let e = 0; e <= 60; e += 5) if (2 ** e >= lo && 2 ** e <= hi) out.push(2 ** e);
  return out;
};
const msLabel = (ms: number): string => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

export interface CostLabProps {
  longest?: LongestT;
  onLongest?: (T: LongestT) => void;
  /** The question the bytes answer: the bytes plot and table wait for it (the time measurement does not). */
  answerGate?: ExerciseId;
}

/** `longest` and `onLongest` let the chapter keep the choice in its link; without them the figure keeps it. */
export function CostLab({ longest: linked, onLongest, answerGate }: CostLabProps = {}) {
  const { lang } = useStrings();
  const runUi = useLocalized(runStrings);
  const ui = useLocalized(ch00Strings);
  const [own, setOwn] = useState<LongestT>(DEFAULT_LONGEST_T);
  const longest = linked ?? own;
  const setLongest = onLongest ?? setOwn;
  const { state, start, cancel } = useCostMeasurement();
  const timePart = useStepPartProps('time');
  const bytesPart = useStepPartProps('bytes');
  // The reading steps bring the bytes in one series at a time, as the text defines them.
  const reading = useStepState();
  const memoryKeys = MEMORY_KEYS.filter((k) => reading.shows(MEMORY_QUANTITY[k]));
  const selectId = useId();
  const running = state.status === 'running';
  const lengths = useMemo(() => costLengths(longest), [longest]);
  const xDomain: [number, number] = [SHORTEST_T / 1.25, longest * 1.25];
  const count = (n: number) => formatCount(n, lang);

  // Time: one series per form, a dashed theory line through its longest run.
  const timeSeries: PlotSeries[] = COST_SERIES.map((s) => ({
    id: s.id,
    label: ui.series[s.id],
    color: SERIES_COLOR[s.id],
    points: state.points
      .filter((p) => p.series === s.id)
      .map((p) => ({
        x: p.T,
        y: p.ms,
        shape: p.backend === 'webgpu' ? ('circle' as const) : ('square' as const),
        title: fill(ui.time.point, { series: ui.series[s.id], T: String(p.T), ms: formatMs(p.ms), backend: runUi.backends[p.backend], runs: String(p.runs) }),
        data: { series: s.id, t: p.T, ms: p.ms, backend: p.backend },
      })),
  }));
  const guides: PlotGuide[] = COST_SERIES.flatMap((s) => {
    const pts = state.points.filter((p) => p.series === s.id);
    const last = pts[pts.length - 1];
    if (!last) return [];
    const f = powerLaw({ x: last.T, y: last.ms }, s.exponent);
    return [{ id: `${s.id}-theory`, label: fill(ui.theory, { law: s.exponent === 2 ? 'T²' : 'T' }), color: SERIES_COLOR[s.id], points: [SHORTEST_T, longest].map((x) => ({ x, y: f(x) })) }];
  });
  const msValues = state.points.map((p) => p.ms).filter((ms) => ms > 0);
  const yLo = Math.min(0.01, ...msValues.map((ms) => 10 ** Math.floor(Math.log10(ms))));
  const yHi = Math.max(10000, ...msValues.map((ms) => 10 ** Math.ceil(Math.log10(ms))));

  // Memory: the cost model at every length of the plan.
  const memory = lengths.map((T) => memoryAt(T, COST_WIDTHS));
  const memorySeries: PlotSeries[] = memoryKeys.map((key) => ({
    id: key,
    label: ui.memory.series[key],
    color: MEMORY_COLOR[key],
    points: memory.map((m) => ({
      x: m.T,
      y: m[key],
      title: fill(ui.memory.point, { series: ui.memory.series[key], T: String(m.T), bytes: formatBytes(m[key]) }),
      data: { series: key, t: m.T, bytes: m[key] },
    })),
  }));
  const allBytes = memory.flatMap((m) => MEMORY_KEYS.map((k) => m[k]));
  const bytesDomain: [number, number] = [Math.min(...allBytes) / 2, Math.max(...allBytes) * 2];
  const tableLengths = lengths.filter((T) => Math.log2(T / SHORTEST_T) % 2 === 0 || T === longest);

  return (
    <section className="cost-lab" aria-label={ui.figure} data-testid="cost-lab" data-status={state.status} {...reading.data}>
      <div className="lab-controls">
        <button type="button" className="primary-action" onClick={() => start(longest)} disabled={running} data-testid="cost-run">
          {state.status === 'idle' ? ui.run : ui.again}
        </button>
        <button type="button" onClick={cancel} disabled={!running} data-testid="cost-cancel">
          {ui.cancel}
        </button>
        <div className="control">
          <label htmlFor={selectId}>{ui.longest}</label>
          <select id={selectId} value={longest} disabled={running} onChange={(e) => setLongest(Number(e.target.value) as LongestT)} data-testid="cost-longest">
            {LONGEST_T_CHOICES.map((T) => (
              <option key={T} value={T}>
                T = {count(T)}
              </option>
            ))}
          </select>
        </div>
        <p className="muted cost-setup">{fill(ui.setup, { d: String(COST_WIDTHS.dk) })}</p>
      </div>
      <Status state={state} />
      <div className="cost-plots">
        <div className="cost-plot" {...timePart}>
          <LogLogPlot
            title={ui.time.title}
            xLabel={ui.time.x}
            yLabel={ui.time.y}
            xDomain={xDomain}
            yDomain={[yLo, yHi]}
            xTicks={pow4Ticks(xDomain[0], xDomain[1])}
            yTicks={pow10Ticks(yLo, yHi)}
            formatX={count}
            formatY={msLabel}
            series={timeSeries}
            guides={guides}
            testId="time-plot"
            pointTestId="time-point"
          />
          <p className="muted small-note">{ui.time.markers}</p>
          <ul className="cost-slopes" data-testid="cost-slopes">
            {COST_SERIES.map((s) => {
              const slope = logLogSlope(state.points.filter((p) => p.series === s.id && p.T >= SLOPE_MIN_T).map((p) => ({ x: p.T, y: p.ms })));
              return (
                <li key={s.id} data-series={s.id} data-slope={slope ?? ''}>
                  {ui.series[s.id]}:{' '}
                  {slope === null ? ui.time.slopeNone : fill(ui.time.slope, { slope: slope.toFixed(2), p: String(s.exponent) })}
                </li>
              );
            })}
          </ul>
          <details className="cost-table">
            <summary>{ui.time.table}</summary>
            <div className="scroll-frame">
            <table data-testid="time-table">
              <thead>
                <tr>
                  <th scope="col">{ui.time.headers.series}</th>
                  <th scope="col">{ui.time.headers.T}</th>
                  <th scope="col">{ui.time.headers.backend}</th>
                  <th scope="col">{ui.time.headers.ms}</th>
                  <th scope="col">{ui.time.headers.runs}</th>
                </tr>
              </thead>
              <tbody>
                {state.points.map((p) => (
                  <tr key={`${p.series}-${p.T}`} data-series={p.series} data-t={p.T} data-backend={p.backend} data-ms={p.ms}>
                    <th scope="row">{ui.series[p.series]}</th>
                    <td>{count(p.T)}</td>
                    <td>{runUi.backends[p.backend]}</td>
                    <td>{formatMs(p.ms)}</td>
                    <td>{p.runs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </details>
        </div>
        {/* A reading step names either plot (part=time, part=bytes): the figure column scrolls to it. */}
        <div className="cost-plot" {...bytesPart}>
          <AnswerGate exercise={answerGate}>
            {memoryKeys.length === 0 ? (
              <StepNotYet />
            ) : (
            <>
            <LogLogPlot
              title={ui.memory.title}
              xLabel={ui.memory.x}
              yLabel={ui.memory.y}
              xDomain={xDomain}
              yDomain={bytesDomain}
              xTicks={pow4Ticks(xDomain[0], xDomain[1])}
              yTicks={byteTicks(bytesDomain[0], bytesDomain[1])}
              formatX={count}
              formatY={formatBytes}
              series={memorySeries}
              testId="memory-plot"
              pointTestId="memory-point"
            />
            <div className="scroll-frame">
            <table className="cost-memory-table" data-testid="memory-table">
              <caption>{ui.memory.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{ui.memory.headers.T}</th>
                  {memoryKeys.map((k) => (
                    <th scope="col" key={k} data-testid={k === 'kvCache' ? 'cost-kv' : undefined}>
                      {ui.memory.headers[k]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...tableLengths, MILLIONS_T].map((T) => {
                  const m = memoryAt(T, COST_WIDTHS);
                  return (
                    <tr key={T} data-t={T}>
                      <th scope="row">{T === MILLIONS_T ? fill(ui.memory.millions, { T: count(T) }) : count(T)}</th>
                      {memoryKeys.map((k) => (
                        <td key={k} data-key={k} data-bytes={m[k]}>
                          {formatBytes(m[k])}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            </div>
            </>
            )}
          </AnswerGate>
        </div>
      </div>
    </section>
  );
}

function Status({ state }: { state: CostState }) {
  const runUi = useLocalized(runStrings);
  const ui = useLocalized(ch00Strings);
  const seconds = (state.elapsedMs / 1000).toFixed(1);
  const text = (() => {
    switch (state.status) {
      case 'idle':
        return ui.idle;
      case 'running':
        return state.current
          ? fill(ui.running, {
              series: ui.series[state.current.series],
              T: String(state.current.T),
              backend: runUi.backends[state.current.backend],
              done: String(state.done + 1),
              total: String(state.total),
            })
          : '';
      case 'done':
        return fill(ui.done, { n: String(state.points.length), s: seconds });
      case 'cancelled':
        return fill(ui.cancelled, { n: String(state.points.length) });
      case 'error':
        return fill(ui.error, { detail: state.error ? `${state.error.kind === 'unknown' ? runUi.errors.unknown : runUi.errors[state.error.kind]} (${state.error.detail})` : '' });
    }
  })();
  const limit = (ms: number) => String(ms / 1000);
  return (
    <div className="cost-status">
      <progress max={Math.max(1, state.total)} value={state.done} aria-label={ui.progress} data-testid="cost-progress" />
      <p role="status" aria-live="polite" data-testid="cost-status">
        {text}
      </p>
      {state.notice && (
        <p className="notice" role="status" data-testid={`notice-${state.notice.code}`}>
          {fill(state.notice.code === 'webgpu-missing' ? ui.gpuMissing : ui.gpuFailed, { detail: state.notice.detail })}
        </p>
      )}
      {state.stopped.map((s) => (
        <p key={s.series} className="muted" data-testid="cost-stopped">
          {fill(ui.stopped, { series: ui.series[s.series], T: String(s.T), limit: limit(BUDGET.slowRunMs) })}
        </p>
      ))}
      {state.outOfTimeAt !== null && <p className="muted" data-testid="cost-out-of-time">{fill(ui.outOfTime, { limit: limit(BUDGET.totalMs), T: String(state.outOfTimeAt) })}</p>}
    </div>
  );
}
