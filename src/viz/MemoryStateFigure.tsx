// The recurrent view: the memory S_t (d_v × d_k) at the cursor's step, played beat by beat — decay
// fades it, the delta rule reads the old value and erases it, the write v kᵀ lands on it, the query
// sweeps its columns and o_t appears. Numbers come from the trace's StepRecords (memoryFrame.ts).
import { useMemo, type ReactNode } from 'react';
import { stepText } from './aria';
import { beatAt, beatFade, beatsFor, scheduleMs, stepKindOf, type Beat, type BeatPosition } from './beats';
import { formatNumber } from './format';
import { ValueLegend } from './Legend';
import { MatrixHeatmap } from './MatrixHeatmap';
import { memoryFrame, stepInputs } from './memoryFrame';
import { useBeatClock, usePrefersReducedMotion } from './motion';
import { figureLimit, inputLimit as inputLimitOf } from './scales';
import { VectorStrip } from './VectorStrip';
import type { Trace } from '../trace/trace';
import './viz.css';

export interface MemoryLabels {
  /** Caption of S, e.g. "Memory S_t (rows: value channels, columns: key dimensions)". */
  state: string;
  stepOf: string;
  beforeStart: string;
  /** One sentence per beat, shown as the figure's text label (and all that reduced motion shows). */
  beats: Record<Beat, string>;
  q: string;
  k: string;
  v: string;
  o: string;
  /** The delta rule's old value S k. */
  recalled: string;
  write: string;
  erase: string;
  gate: string;
  beta: string;
  /** Read out for o_t before the read beat, e.g. "not read yet". */
  notRead: string;
  /** Shown instead of the figure when the trace has no per-step records (parallel view, softmax). */
  noSteps: string;
  /** One line naming what the figure shows, above the step; e.g. "Memory S_t after step t (…)". */
  caption?: string;
  /** Titles of S's row and column axes, e.g. "i (value channel)", "j (key dimension)". */
  rowAxis?: string;
  colAxis?: string;
  /** Label of the value colour scale; without it no legend is drawn. */
  valueLegend?: string;
}

export interface MemoryStateFigureProps {
  trace: Trace;
  /** The cursor's step (−1: the empty memory before step 1). */
  step: number;
  labels: MemoryLabels;
  /** Fixed colour limit of S and its terms; defaults to scales.figureLimit(trace). */
  limit?: number;
  /** Colour limit of q, k, v; defaults to scales.inputLimit(trace). */
  inputLimit?: number;
  speed?: number;
  /** False: a change of step shows its end state at once (e.g. while the pointer hovers rows). */
  animate?: boolean;
  /** Overrides the reader's prefers-reduced-motion setting. */
  reducedMotion?: boolean;
  /** Fix the frame to one beat (static pictures, tests); `progress` defaults to the beat's end. */
  beat?: Beat;
  progress?: number;
  digits?: number;
  /** Visible symbol names (e.g. <Formula tex="\qq_t" />); default to the label strings. */
  titles?: Partial<Record<'q' | 'k' | 'v' | 'o' | 'recalled', ReactNode>>;
  /** Names of S's rows (value channels) and columns (key dimensions); default 1, 2, … */
  rowLabel?: (i: number) => string;
  colLabel?: (j: number) => string;
  testId?: string;
  /** Parts not on show yet (a reading step has not introduced them): they are left out, S leaves a blank box. */
  hide?: readonly MemoryPart[];
}

/** The parts of the memory figure a reading step can hold back. */
export type MemoryPart = 'q' | 'k' | 'v' | 'S' | 'write' | 'o' | 'gate' | 'beta';

export function MemoryStateFigure({
  trace,
  step,
  labels,
  limit,
  inputLimit,
  speed = 1,
  animate = true,
  reducedMotion,
  beat,
  progress,
  digits = 2,
  titles = {},
  rowLabel,
  colLabel,
  testId = 'memory',
  hide = [],
}: MemoryStateFigureProps) {
  const on = (part: MemoryPart) => !hide.includes(part);
  const prefersReduced = usePrefersReducedMotion();
  const reduced = reducedMotion ?? prefersReduced;
  const kind = stepKindOf(trace.mechanism);
  const schedule = kind ? beatsFor(kind) : [];
  const totalMs = scheduleMs(schedule);
  const elapsed = useBeatClock(step, { animate: animate && beat === undefined, speed, totalMs });
  // The scales read every step's terms (T · d_v · d_k numbers, 262,144 at T = 256, d = 16): once per
  // trace, not on each of the beat clock's frames.
  const autoLimit = useMemo(() => (limit === undefined ? figureLimit(trace) : limit), [limit, trace]);
  const autoInputLimit = useMemo(() => (inputLimit === undefined ? inputLimitOf(trace) : inputLimit), [inputLimit, trace]);

  const position: BeatPosition | null = beat ? { beat, index: schedule.findIndex((b) => b.beat === beat), progress: progress ?? 1 } : beatAt(elapsed, schedule);
  // While the clock plays a beat, the tables show the beat's end values and the browser fades their
  // colours there (MatrixHeatmap's fade): S changes once per beat, not on each of ~60 frames a
  // second (T = 256 at d = 16 is two 16 × 16 tables). The live frame still drives o_t, the sweep and
  // the write term's opacity, which are small.
  const playing = beat === undefined && !reduced && elapsed < totalMs ? position?.beat : undefined;
  const settled = useMemo(
    () => (playing && trace.steps ? memoryFrame(trace.steps, trace, step, { beat: playing, index: 0, progress: 1 }, reduced) : null),
    [playing, trace, step, reduced],
  );
  const fade = useMemo(() => (playing ? beatFade(playing, speed) : null), [playing, speed]);
  const inputs = useMemo(() => (step >= 0 && step < trace.T ? stepInputs(trace.input, step) : {}), [trace, step]);

  if (!kind || !trace.steps) {
    return (
      <p className="memory-missing" data-testid={testId} data-step={step} data-beat="none">
        {labels.noSteps}
      </p>
    );
  }
  const lim = autoLimit;
  const inLim = autoInputLimit;
  const frame = memoryFrame(trace.steps, trace, step, position, reduced);
  const shownS = settled?.S ?? frame.S;
  const term = frame.term; // its values are recorded ones, the same object on every frame of a beat
  const stepLabel = stepText(step, trace.T, labels);
  const beatLabel = frame.beat === 'none' ? '' : labels.beats[frame.beat];
  const strip = { limit: inLim, digits, length: 0 };

  return (
    <figure
      className={`memory beat-${frame.beat}`}
      data-testid={testId}
      data-step={step}
      data-beat={frame.beat}
      data-progress={frame.progress.toFixed(2)}
      data-reduced={reduced}
      data-backend={trace.backend}
    >
      <figcaption className="memory-caption">
        {labels.caption && <span className="memory-name">{labels.caption}</span>}
        <span className="memory-step" data-num="">{stepLabel}</span>
        {beatLabel && <span className="memory-beat"> · {beatLabel}</span>}
      </figcaption>
      <div className="memory-grid">
        <div className="memory-top">
          {inputs.k && on('k') && (
            <VectorStrip {...strip} values={inputs.k} symbol="k" label={labels.k} title={titles.k} testId={`${testId}-k`} />
          )}
          {inputs.q && on('q') && (
            <VectorStrip {...strip} values={inputs.q} symbol="q" label={labels.q} title={titles.q} highlight={frame.sweepColumn} testId={`${testId}-q`} />
          )}
        </div>
        <div className="memory-state">
          {on('S') ? (
            <MatrixHeatmap
              values={shownS}
              caption={labels.state}
              limit={lim}
              digits={digits}
              highlightColumn={frame.sweepColumn}
              rowLabel={rowLabel}
              colLabel={colLabel}
              rowAxis={labels.rowAxis}
              colAxis={labels.colAxis}
              frame={frame.beat === 'decay' ? 'gamma' : 'S'}
              fade={fade}
              testId={`${testId}-S`}
            />
          ) : (
            <div className="quantity-hidden" data-hidden-quantity="S" aria-hidden="true" />
          )}
        </div>
        <div className="memory-side">
          {inputs.v && on('v') && (
            <VectorStrip {...strip} values={inputs.v} symbol="v" label={labels.v} title={titles.v} orientation="column" testId={`${testId}-v`} />
          )}
          {frame.recalled && (
            <VectorStrip limit={lim} digits={digits} values={frame.recalled} symbol="erase" label={labels.recalled} title={titles.recalled} orientation="column" testId={`${testId}-recalled`} />
          )}
          {on('o') && (
            <VectorStrip
              limit={lim}
              digits={digits}
              values={frame.o}
              length={trace.dv}
              emptyText={labels.notRead}
              symbol="S"
              label={labels.o}
              title={titles.o}
              orientation="column"
              testId={`${testId}-o`}
            />
          )}
        </div>
        {term && on('write') && (
          <div className={`memory-term memory-term-${term.kind}`} style={{ opacity: term.opacity }}>
            <MatrixHeatmap
              values={term.values}
              caption={term.kind === 'write' ? labels.write : labels.erase}
              limit={lim}
              digits={digits}
              rowLabel={rowLabel}
              colLabel={colLabel}
              frame={term.kind === 'write' ? 'v' : 'erase'}
              testId={`${testId}-term`}
            />
          </div>
        )}
      </div>
      <GateLine gate={on('gate') ? inputs.gate : undefined} beta={on('beta') ? inputs.beta : undefined} labels={labels} digits={digits} testId={testId} />
      {labels.valueLegend && <ValueLegend limit={lim} label={labels.valueLegend} digits={digits} testId={`${testId}-value-legend`} />}
    </figure>
  );
}

/** γ_t and β_t of the step: a scalar as text, a per-dimension gate (GLA) as its own strip. */
function GateLine({ gate, beta, labels, digits, testId }: { gate?: number | readonly number[]; beta?: number; labels: MemoryLabels; digits: number; testId: string }) {
  if (gate === undefined && beta === undefined) return null;
  return (
    <div className="memory-params">
      {typeof gate === 'number' && (
        <span data-testid={`${testId}-gate`} data-value={gate}>
          {labels.gate} = <span data-num="">{formatNumber(gate, digits)}</span>
        </span>
      )}
      {gate !== undefined && typeof gate !== 'number' && (
        <VectorStrip values={gate} symbol="gamma" label={labels.gate} limit={1} digits={digits} testId={`${testId}-gate`} />
      )}
      {beta !== undefined && (
        <span data-testid={`${testId}-beta`} data-value={beta}>
          {labels.beta} = <span data-num="">{formatNumber(beta, digits)}</span>
        </span>
      )}
    </div>
  );
}
