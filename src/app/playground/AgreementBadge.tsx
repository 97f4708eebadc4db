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

export interface AgreementBadgeProps {
  agreement: Agreement;
  runs: Record<View, LiveRun | null>;
  settled: boolean;
}

export function AgreementBadge({ agreement: a, runs, settled }: AgreementBadgeProps) {
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
      {!settled ? (
        <span>{ui.badge.waiting}</span>
      ) : (
        <>
          <span className="pg-badge-verdict">
            {a.verdict === 'none' ? (
              // One result alone (the others too large, failed or not finite) is not a comparison.
              <strong data-testid="pg-badge-none">
                {a.compared.length > 0 ? fill(ui.badge.none, { views: names(a.compared) }) : ui.badge.noneAtAll}
              </strong>
            ) : (
              <>
                <span className="equivalence-verdict" aria-hidden="true">
                  {ok ? '✓' : '✗'}
                </span>{' '}
                <strong>{ok ? (a.nonFinite.length > 0 ? ui.badge.agreeFinite : ui.badge.agree) : ui.badge.disagree}</strong>
              </>
            )}
          </span>
          {a.pairDiff !== null && (
            <span className="pg-badge-line">
              {ui.badge.pairs} = <strong>{formatDiff(a.pairDiff)}</strong> {a.pairDiff <= 2 * a.tolerance ? '≤' : '>'} 2 × {formatDiff(a.tolerance)}
              <span className="muted"> ({ui.badge.pairTolerance})</span>
            </span>
          )}
          {a.refDiff !== null ? (
            <span className="pg-badge-line">
              {ui.badge.reference} = <strong>{formatDiff(a.refDiff)}</strong> {a.refDiff <= a.tolerance ? '≤' : '>'} {ui.badge.tolerance} {formatDiff(a.tolerance)}
            </span>
          ) : (
            !a.hasReference && (
              <span className="pg-badge-line">
                <span className="muted">{ui.badge.noReference}</span>
              </span>
            )
          )}
          {a.nonFinite.length > 0 && (
            <span className="pg-badge-line" data-testid="pg-badge-not-finite">
              {fill(runUi.float32.notFinite, { views: names(a.nonFinite) })}
            </span>
          )}
        </>
      )}
      <span className="equivalence-backends">
        {VIEWS.map((v, i) => {
          const run = runs[v];
          return (
            <Fragment key={v}>
              {i > 0 && <span className="equivalence-backends-gap"> · </span>}
              <span>
                {ui.viewNames[v]}: {run?.status === 'done' ? `${runUi.backends[run.outcome.backend]} (${formatMs(run.outcome.ms)})` : run === null ? '—' : run.status === 'error' ? runUi.errors.heading : '…'}
              </span>
            </Fragment>
          );
        })}
      </span>
    </div>
  );
}
