// Chapter 9, panel 1: the continuous oscillator and its discrete samples every Δ (zero-order hold).
import { useMemo } from 'react';
import { continuousResponse, OSCILLATOR, oscillatorStep, sampledResponse, signalAt } from '../../../core/continuous';
import { Formula, MatrixHeatmap, formatNumber, limitOf } from '../../../viz';
import { PhasePlot, SignalPlot } from '../../../viz/SignalPlot';
import { ValueLegend } from '../../../viz/Legend';
import { Slider } from '../../components/Controls';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { figureStrings } from '../../components/figure.strings';
import { DELTA, FINE_STEP, PULSE, T_END } from './presets';
import { ch09Strings } from './strings';

export function DeltaSlider({ dt, onChange, testId }: { dt: number; onChange: (dt: number) => void; testId: string }) {
  const ui = useLocalized(ch09Strings);
  return (
    <Slider
      label={<>{ui.delta}</>}
      value={dt}
      min={DELTA.min}
      max={DELTA.max}
      step={DELTA.step}
      onChange={onChange}
      testId={testId}
    />
  );
}

export function ZohPanel({ dt, onDt }: { dt: number; onDt: (dt: number) => void }) {
  const ui = useLocalized(ch09Strings);
  const z = ui.zoh;
  const legend = useLocalized(figureStrings).valueLegend;
  // The continuous curve does not depend on Δ: computed once.
  const curve = useMemo(() => continuousResponse(OSCILLATOR, PULSE, T_END, FINE_STEP), []);
  const input = useMemo(() => curve.tau.map((t) => signalAt(PULSE, t)), [curve]);
  const limits = useMemo(() => ({ y: 1.4 * limitOf(curve.y), h: 1.2 * limitOf(curve.h) }), [curve]);
  const dots = useMemo(() => sampledResponse(OSCILLATOR, PULSE, dt, T_END), [dt]);
  const turn = oscillatorStep(dt);
  const Abar = dots.discrete.Abar;
  const Bbar = dots.discrete.Bbar.map((b) => [b]);
  return (
    <section className="ssm-panel" aria-labelledby="ssm-zoh-title" data-testid="zoh-panel">
      <h2 id="ssm-zoh-title">{z.title}</h2>
      <p className="ssm-lead">{z.lead}</p>
      <div className="ssm-formulas">
        <Formula tex="h'(\tau) = A\,h(\tau) + B\,x(\tau),\quad y(\tau) = C\,h(\tau)" display />
        <Formula tex="\bar A = e^{\Delta A},\quad \bar B = (\Delta A)^{-1}\big(e^{\Delta A} - I\big)\,\Delta B,\quad h_k = \bar A h_{k-1} + \bar B x_k" display />
      </div>
      <div className="ssm-controls">
        <DeltaSlider dt={dt} onChange={onDt} testId="delta" />
        <p className="muted" data-testid="zoh-turn" data-angle={turn.angle} data-shrink={turn.shrink}>
          {fill(z.turn, { angle: formatNumber(turn.angle, 2), degrees: formatNumber(turn.degrees, 1), shrink: formatNumber(turn.shrink, 3) })}
        </p>
      </div>
      <div className="ssm-zoh">
        <div className="ssm-zoh-plot">
          <SignalPlot
            curve={curve}
            samples={dots}
            input={input}
            held={{ dt, x: dots.x }}
            yLimit={limits.y}
            xLimit={1}
            labels={z.plot}
            testId="signal-plot"
          />
          <p className="muted small-wide" data-testid="zoh-count">
            {fill(z.count, { n: String(dots.x.length), end: formatNumber(dots.tau[dots.tau.length - 1] ?? 0, 2) })} {z.exact}
          </p>
        </div>
        <div className="ssm-zoh-side">
          <figure className="ssm-phase">
            <PhasePlot path={curve.h} samples={dots.h} limit={limits.h} label={z.phase} axes={['h₁', 'h₂']} testId="phase-plot" />
            <figcaption className="muted small">{z.phase}</figcaption>
          </figure>
          <div className="ssm-matrices">
            <MatrixHeatmap values={Abar} caption={z.Abar} limit={1} digits={3} testId="Abar" frame="gamma" />
            <MatrixHeatmap values={Bbar} caption={z.Bbar} limit={limitOf(Bbar)} digits={3} colLabel={() => ''} testId="Bbar" />
          </div>
          <ValueLegend limit={1} label={`Ā · ${legend}`} testId="Abar-legend" />
          <ValueLegend limit={limitOf(Bbar)} label={`B̄ · ${legend}`} digits={3} testId="Bbar-legend" />
        </div>
      </div>
    </section>
  );
}
