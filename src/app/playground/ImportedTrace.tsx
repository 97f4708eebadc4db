// A trace loaded from a file (the `trace` command's output), played in the figures: its outputs, its
// final memory, and — when it carries the per-step states S — the memory at the cursor's step.
import { firstNonFinite } from '../../core/float32';
import { zeros } from '../../core/linalg';
import type { CliTrace } from '../../trace/trace';
import { FigureRegion, PlaybackControls, TimeCursorProvider, formatMs, limitOf, useTimeCursor } from '../../viz';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { MatrixView } from './MatrixView';
import { playgroundStrings } from './playground.strings';
import { figureStrings } from '../components/figure.strings';
import { runStrings } from '../components/run.strings';

export interface ImportedTraceProps {
  trace: CliTrace;
  name: string;
  onClose: () => void;
}

export function ImportedTrace(props: ImportedTraceProps) {
  return (
    <TimeCursorProvider T={props.trace.o.length}>
      <ImportedBody {...props} />
    </TimeCursorProvider>
  );
}

function ImportedBody({ trace, name, onClose }: ImportedTraceProps) {
  const fig = useLocalized(figureStrings);
  const runUi = useLocalized(runStrings);
  const ui = useLocalized(playgroundStrings);
  const cursor = useTimeCursor();
  const T = trace.o.length;
  const step = cursor.shown;
  const S = trace.S;
  const stateLimit = limitOf(trace.S_final, ...(S ?? []));
  const rows = trace.S_final?.length ?? 0;
  const cols = trace.S_final?.[0]?.length ?? 0;
  // Where the file holds NaN or ∞ (a run that passed float32's limit): said, not shown as "NaN".
  const nonFinite = [firstNonFinite('o', trace.o), firstNonFinite('S_final', trace.S_final), firstNonFinite('S', S)].filter((x) => x !== null);
  const fields = nonFinite.map((at) => at.replace(/\[.*$/, ''));
  return (
    <FigureRegion label={fill(ui.imported.heading, { name })} keysHint={S ? fig.keyboardHelp : undefined} className="memory-lab pg-imported" testId="pg-imported" caption={ui.imported.caption}>
      <h2>
        {fill(ui.imported.heading, { name })} <span className="badge pg-imported-label">{ui.imported.label}</span>
        {nonFinite.length > 0 && (
          <>
            {' '}
            <span className="badge pg-imported-label" data-testid="pg-imported-badge-float32">
              {runUi.float32.heading}
            </span>
          </>
        )}
      </h2>
      {nonFinite.length > 0 && (
        <div className="notice float32-notice" role="status" data-testid="pg-imported-float32" data-fields={fields.join(' ')}>
          <p>{fill(runUi.float32.imported, { fields: fields.join(', '), at: nonFinite[0] })}</p>
          <p className="muted small-note">{runUi.float32.cells}</p>
        </div>
      )}
      <p className="muted" data-testid="pg-imported-meta" data-mechanism={trace.mechanism} data-view={trace.view} data-backend={trace.backend} data-t={T}>
        {fill(ui.imported.meta, {
          mechanism: ui.mechanisms[trace.mechanism],
          view: ui.viewNames[trace.view],
          backend: runUi.backends[trace.backend],
          ms: formatMs(trace.ms),
          T: String(T),
        })}
      </p>
      {S && <PlaybackControls labels={fig.playback} testId="pg-imported-playback" />}
      <div className="pg-imported-views">
        <MatrixView values={trace.o} caption={ui.imported.outputs} limit={limitOf(trace.o)} highlightRow={step >= 0 ? step : null} testId="pg-imported-o" />
        {S && trace.S_final && (
          <MatrixView values={step >= 0 ? S[step] : zeros(rows, cols)} caption={`${ui.imported.stepState} · ${step >= 0 ? fill(fig.playback.stepOf, { t: String(step + 1), T: String(T) }) : fig.playback.beforeStart}`} limit={stateLimit} testId="pg-imported-S" />
        )}
        {trace.S_final && <MatrixView values={trace.S_final} caption={ui.imported.finalState} limit={stateLimit} testId="pg-imported-S-final" />}
      </div>
      {!S && trace.S_final && <p className="muted small-note">{ui.imported.noSteps}</p>}
      <button type="button" onClick={onClose} data-testid="pg-imported-close">
        {ui.imported.close}
      </button>
    </FigureRegion>
  );
}
