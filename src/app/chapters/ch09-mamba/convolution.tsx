// Chapter 9, panel 2: S4's kernel K_k = C Āᵏ B̄ and the same outputs two ways — a convolution (one
// matrix product, WebGPU) and a recurrence (an ONNX Scan, WASM) — with the live equivalence badge.
import { useMemo } from 'react';
import { OSCILLATOR } from '../../../core/continuous';
import { discretizeZOH, ssmConvolution, ssmKernel } from '../../../core/s4';
import { EquivalenceBadge, Formula, MatrixHeatmap, limitOf } from '../../../viz';
import { StemPlot } from '../../../viz/StemPlot';
import { ValueLegend } from '../../../viz/Legend';
import { BackendBadge } from '../../components/BackendBadge';
import { PresetMenu } from '../../components/Controls';
import { RunProblems } from '../../components/RunProblems';
import { useLocalized } from '../../i18n/define';
import { s4LiveRun, useS4Views } from './live';
import { DELTA, s4Input, type S4Input } from './presets';
import { ch09Strings } from './strings';
import { DeltaSlider } from './zoh';
import { oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { figureStrings } from '../../components/figure.strings';

const PRESETS: S4Input[] = ['pulse', 'impulse', 'random'];

/** Every Δ the slider can reach, for colour and bar limits that do not jump as it moves. */
const SLIDER_DELTAS = Array.from({ length: Math.round((DELTA.max - DELTA.min) / DELTA.step) + 1 }, (_, i) => DELTA.min + i * DELTA.step);

export function ConvolutionPanel({ dt, onDt }: { dt: number; onDt: (dt: number) => void }) {
  const fig = useLocalized(figureStrings);
  const ui = useLocalized(ch09Strings);
  const c = ui.conv;
  const [preset, setPreset] = useUrlParam('input', oneOf(PRESETS), 'pulse');
  const discrete = useMemo(() => discretizeZOH(OSCILLATOR, dt), [dt]);
  const x = useMemo(() => s4Input(preset, dt), [preset, dt]);
  const views = useS4Views(discrete, x);
  const limits = useMemo(() => {
    const all = SLIDER_DELTAS.map((d) => {
      const disc = discretizeZOH(OSCILLATOR, d);
      const input = s4Input(preset, d);
      return { K: ssmKernel(disc, input.length), y: ssmConvolution(disc, input), x: input };
    });
    return { K: limitOf(...all.map((a) => a.K)), y: limitOf(...all.map((a) => a.y)), x: limitOf(...all.map((a) => a.x)) };
  }, [preset]);
  const labels = { ...fig.equivalence, diff: c.diff, parallel: c.convolution, recurrent: c.recurrence };
  const backendOf = (run: typeof views.runs.convolution) => (run.status === 'done' ? run.outcome.backend : 'reference');
  return (
    <section className="ssm-panel" aria-labelledby="ssm-conv-title" data-testid="conv-panel">
      <h2 id="ssm-conv-title">{c.title}</h2>
      <p className="ssm-lead">{c.lead}</p>
      <div className="ssm-formulas">
        <Formula tex="y_k = \sum_{j=0}^{k} K_j\, x_{k-j},\qquad K_j = C\,\bar A^{\,j}\,\bar B" display />
      </div>
      <div className="ssm-controls">
        <DeltaSlider dt={dt} onChange={onDt} testId="delta-s4" />
        <PresetMenu label={c.input} value={preset} options={PRESETS.map((id) => ({ id, label: c.presets[id] }))} onChange={setPreset} />
      </div>
      <EquivalenceBadge
        diff={views.diff}
        tolerance={views.tolerance}
        parallelBackend={backendOf(views.runs.convolution)}
        recurrentBackend={backendOf(views.runs.recurrence)}
        labels={labels}
        testId="s4-equivalence"
      />
      <RunProblems runs={[s4LiveRun(views.runs.convolution), s4LiveRun(views.runs.recurrence)]} />
      <div className="ssm-conv">
        <div className="ssm-conv-view">
          <h3>{c.convolutionView}</h3>
          <BackendBadge run={s4LiveRun(views.runs.convolution)} testId="s4-conv-backend" />
          <StemPlot values={views.kernel} limit={limits.K} symbol="gamma" label={c.kernel} title={c.kernel} testId="s4-kernel" />
        </div>
        <div className="ssm-conv-view">
          <h3>{c.recurrenceView}</h3>
          <BackendBadge run={s4LiveRun(views.runs.recurrence)} testId="s4-rec-backend" />
          <StemPlot values={x} limit={limits.x} symbol="v" label={c.x} title={c.x} testId="s4-input" />
        </div>
      </div>
      <div className="ssm-scroll scroll-frame">
        <MatrixHeatmap
          values={[views.convolution, views.recurrence]}
          caption={c.outputs}
          limit={limits.y}
          rowLabel={(i) => (i === 0 ? c.rows.convolution : c.rows.recurrence)}
          colLabel={(j) => String(j)}
          testId="s4-outputs"
        />
      </div>
      <ValueLegend limit={limits.y} label={fig.valueLegend} testId="s4-outputs-legend" />
    </section>
  );
}
