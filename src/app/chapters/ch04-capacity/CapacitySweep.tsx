// Chapter 4's sweep: the recall-error curves against n, the readout at the chosen n and the table of
// every point. It owns the live sweep (useCapacityCurves), so each batch of live points re-renders this
// figure only, not the chapter and its step-by-step MemoryLab. What the answer gate holds back (the
// curves, readout and table, with the float64 reference they fall back on) is its own component,
// rendered only once the learner has answered.
import type { ReactNode } from 'react';
import { CAPACITY_MECHANISMS, EXACT_ERROR, SOFTMAX_SHARPNESS, firstFailure, type KeyKind, type PairSet } from '../../../core/capacity';
import { CapacityPlot, MarkerSwatch, type CurveSeries } from '../../../viz/CapacityPlot';
import { formatNumber } from '../../../viz';
import { MECHANISM_LINE, mechanismColor } from '../../../viz/theme';
import { AnswerGate } from '../../components/AnswerGate';
import { RunProblems } from '../../components/RunProblems';
import { runStrings } from '../../components/run.strings';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { useCapacityCurves, useShownCurves, type CapacityCurves } from './useCapacityCurves';
import { N_PAIRS, Y_MAX } from './config';
import { capacityStrings } from './strings';

export interface CapacitySweepProps {
  pairs: PairSet;
  keys: KeyKind;
  dk: number;
  /** The n the readout and the step-by-step lab show. */
  n: number;
  onSelectN: (n: number) => void;
  /** The figure's inputs (keys, d_k, n, reseed), drawn at its top. */
  controls: ReactNode;
}

export function CapacitySweep({ pairs, keys, dk, n, onSelectN, controls }: CapacitySweepProps) {
  const runUi = useLocalized(runStrings);
  const ui = useLocalized(capacityStrings);
  const live = useCapacityCurves(pairs);
  const isLive = live.done === live.total;
  return (
    <section className="memory-lab capacity-lab" aria-label={ui.figure} data-testid="capacity-lab" data-dk={dk} data-keys={keys} data-live={isLive}>
      {controls}
      <p
        className={`badge badge-stack ${isLive ? `badge-${live.backends[0] ?? 'wasm'}` : 'badge-loading'}`}
        data-testid="capacity-status"
        data-live={isLive}
        data-backends={live.backends.join(',')}
        aria-live="polite"
      >
        {/* Both lines hold their place, the one not in force hidden: the longer "running" line (two lines
            on most screens) gave way to the short "live" one when the sweep ended, and the figure below
            moved up under the reader's eyes. */}
        <span aria-hidden={!isLive}>{fill(ui.live, { total: String(live.total), backends: live.backends.map((b) => runUi.backends[b]).join(' + ') })}</span>
        <span aria-hidden={isLive}>{fill(ui.running, { done: String(live.done), total: String(live.total) })}</span>
      </p>
      <RunProblems runs={[live.lastRun]} />
      {/* The curves, the readout and the table would show where linear attention first fails. */}
      <AnswerGate exercise="capacity">
        <CapacityFigure pairs={pairs} keys={keys} dk={dk} n={n} onSelectN={onSelectN} live={live} />
      </AnswerGate>
    </section>
  );
}

/** The curves, the readout at n and the table of every point: what answers the chapter's question. */
function CapacityFigure({ pairs, keys, dk, n, onSelectN, live }: Omit<CapacitySweepProps, 'controls'> & { live: CapacityCurves }) {
  const ui = useLocalized(capacityStrings);
  const { curves, sources } = useShownCurves(pairs, live);
  const series: CurveSeries[] = CAPACITY_MECHANISMS.map((m) => ({
    id: m,
    label: ui.mechanisms[m],
    color: mechanismColor[m],
    ...MECHANISM_LINE[m],
    values: curves[m],
    sources: sources[m],
  }));
  const fails = firstFailure(curves.linear_attention);
  const clipped = series.some((s) => s.values.some((v) => v > Y_MAX));
  return (
    <>
      <figure className="capacity-figure">
      <figcaption>{fill(ui.plotCaption, { dk: String(dk) })}</figcaption>
      <ul className="curve-legend">
        {series.map((s) => (
          <li key={s.id}>
            <MarkerSwatch kind={s.marker} color={s.color} dash={s.dash} />
            {s.label}
          </li>
        ))}
      </ul>
      <CapacityPlot
        series={series}
        yMax={Y_MAX}
        xLabel={ui.xLabel}
        yLabel={ui.yLabel}
        mark={{ x: dk, label: fill(ui.cliff, { dk: String(dk) }) }}
        reference={{ y: 1, label: ui.emptyMemory }}
        selectedX={n}
        onSelectX={onSelectN}
        label={fill(ui.plotLabel, { count: String(N_PAIRS), dk: String(dk), keys: ui.keyKinds[keys] })}
      />
      </figure>
      <p className="muted small-wide">
        {fill(ui.sharpness, { tau: String(SOFTMAX_SHARPNESS) })} {ui.sweepNote}
        {clipped ? ` ${ui.clipped}` : ''}
      </p>
      <div className="capacity-readout" data-testid="capacity-readout" data-n={n}>
        <strong>{fill(ui.at, { n: String(n) })}:</strong>
        {CAPACITY_MECHANISMS.map((m) => {
          const e = curves[m][n - 1];
          return (
            <span key={m} data-mechanism={m} data-value={e}>
              <MarkerSwatch kind={MECHANISM_LINE[m].marker} color={mechanismColor[m]} dash={MECHANISM_LINE[m].dash} />
              {ui.mechanisms[m]} {e <= EXACT_ERROR ? `≈ 0 (${ui.exact})` : formatNumber(e, 3)}
            </span>
          );
        })}
        <span data-testid="first-failure" data-n={fails ?? ''}>
          {fails === null ? ui.neverFails : fill(ui.firstFail, { n: String(fails) })}
        </span>
      </div>
      <details className="capacity-numbers">
        <summary>{ui.tableToggle}</summary>
        <div className="scroll-frame">
        <table className="capacity-table" data-testid="capacity-table">
          <caption>{ui.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">n</th>
              {CAPACITY_MECHANISMS.map((m) => (
                <th key={m} scope="col">
                  {ui.mechanisms[m]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {curves.linear_attention.map((_, i) => (
              <tr key={i} className={i + 1 === n ? 'selected' : undefined}>
                <th scope="row">{i + 1}</th>
                {CAPACITY_MECHANISMS.map((m) => (
                  <td key={m} data-mechanism={m} data-value={curves[m][i]} data-source={sources[m][i]}>
                    {formatNumber(curves[m][i], 4)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </details>
    </>
  );
}
