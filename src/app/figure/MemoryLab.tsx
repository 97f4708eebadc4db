// The live figure of the attention-family chapters: one model, two synced views. Left, the parallel
// view (the T × T weight matrix, computed at once, on WebGPU when present); right, the recurrent view
// (the memory S_t, step by step, on WASM). One time cursor drives both; hover a row to jump there.
// The cursor's step lives in the page's link (?t=3: step 3; 0: the empty memory before step 1).
// A chapter that asks about the figure passes `answerGate`: until the answer is shown, the parallel
// view (every step at once) is held back, and so are the steps that would answer the question.
import { useState, type ReactNode } from 'react';
import type { Case } from '../../core/cases';
import type { Mat } from '../../core/linalg';
import {
  AttentionMatrix,
  EquivalenceBadge,
  FigureRegion,
  MatrixHeatmap,
  MemoryStateFigure,
  PlaybackControls,
  StepTrack,
  TimeCursorProvider,
  attentionLimit,
  cursorBindings,
  figureLimit,
  stepKindOf,
  stepMs,
  useTimeCursor,
  windowOf,
} from '../../viz';
import { ValueLegend } from '../../viz/Legend';
import { specOf, type Mechanism } from '../../core/cases';
import { AnswerGate, GatePlaceholder, useExerciseGate } from '../components/AnswerGate';
import { BackendBadge } from '../components/BackendBadge';
import { Float32Notice } from '../components/Float32Notice';
import type { ExerciseId } from '../exercises';
import { RunProblems } from '../components/RunProblems';
import { useModelTraces, type ModelTraces, type TraceOptions } from '../hooks/useModelTraces';
import { useLocalized } from '../i18n/define';
import { mechanismStrings } from '../mechanismStrings';
import { useClassroom } from '../classroom/context';
import { PresenterViewSwitch } from '../classroom/PresenterViewSwitch';
import { usePresenterWindow } from '../classroom/usePresenterWindow';
import { usePresenterFit } from '../classroom/usePresenterFit';
import { useUrlParam } from '../state/UrlState';
import { integerIn } from '../state/schema';
import { classroomStrings } from '../classroom/classroom.strings';
import { figureStrings } from '../components/figure.strings';
import { useStepFollower } from '../steps/follow';
import { useStaggered } from '../shell/pageSettle';

export interface MemoryLabProps {
  input: Case;
  /** The decay mask D (T × T) to veil the parallel matrix with; memoise it. */
  decay?: Mat | null;
  /** Words for the steps (e.g. the tokens of a sentence). */
  tokens?: string[];
  /** Chapter controls (presets, sliders, editors), shown above the views. */
  controls?: ReactNode;
  /** A title for the figure region (its accessible name). */
  label: string;
  /** Names of the memory's rows (value channels, also the columns of O) and columns (key dimensions), e.g. places and people. */
  stateAxes?: StateAxes;
  /** Extra content below the two views, given the traces they show (e.g. a readout of the cursor's step). */
  footer?: (traces: ModelTraces) => ReactNode;
  /** The link parameter holding the cursor's step ('t'); a second figure on a page needs its own. */
  stepParam?: string;
  /** The step (1-based) the figure opens at when the link names none; 0, the empty memory, by default. */
  firstStep?: number;
  /** The exercise this figure would answer, and which of its steps (0-based) show the answer. */
  answerGate?: FigureAnswerGate;
  /** How the traces are found (useModelTraces): CHANGING_CASE for numbers that change as a model trains. */
  traceOptions?: TraceOptions;
}

export interface FigureAnswerGate {
  exercise: ExerciseId;
  /** Steps whose memory (and footer) would give the answer away; the other steps stay open. */
  locksStep?: (step: number) => boolean;
}

export interface StateAxes {
  row?: (i: number) => string;
  col?: (j: number) => string;
}

export function MemoryLab({ input, decay = null, tokens, controls, label, stateAxes, footer, stepParam = 't', firstStep = 0, answerGate, traceOptions }: MemoryLabProps) {
  const traces = useModelTraces(input, traceOptions);
  const kind = stepKindOf(input.mechanism);
  const T = traces.recurrent.T;
  const [linkedStep, setLinkedStep] = useUrlParam(stepParam, integerIn({ min: 0, max: T }), Math.min(firstStep, T));
  return (
    <TimeCursorProvider T={T} stepMs={kind ? stepMs(kind) : undefined} initialStep={linkedStep - 1} onStepChange={(step) => setLinkedStep(step + 1)}>
      <LabBody traces={traces} decay={decay} tokens={tokens} controls={controls} label={label} stateAxes={stateAxes} footer={footer} answerGate={answerGate} />
    </TimeCursorProvider>
  );
}

type LabBodyProps = Pick<MemoryLabProps, 'tokens' | 'controls' | 'label' | 'stateAxes' | 'footer' | 'answerGate'> & { traces: ModelTraces; decay: Mat | null };

function LabBody({ traces, decay, tokens, controls, label, stateAxes, footer, answerGate }: LabBodyProps) {
  const classroom = useLocalized(classroomStrings);
  const f = useLocalized(figureStrings);
  const words = useLocalized(mechanismStrings);
  const cursor = useTimeCursor();
  const { hidden } = useClassroom();
  const [showControls, setShowControls] = useState(false);
  const { parallel, recurrent } = traces;
  const M = parallel.M ?? null;
  const T = recurrent.T;
  const { presenting, win, track, windowed, note: windowNote, show: presenterShows } = usePresenterWindow(T, cursor.shown, true);
  // The reading step the page is on (src/app/steps): the cursor, beat, view and parts on show follow it.
  const step = useStepFollower(cursor, stepKindOf(recurrent.mechanism));
  // Presenter mode: the memory, and the outputs beside the weights' square (sized to the screen by
  // CSS), grow to use the screen.
  const fitRef = usePresenterFit<HTMLDivElement>(presenting);
  const fitOutputs = usePresenterFit<HTMLDivElement>(presenting);
  const show = (view: 'parallel' | 'recurrent') => presenterShows(view) && (presenting || step.showsView(view));
  const foldControls = step.active && !(hidden.controls && !showControls);
  const gate = useExerciseGate(answerGate?.exercise);
  // As the page loads, the outputs and then the recurrent view mount a frame after the rest each (one
  // layout of ~460 elements, heat maps and KaTeX, was a long task on a phone); mounted later, all at once.
  const piecesIn = useStaggered(3);
  const outputsIn = piecesIn >= 2;
  const recurrentIn = piecesIn >= 3;
  // A step that answers the question shows a placeholder (the playback and the other steps stay usable).
  const heldPlaceholder =
    answerGate && gate.state !== 'open' && cursor.shown >= 0 && answerGate.locksStep?.(cursor.shown) ? (
      <GatePlaceholder exercise={answerGate.exercise} state={gate.state} step={cursor.shown + 1} />
    ) : null;
  return (
    <FigureRegion label={label} caption={f.labCaption} keysHint={presenting ? undefined : f.keyboardHelp} className="memory-lab" testId="memory-lab" data={step.data}>
      {presenting && (
        <div className="presenter-bar">
          <PresenterViewSwitch note={windowNote} />
          {controls && (
            <details className="presenter-controls" data-testid="presenter-controls">
              <summary>{classroom.present.controls}</summary>
              <div className="lab-controls">{controls}</div>
            </details>
          )}
          {footer && !heldPlaceholder && (
            // Below the view it would push the figure past the screen's bottom; one click opens it.
            <details className="presenter-controls" data-testid="presenter-more">
              <summary>{classroom.present.more}</summary>
              {footer(traces)}
            </details>
          )}
        </div>
      )}
      {controls && !presenting && foldControls && (
        // While a reading step drives the figure its inputs (which name q, k, v) wait behind one click.
        <details className="step-controls" data-testid="step-controls">
          <summary>{step.controlsLabel}</summary>
          <div className="lab-controls">{controls}</div>
        </details>
      )}
      {controls &&
        !presenting &&
        !foldControls &&
        (hidden.controls && !showControls ? (
          // A lecturer's link (?hide=controls) sets the exercise: the figure as linked, nothing to change.
          <p className="instructor-note" data-testid="controls-hidden">
            {classroom.instructor.controlsHidden}
            <button type="button" onClick={() => setShowControls(true)} data-testid="show-controls">
              {classroom.instructor.showControls}
            </button>
          </p>
        ) : (
          <div className="lab-controls">{controls}</div>
        ))}
      <div className="lab-toolbar">
        <PlaybackControls labels={f.playback} />
        {step.shows('O') && (
          <EquivalenceBadge
            diff={traces.diff}
            tolerance={traces.tolerance}
            parallelBackend={parallel.backend}
            recurrentBackend={recurrent.backend}
            labels={f.equivalence}
          />
        )}
      </div>
      <RunProblems runs={[traces.runs.parallel, traces.runs.recurrent]} />
      <Float32Notice input={parallel.input} problems={traces.float32} viewName={(v) => (v === 'parallel' ? f.equivalence.parallel : f.equivalence.recurrent)} />
      <div className="lab-views">
        <section className="lab-view" aria-label={f.parallelTitle} data-testid="parallel-view" hidden={!show('parallel')}>
          <h3>{f.parallelTitle}</h3>
          <BackendBadge run={traces.runs.parallel} testId="parallel-backend" />
          {/* Every step at once: an exercise about the figure holds the whole view back. */}
          <AnswerGate exercise={answerGate?.exercise}>
            <div className="lab-view-body">
            {!step.shows('A') && !step.shows('O') && step.notYet}
            {M && step.shows('A') && (
              <AttentionMatrix
                values={windowed ? windowOf(M, win.from, win.to) : M}
                decay={!step.shows('D') ? null : decay && windowed ? windowOf(decay, win.from, win.to) : decay}
                limit={attentionLimit(M)}
                labels={{ ...f.attention, decayLegend: decayLegendOf(f.decayLegend, parallel.mechanism) }}
                caption={words[parallel.mechanism].caption}
                {...cursorBindings(cursor)}
                offset={win.from}
                numbersAsText={presenting}
                testId="attention"
              />
            )}
            {step.shows('O') && outputsIn && (
              <div className="presenter-fit-room">
                <div className="presenter-fit" ref={fitOutputs}>
                  <MatrixHeatmap
                    values={windowed ? parallel.o.slice(win.from, win.to) : parallel.o}
                    caption={f.outputs}
                    limit={figureLimit(recurrent)}
                    highlightRow={cursor.shown - win.from}
                    rowLabel={(i) => String(i + win.from + 1)}
                    colLabel={stateAxes?.row}
                    rowAxis={f.outputAxes.row}
                    colAxis={f.outputAxes.col}
                    testId="parallel-O"
                  />
                  <ValueLegend limit={figureLimit(recurrent)} label={f.outputsLegend} testId="parallel-O-legend" />
                </div>
              </div>
            )}
          </div>
          </AnswerGate>
        </section>
        <section className="lab-view" aria-label={f.recurrentTitle} data-testid="recurrent-view" hidden={!show('recurrent')}>
          <h3>{f.recurrentTitle}</h3>
          <BackendBadge run={traces.runs.recurrent} testId="recurrent-backend" />
          {recurrentIn && (
            <>
              <StepTrack
                T={recurrent.T}
                labels={f.steps}
                tokens={tokens}
                {...cursorBindings(cursor)}
                window={track}
              />
              {heldPlaceholder ?? (
                <div className="presenter-fit-room">
                  <div className="presenter-fit" ref={fitRef}>
                    <MemoryStateFigure
                      trace={recurrent}
                      step={cursor.shown}
                      labels={f.memory}
                      speed={cursor.speed}
                      animate={cursor.hoveredStep === null}
                      beat={step.beat}
                      hide={step.hiddenParts}
                      rowLabel={stateAxes?.row}
                      colLabel={stateAxes?.col}
                    />
                  </div>
                </div>
              )}
            </>
          )}
        </section>
      </div>
      {presenting || heldPlaceholder ? null : footer?.(traces)}
    </FigureRegion>
  );
}

/** The hatching's legend names the decay the chapter teaches: γ^(t−s) for RetNet, ∏ γ_r for gates. */
function decayLegendOf(legend: { retnet: string; gated_retention: string; other: string }, mechanism: Mechanism): string {
  // A constant γ (RetNet) and a plain per-step γ_t (gated retention) have their own words for D.
  const rule = specOf(mechanism).rule;
  if (rule.kind === 'attention' && rule.gate.shape === 'constant') return legend.retnet;
  if (rule.kind === 'attention' && rule.gate.shape === 'scalar' && !rule.erase) return legend.gated_retention;
  return legend.other;
}
