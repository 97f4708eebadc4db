// Chapter 1's live LSTM: at the cursor's step, the input, the three gates and the candidate as strips,
// the memory update c_{t−1} → c_t and the output h_t; below, h and c of every step as heatmaps with
// the cursor's row marked. Numbers come from the ONNX LSTM (WASM) once it has run, the float64 core
// until then; the badge says which, and how far apart the two are.
import type { ReactNode } from 'react';
import type { LstmStep } from '../../../core/lstm';
import { ValueLegend } from '../../../viz/Legend';
import { FigureRegion, Formula, MatrixHeatmap, PlaybackControls, StepTrack, VectorStrip, formatDiff, limitOf, useTimeCursor, cursorBindings, symbolColor, type SymbolName } from '../../../viz';
import { agrees } from '../../../viz/EquivalenceBadge';
import { BackendBadge } from '../../components/BackendBadge';
import { RunProblems } from '../../components/RunProblems';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { ch01Strings } from './strings';
import { LSTM_SPEC } from './presets';
import type { LstmTraces } from './useLstmRun';
import type { Mat } from '../../../core/linalg';
import './lstmLab.css';
import { figureStrings } from '../../components/figure.strings';
import { useStepState } from '../../steps/follow';
import { useStaggered } from '../../shell/pageSettle';

type StripKey = 'x' | 'i' | 'f' | 'o' | 'g' | 'cPrev' | 'c' | 'h';

/** Each quantity's colour token and symbol, shared by the strips and the formula. */
const STRIP: Record<StripKey, { symbol: SymbolName; tex: string; plain: string }> = {
  x: { symbol: 'k', tex: 'x_t', plain: 'x_t' },
  i: { symbol: 'beta', tex: 'i_t', plain: 'i_t' },
  f: { symbol: 'gamma', tex: 'f_t', plain: 'f_t' },
  o: { symbol: 'q', tex: 'o_t', plain: 'o_t' },
  g: { symbol: 'v', tex: 'g_t', plain: 'g_t' },
  cPrev: { symbol: 'S', tex: 'c_{t-1}', plain: 'c_{t−1}' },
  c: { symbol: 'S', tex: 'c_t', plain: 'c_t' },
  h: { symbol: 'erase', tex: 'h_t', plain: 'h_t' },
};

const col = (k: StripKey): string => `\\textcolor{${symbolColor[STRIP[k].symbol]}}{${STRIP[k].tex}}`;
const UPDATE_TEX = `${col('c')} = ${col('f')} \\odot ${col('cPrev')} + ${col('i')} \\odot ${col('g')}, \\qquad ${col('h')} = ${col('o')} \\odot \\tanh(${col('c')})`;

export interface LstmLabProps {
  tokens: readonly string[];
  xs: Mat;
  traces: LstmTraces;
  controls?: ReactNode;
}

export function LstmLab({ tokens, xs, traces, controls }: LstmLabProps) {
  const fig = useLocalized(figureStrings);
  const ui = useLocalized(ch01Strings);
  const cursor = useTimeCursor();
  const reading = useStepState();
  const step = cursor.shown;
  const current: LstmStep | null = step >= 0 ? (traces.steps[step] ?? null) : null;
  const H = LSTM_SPEC.hiddenSize;
  const cLimit = limitOf(traces.steps.map((s) => s.c));
  const ok = agrees(traces.diff, traces.tolerance);
  const live = traces.run.status === 'done';
  // As the page loads, the two heat maps (tables of every step) mount a frame after the strips above them.
  const heatmapsIn = useStaggered(2) === 2;
  const strip = (key: StripKey, values: readonly number[] | null, limit = 1, orientation: 'row' | 'column' = 'row') => (
    <VectorStrip
      values={values}
      symbol={STRIP[key].symbol}
      label={`${STRIP[key].plain}: ${ui.strips[key]}`}
      title={
        <span className="lstm-strip-title">
          <Formula tex={col(key)} /> <span className="muted">{ui.strips[key]}</span>
        </span>
      }
      limit={limit}
      length={key === 'x' ? LSTM_SPEC.inputSize : H}
      emptyText={ui.step.notYet}
      orientation={orientation}
      testId={`lstm-${key}`}
    />
  );
  return (
    <FigureRegion label={ui.figure} caption={ui.caption} keysHint={ui.keys} className="memory-lab lstm-lab" testId="lstm-lab" data={reading.data}>
      {controls && <div className="lab-controls">{controls}</div>}
      <p className="muted lstm-note">{fill(ui.weights, { seed: String(LSTM_SPEC.seed) })}</p>
      <div className="lab-toolbar">
        <PlaybackControls labels={fig.playback} />
        <p
          className={`equivalence-badge ${live ? (ok ? 'ok' : 'bad') : ''}`}
          data-testid="lstm-agreement"
          data-diff={traces.diff}
          data-ok={live && ok}
          aria-live="polite"
        >
          <span>{ui.agreement}</span> <strong className="number-slot">{Number.isNaN(traces.diff) ? '…' : formatDiff(traces.diff)}</strong>{' '}
          <span className="muted">
            ({ui.tolerance} {formatDiff(traces.tolerance)})
          </span>{' '}
          {/* The verdict's place is kept (hidden) until the run lands: appearing, it wrapped the line and
              pushed the figure down. */}
          <span className={live ? 'equivalence-verdict' : 'equivalence-verdict keeps-place'} aria-hidden={!live}>
            {!live || ok ? ui.agree : ui.disagree}
          </span>
        </p>
      </div>
      <div className="lstm-backend">
        <BackendBadge run={traces.run} testId="lstm-backend" />
        <p className="muted lstm-note" data-testid="lstm-backend-note">
          {ui.backendNote}
        </p>
      </div>
      <RunProblems runs={[traces.run]} />
      <StepTrack
        T={tokens.length}
        labels={fig.steps}
        tokens={tokens}
        {...cursorBindings(cursor)}
      />
      <p className="lstm-caption" data-testid="lstm-step" data-step={step}>
        {current ? fill(ui.step.reading, { t: String(step + 1), token: tokens[step] ?? '' }) : ui.step.before}
      </p>
      <div className="lstm-grid">
        <section aria-label={ui.gatesTitle} className="lstm-panel">
          <h3>{ui.gatesTitle}</h3>
          {strip('x', current ? xs[step] : null)}
          {strip('i', current?.i ?? null)}
          {strip('f', current?.f ?? null)}
          {strip('o', current?.o ?? null)}
          {strip('g', current?.g ?? null)}
        </section>
        <section aria-label={ui.memoryTitle} className="lstm-panel">
          <h3>{ui.memoryTitle}</h3>
          <p className="lstm-formula">
            <Formula tex={UPDATE_TEX} />
          </p>
          {strip('cPrev', current ? (step > 0 ? traces.steps[step - 1].c : new Array<number>(H).fill(0)) : null, cLimit)}
          {strip('c', current?.c ?? null, cLimit)}
          {strip('h', current?.h ?? null)}
        </section>
      </div>
      {heatmapsIn && (
        <div className="lstm-heatmaps">
          <div className="lstm-heatmap">
            <MatrixHeatmap values={traces.steps.map((s) => s.h)} caption={ui.heatmapH} limit={1} digits={3} rowLabel={(i) => `${i + 1} ${tokens[i] ?? ''}`} highlightRow={step} testId="lstm-H" />
            <ValueLegend limit={1} label={ui.legend} digits={1} testId="lstm-H-legend" />
          </div>
          <div className="lstm-heatmap">
            <MatrixHeatmap values={traces.steps.map((s) => s.c)} caption={ui.heatmapC} limit={cLimit} digits={3} rowLabel={(i) => `${i + 1} ${tokens[i] ?? ''}`} highlightRow={step} testId="lstm-C" />
            <ValueLegend limit={cLimit} label={ui.legend} testId="lstm-C-legend" />
          </div>
        </div>
      )}
    </FigureRegion>
  );
}
