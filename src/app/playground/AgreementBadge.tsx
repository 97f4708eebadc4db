// The playground's equivalence badge: three views (and the float64 reference) instead of two.
import { Fragment } from 'react';
import { VIEWS, type View } from '../../core/views';
import { formatDiff, formatMs } from '../../viz';
import type { LiveRun } from '../hooks/useLiveRun';
import { fill, useStrings } from '../i18n';
import { useLocalized } from '../i18n/define';
import { pairDiffOf, type Agreement } from './agreement';
import { playgroundStrings } from './playground.strings';
import { runStrings } from '../components/run.strings';

/** The backends a view's run can report, and a time as wide as formatMs writes any ("0.888 ms"). */
const TIMED_BACKENDS = ['webgpu', 'wasm'] as const;
const WIDEST_MS = 0.888;

export interface AgreementBadgeProps {
  agreement: Agreement;
  /** The agreement of the views' float64 previews (usePlaygroundViews), if any: its lines hold the room while the runs go on. */
  preview?: Agreement | null;
  runs: Record<View, LiveRun | null>;
  settled: boolean;
}

export function AgreementBadge({ agreement: a, preview = null, runs, settled }: AgreementBadgeProps) {
  const { lang } = useStrings();
  const runUi = useLocalized(runStrings);
  const ui = useLocalized(playgroundStrings);
  const ok = settled && a.ok;
  const verdict = settled ? a.verdict : 'waiting';
  const diffAttr = (x: View, y: View) => String(pairDiffOf(a, x, y) ?? '');
  const backendOf = (v: View) => {
    const run = runs[v];
    return run?.status === 'done' ? run.outcome.backend : run === null ? 'skipped' : run.status;
  };
  const names = (views: View[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(views.map((v) => ui.viewNames[v]));
  const lines = (ag: Agreement, live: boolean) => (
    <>
      <span className="pg-badge-verdict">
        {ag.verdict === 'none' ? (
          // One result alone (the others too large, failed or not finite) is not a comparison.
          <strong data-testid={live ? 'pg-badge-none' : undefined}>
            {ag.compared.length > 0 ? fill(ui.badge.none, { views: names(ag.compared) }) : ui.badge.noneAtAll}
          </strong>
        ) : (
          <>
            <span className="equivalence-verdict" aria-hidden="true">
              {ag.ok ? '✓' : '✗'}
            </span>{' '}
            <strong>{ag.ok ? (ag.nonFinite.length > 0 ? ui.badge.agreeFinite : ui.badge.agree) : ui.badge.disagree}</strong>
          </>
        )}
      </span>
      {ag.pairDiff !== null && (
        <span className="pg-badge-line">
          {ui.badge.pairs} = <strong>{formatDiff(ag.pairDiff)}</strong> {ag.pairDiff <= ag.pairTolerance ? '≤' : '>'} 2 × {formatDiff(ag.tolerance)}
          <span className="muted"> ({ui.badge.pairTolerance})</span>
        </span>
      )}
      {ag.refDiff !== null ? (
        <span className="pg-badge-line">
          {ui.badge.reference} = <strong>{formatDiff(ag.refDiff)}</strong> {ag.refDiff <= ag.tolerance ? '≤' : '>'} {ui.badge.tolerance} {formatDiff(ag.tolerance)}
        </span>
      ) : (
        !ag.hasReference && (
          <span className="pg-badge-line">
            <span className="muted">{ui.badge.noReference}</span>
          </span>
        )
      )}
      {ag.nonFinite.length > 0 && (
        <span className="pg-badge-line" data-testid={live ? 'pg-badge-not-finite' : undefined}>
          {fill(runUi.float32.notFinite, { views: names(ag.nonFinite) })}
        </span>
      )}
    </>
  );
  return (
    <div
      className={`equivalence-badge pg-badge ${verdict === 'agree' ? 'ok' : verdict === 'differ' ? 'bad' : 'waiting'}`}
      role="status"
      data-testid="pg-badge"
      data-ok={ok}
      data-live={settled}
      data-verdict={verdict}
      data-diff={String(a.pairDiff ?? '')}
      data-ref-diff={a.refDiff === null ? '' : String(a.refDiff)}
      data-tolerance={a.tolerance}
      data-diff-parallel-recurrent={diffAttr('parallel', 'recurrent')}
      data-diff-chunkwise-recurrent={diffAttr('chunkwise', 'recurrent')}
      data-diff-parallel-chunkwise={diffAttr('parallel', 'chunkwise')}
      data-parallel-backend={backendOf('parallel')}
      data-recurrent-backend={backendOf('recurrent')}
      data-chunkwise-backend={backendOf('chunkwise')}
    >
      {settled ? (
        <span className="pg-badge-lines">{lines(a, true)}</span>
      ) : (
        // Waiting: the verdict the previews give, unseen, holds the room the live one will take.
        <span className="badge-stack">
          <span>{preview ? ui.badge.previewing : ui.badge.waiting}</span>
          {preview && (
            <span className="pg-badge-lines" aria-hidden="true">
              {lines(preview, false)}
            </span>
          )}
        </span>
      )}
      <span className="equivalence-backends">
        {VIEWS.map((v, i) => {
          const run = runs[v];
          return (
            <Fragment key={v}>
              {i > 0 && <span className="equivalence-backends-gap"> · </span>}
              <span>
                {ui.viewNames[v]}:{' '}
                {run === null ? (
                  '—'
                ) : (
                  // Each wording the timing can take, stacked: the line keeps its width (and its wrap) as the runs answer.
                  <span className="badge-stack">
                    <span>{run.status === 'done' ? `${runUi.backends[run.outcome.backend]} (${formatMs(run.outcome.ms)})` : run.status === 'error' ? runUi.errors.heading : '…'}</span>
                    {TIMED_BACKENDS.map((b) => (
                      <span key={b} aria-hidden="true">
                        {runUi.backends[b]} ({formatMs(WIDEST_MS)})
                      </span>
                    ))}
                  </span>
                )}
              </span>
            </Fragment>
          );
        })}
      </span>
    </div>
  );
}
