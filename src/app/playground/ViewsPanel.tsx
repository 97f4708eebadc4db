// The playground's live figure: the parallel, recurrent and chunkwise views of one case side by side,
// one time cursor for all of them, the chunk-size slider on the chunkwise view, and the badge that
// checks they agree.
import { memo, useMemo, type ReactNode } from 'react';
import { useStaggered } from '../shell/pageSettle';
import { caseSizes, keepsCache, type Case } from '../../core/cases';
import { stateFloats } from '../../core/cost';
import type { View } from '../../core/views';
import {
  AttentionMatrix,
  FigureRegion,
  MemoryStateFigure,
  PlaybackControls,
  TimeCursorProvider,
  attentionLimit,
  cursorBindings,
  limitOf,
  stepKindOf,
  stepMs,
  useTimeCursor,
} from '../../viz';
import { BackendBadge } from '../components/BackendBadge';
import { Slider } from '../components/Controls';
import { Float32Notice } from '../components/Float32Notice';
import { RunProblems } from '../components/RunProblems';
import { fill, useStrings } from '../i18n';
import { useLocalized } from '../i18n/define';
import { mechanismStrings } from '../mechanismStrings';
import { AgreementBadge } from './AgreementBadge';
import { MatrixView } from './MatrixView';
import { playgroundStrings } from './playground.strings';
import type { PlaygroundViews } from './usePlaygroundViews';
import { PLAYBACK_MAX_STATE_FLOATS, PLAYBACK_MAX_T, playsSteps } from './useViewRun';
import { integerIn } from '../state/schema';
import type { Mat } from '../../core/linalg';
import type { PresenterView } from '../classroom/context';
import { PresenterViewSwitch } from '../classroom/PresenterViewSwitch';
import { usePresenterWindow } from '../classroom/usePresenterWindow';
import { usePresenterFit } from '../classroom/usePresenterFit';
import { windowOf } from '../../viz/stepWindow';
import { useUrlParam } from '../state/UrlState';
import { figureStrings } from '../components/figure.strings';
import { formatCount } from '../../viz/units';

/** The playground's three views, in the order presenter mode's key V steps through them. */
const PG_VIEWS: readonly PresenterView[] = ['parallel', 'recurrent', 'chunkwise'];

/** Above this length the T × T weights are not drawn (the canvas would be below a pixel a row). */
const WEIGHTS_MAX_T = 256;

export interface ViewsPanelProps {
  input: Case;
  views: PlaygroundViews;
  chunk: number;
  onChunk: (chunk: number) => void;
}

export function ViewsPanel(props: ViewsPanelProps) {
  const { T } = caseSizes(props.input);
  const kind = stepKindOf(props.input.mechanism);
  // The cursor's step is in the link (?t=3; 0 = the empty memory), as on every chapter's figure.
  const [linkedStep, setLinkedStep] = useUrlParam('t', integerIn({ min: 0, max: T }), 0);
  return (
    <TimeCursorProvider T={T} stepMs={kind ? stepMs(kind) : undefined} initialStep={Math.min(linkedStep, T) - 1} onStepChange={(step) => setLinkedStep(step + 1)}>
      <ViewsBody {...props} />
    </TimeCursorProvider>
  );
}

const megabytes = (floats: number): string => `${((floats * 4) / 2 ** 20).toFixed(0)} MiB`;

// Memoised: ViewsPanel re-renders when the step reaches the link (?t=), after the cursor's own
// update has already redrawn the views; the props are the same, so that second pass is skipped.
const ViewsBody = memo(function ViewsBody({ input, views, chunk, onChunk }: ViewsPanelProps) {
  const { lang } = useStrings();
  const fig = useLocalized(figureStrings);
  const ui = useLocalized(playgroundStrings);
  const words = useLocalized(mechanismStrings);
  const cursor = useTimeCursor();
  const { T, dk, dv } = caseSizes(input);
  const { runs, traces, skipped, previews } = views;
  // What each view draws: its live trace, or while that is on its way, its float64 preview
  // (usePlaygroundViews). A run that failed shows its error alone, not numbers it did not compute.
  const shown = (view: View) => traces[view] ?? (runs[view]?.status === 'loading' ? previews[view] : undefined);
  // One colour scale for the three outputs, so equal numbers look equal.
  // The scales read whole matrices (M is T × T: 65,536 numbers at T = 256); the cursor moves many
  // times a second during playback, the data only when a run ends, so they are computed per data.
  const oSource = views.reference ?? shown('recurrent')?.o ?? shown('parallel')?.o ?? shown('chunkwise')?.o;
  const oLimit = useMemo(() => limitOf(oSource), [oSource]);
  const count = (n: number) => formatCount(n, lang);
  const highlight = cursor.shown >= 0 ? cursor.shown : null;
  // Presenter mode: one view at a time (key V), a window of steps around the cursor.
  const { presenting, win, windowed, note, show } = usePresenterWindow(T, cursor.shown);
  const rows = (m: Mat) => (windowed ? m.slice(win.from, win.to) : m);
  // The memory grows to use the screen, as a chapter's does (MemoryLab).
  const fitMemory = usePresenterFit<HTMLDivElement>(presenting);
  // As the page loads, the three views come in a frame each (pageSettle.tsx): at once, theirs was the
  // longest layout of the load (~700 elements, 60 ms unthrottled).
  const viewsIn = useStaggered(3);

  const column = (view: View, extra: ReactNode) => {
    const trace = shown(view);
    const run = runs[view];
    // Products this form forms (and the recurrent one does not) overflowed: show the recurrent answer.
    const fallback = views.float32[view]?.kind === 'form' ? traces.recurrent : undefined;
    return (
      <section
        className={`pg-view pg-view-${view}`}
        aria-label={ui.views[view]}
        data-testid={`pg-view-${view}`}
        data-status={run ? run.status : 'skipped'}
        data-chunk={view === 'chunkwise' ? (traces[view]?.chunk ?? '') : undefined}
        data-preview={trace && !traces[view] ? 'reference' : undefined}
        data-float32={views.float32[view]?.kind}
        hidden={!show(view)}
      >
        <h3>{ui.views[view]}</h3>
        {run ? (
          <BackendBadge run={run} testId={`pg-backend-${view}`} />
        ) : (
          <p className="notice" data-testid={`pg-skipped-${view}`}>
            {fill(ui.views.skipped, {
              n: count(skipped[view] ?? 0),
              size: megabytes(skipped[view] ?? 0),
              chunkHint: view === 'chunkwise' ? ui.views.skippedChunk : '',
            })}
          </p>
        )}
        {view === 'chunkwise' && (
          <div className="pg-chunk">
            <Slider label={ui.views.chunk} value={chunk} min={1} max={T} step={1} digits={0} onChange={onChunk} testId="pg-chunk" />
            <p className="muted small-note">{ui.views.chunkHelp}</p>
          </div>
        )}
        {trace ? (
          <div className="lab-view-body">
            {/* On the big screen the recurrent view is its memory, step by step (o_t is in it); the table of every o waits for the desk. */}
            {!(presenting && view === 'recurrent' && rec?.steps) && (
            <MatrixView
              values={rows((fallback ?? trace).o)}
              caption={ui.views.outputs}
              limit={oLimit}
              highlightRow={highlight === null ? null : highlight - win.from}
              rowOffset={win.from}
              testId={`pg-o-${view}`}
            />
            )}
            {!fallback && extra}
          </div>
        ) : (
          run?.status === 'loading' && <p className="muted">{ui.views.running}</p>
        )}
      </section>
    );
  };

  const M = shown('parallel')?.M ?? null;
  const mLimit = useMemo(() => attentionLimit(M), [M]);
  const mShown = useMemo(() => (M && windowed ? windowOf(M, win.from, win.to) : M), [M, windowed, win.from, win.to]);
  const rec = shown('recurrent');
  const recurrentExtra =
    keepsCache(input.mechanism) ? (
      <p className="muted small-note">{ui.views.softmaxState}</p>
    ) : rec?.steps ? (
      <div className="presenter-fit-room">
        <div className="presenter-fit" ref={fitMemory}>
          <MemoryStateFigure trace={rec} step={cursor.shown} labels={fig.memory} speed={cursor.speed} animate={cursor.hoveredStep === null} testId="pg-memory" />
        </div>
      </div>
    ) : (
      rec?.S_final && (
        <>
          <p className="muted small-note" data-testid="pg-no-playback">
            {fill(ui.views.noPlayback, { T: String(T), n: count(T * stateFloats({ dk, dv })), maxT: String(PLAYBACK_MAX_T), max: count(PLAYBACK_MAX_STATE_FLOATS) })}
          </p>
          <MatrixView values={rec.S_final} caption={ui.views.finalState} limit={limitOf(rec.S_final)} testId="pg-S-final" />
        </>
      )
    );

  return (
    <FigureRegion label={fill(ui.views.region, { mechanism: ui.mechanisms[input.mechanism] })} keysHint={presenting ? undefined : fig.keyboardHelp} className="memory-lab pg-figure" testId="pg-figure" caption={ui.views.caption}>
      {presenting && (
        <div className="presenter-bar">
          <PresenterViewSwitch views={PG_VIEWS} note={note} />
        </div>
      )}
      <div className="lab-toolbar">
        {playsSteps(T, { dk, dv }) && <PlaybackControls labels={fig.playback} />}
        <AgreementBadge agreement={views.agreement} preview={views.previewAgreement} runs={runs} settled={views.settled} />
      </div>
      <RunProblems runs={Object.values(runs).filter((r) => r !== null)} />
      <Float32Notice input={input} problems={views.float32} viewName={(v) => ui.viewNames[v]} />
      <div className="pg-views">
        {column(
          'parallel',
          M && T <= WEIGHTS_MAX_T && (
            <AttentionMatrix
              values={mShown ?? M}
              limit={mLimit}
              labels={{ ...fig.attention, matrix: ui.views.weights }}
              caption={words[input.mechanism].caption}
              {...cursorBindings(cursor)}
              offset={win.from}
              numbersAsText={presenting}
              testId="pg-attention"
            />
          ),
        )}
        {viewsIn > 1 && column('recurrent', recurrentExtra)}
        {viewsIn > 2 && column('chunkwise', null)}
      </div>
    </FigureRegion>
  );
});
