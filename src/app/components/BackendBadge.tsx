import type { LiveRun } from '../hooks/useLiveRun';
import { useStrings } from '../i18n';
import { formatMs } from '../../viz/format';

/** Which backend computed a view, and how long the model took. */
export function BackendBadge({ run, testId }: { run: LiveRun; testId: string }) {
  const { t } = useStrings();
  // Until the live run lands (or when it failed), the numbers shown are precomputed or the float64 reference.
  const shown = run.status !== 'done' && run.precomputed ? 'precomputed' : 'reference';
  if (run.status === 'loading')
    return (
      <p className="badge badge-loading" data-testid={testId} data-backend={shown} aria-live="polite">
        {t.lab.running} <span className="muted">({t.lab[shown]})</span>
      </p>
    );
  if (run.status === 'error')
    return (
      <p className="badge badge-error" data-testid={testId} data-backend={shown}>
        {t.backends[shown]}
      </p>
    );
  const { backend, ms, sessionMs } = run.outcome;
  return (
    <p className={`badge badge-${backend}`} data-testid={testId} data-backend={backend} aria-live="polite">
      {t.lab.backend} <strong>{t.backends[backend]}</strong> · {t.lab.modelTime} {formatMs(ms)}
      {sessionMs > 0 ? ` · ${t.lab.sessionTime} ${formatMs(sessionMs)}` : ''}
    </p>
  );
}
