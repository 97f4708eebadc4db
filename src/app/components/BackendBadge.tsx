import type { LiveRun } from '../hooks/useLiveRun';
import { fill, useStrings } from '../i18n';
import type { Strings } from '../i18n/en';
import { formatMs } from '../../viz/format';
import './backendBadge.css';

type Backend = 'webgpu' | 'wasm';

/**
 * Where a view's numbers came from, in a learner's words ("Live · WebGPU", "Live · your CPU",
 * "Precomputed", "Reference · float64"); the timings and what each word means wait behind a closed
 * details toggle, so the main line never weighs one backend's speed against another's (a first WebGPU
 * run includes compiling its shaders). data-backend keeps the machine name for tests.
 */
export function BackendBadge({ run, testId }: { run: LiveRun; testId: string }) {
  const { t } = useStrings();
  if (run.status === 'done') {
    const { backend, ms, sessionMs } = run.outcome;
    return <LiveBadge backend={backend} ms={ms} sessionMs={sessionMs} testId={testId} />;
  }
  // Until the live run lands (or when it failed), the numbers shown are precomputed or the float64 reference.
  const shown = run.precomputed ? 'precomputed' : 'reference';
  return (
    <div className={`badge ${run.status === 'loading' ? 'badge-loading' : 'badge-error'}`} data-testid={testId} data-backend={shown}>
      <span className="badge-label" aria-live="polite">
        <strong>{t.badge[shown]}</strong>
        {run.status === 'loading' && <span className="muted"> · {t.badge.starting}</span>}
      </span>
      <BadgeDetails t={t}>{t.badge.notes[shown]}</BadgeDetails>
    </div>
  );
}

/** A live run's badge: the backend in plain words, its timings behind the toggle. */
export function LiveBadge({ backend, ms, sessionMs = 0, testId }: { backend: Backend; ms: number; sessionMs?: number; testId: string }) {
  const { t } = useStrings();
  return (
    <div className={`badge badge-${backend}`} data-testid={testId} data-backend={backend}>
      <strong className="badge-label" aria-live="polite">
        {fill(t.badge.live, { backend: t.backends[backend] })}
      </strong>
      <BadgeDetails t={t}>
        {t.badge.notes[backend]} {fill(t.badge.modelTime, { ms: formatMs(ms) })}
        {sessionMs > 0 ? ` · ${fill(t.badge.setupTime, { ms: formatMs(sessionMs) })}` : ''}
      </BadgeDetails>
    </div>
  );
}

function BadgeDetails({ t, children }: { t: Strings; children: React.ReactNode }) {
  return (
    <details className="badge-details">
      <summary>{t.badge.details}</summary>
      <span className="badge-more">{children}</span>
    </details>
  );
}
