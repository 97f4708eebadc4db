import type { LiveRun } from '../hooks/useLiveRun';
import { fill } from '../i18n';
import { formatMs } from '../../viz/format';
import './backendBadge.css';
import { runStrings } from './run.strings';
import { useLocalized } from '../i18n/define';

type Backend = 'webgpu' | 'wasm';

/**
 * Where a view's numbers came from, in a learner's words ("Live · WebGPU", "Live · your CPU",
 * "Precomputed", "Reference · float64"); the timings and what each word means wait behind a closed
 * details toggle, so the main line never weighs one backend's speed against another's (a first WebGPU
 * run includes compiling its shaders). data-backend keeps the machine name for tests.
 */
export function BackendBadge({ run, testId }: { run: LiveRun; testId: string }) {
  const runUi = useLocalized(runStrings);
  if (run.status === 'done') {
    const { backend, ms, sessionMs } = run.outcome;
    return <LiveBadge backend={backend} ms={ms} sessionMs={sessionMs} testId={testId} />;
  }
  // Until the live run lands (or when it failed), the numbers shown are precomputed or the float64 reference.
  const shown = run.precomputed ? 'precomputed' : 'reference';
  return (
    <div className={`badge ${run.status === 'loading' ? 'badge-loading' : 'badge-error'}`} data-testid={testId} data-backend={shown}>
      <span className="badge-label" aria-live="polite">
        <strong>{runUi.badge[shown]}</strong>
        {run.status === 'loading' && <span className="muted"> · {runUi.badge.starting}</span>}
      </span>
      <BadgeDetails>{runUi.badge.notes[shown]}</BadgeDetails>
    </div>
  );
}

/** A live run's badge: the backend in plain words, its timings behind the toggle. */
export function LiveBadge({ backend, ms, sessionMs = 0, testId }: { backend: Backend; ms: number; sessionMs?: number; testId: string }) {
  const runUi = useLocalized(runStrings);
  return (
    <div className={`badge badge-${backend}`} data-testid={testId} data-backend={backend}>
      <strong className="badge-label" aria-live="polite">
        {fill(runUi.badge.live, { backend: runUi.backends[backend] })}
      </strong>
      <BadgeDetails>
        {runUi.badge.notes[backend]} {fill(runUi.badge.modelTime, { ms: formatMs(ms) })}
        {sessionMs > 0 ? ` · ${fill(runUi.badge.setupTime, { ms: formatMs(sessionMs) })}` : ''}
      </BadgeDetails>
    </div>
  );
}

function BadgeDetails({ children }: { children: React.ReactNode }) {
  const runUi = useLocalized(runStrings);
  return (
    <details className="badge-details">
      <summary>{runUi.badge.details}</summary>
      <span className="badge-more">{children}</span>
    </details>
  );
}
