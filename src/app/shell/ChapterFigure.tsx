// A chapter's live figure as both the chapter page and an embed mount it: loaded lazily, its errors
// caught with a retry, and its question's answer held back until the learner commits (AnswerGate).
import { Suspense, type ComponentType } from 'react';
import { ExerciseGateProvider } from '../components/AnswerGate';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { runStrings } from '../components/run.strings';
import { useLocalized } from '../i18n/define';
import { Settled, useRenderAfterTop } from './pageSettle';

export function ChapterFigure({ Figure }: { Figure: ComponentType }) {
  const runUi = useLocalized(runStrings);
  // On a chapter page the figure renders once the title and first prose are painted (an embed: at once).
  if (!useRenderAfterTop()) return <p className="muted">…</p>;
  return (
    <ErrorBoundary
      fallback={(message, retry) => (
        <div className="error" role="alert" data-testid="figure-error">
          <Settled part="figure" />
          <strong>{runUi.errors.figure}</strong>
          <p>{message}</p>
          <button type="button" onClick={retry}>
            {runUi.errors.retry}
          </button>
        </div>
      )}
    >
      <Suspense fallback={<p className="muted">…</p>}>
        <ExerciseGateProvider>
          <Figure />
          <Settled part="figure" />
        </ExerciseGateProvider>
      </Suspense>
    </ErrorBoundary>
  );
}
