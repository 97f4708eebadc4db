import type { LiveRun } from '../hooks/useLiveRun';
import { useStrings } from '../i18n';
import './backendBadge.css';

interface Problem {
  text: string;
  /** The browser's or the runtime's own words: kept for the curious (and bug reports), folded away. */
  detail?: string;
}

/** The notices (fallbacks) and errors of one or more live runs, worded for a learner. */
export function RunProblems({ runs }: { runs: LiveRun[] }) {
  const { t } = useStrings();
  const notices = new Map<string, Problem>();
  const errors = new Map<string, Problem>();
  for (const run of runs) {
    if (run.status === 'done' && run.outcome.notice) {
      const { code, detail } = run.outcome.notice;
      notices.set(code, { text: t.notices[code], detail });
    }
    if (run.status === 'error') errors.set(run.error.kind, { text: t.errors[run.error.kind], detail: run.error.detail ?? run.error.message });
  }
  const why = (p: Problem) =>
    p.detail ? (
      <details className="problem-detail">
        <summary>{t.notices.why}</summary>
        <span>{p.detail}</span>
      </details>
    ) : null;
  return (
    <>
      {[...notices].map(([code, p]) => (
        <div key={code} className="notice" role="status" data-testid={`notice-${code}`}>
          <p>{p.text}</p>
          {why(p)}
        </div>
      ))}
      {errors.size > 0 && (
        <div className="error" role="alert" data-testid="run-error">
          <strong>{t.errors.heading}</strong>
          {[...errors].map(([kind, p]) => (
            <div key={kind}>
              <p>{p.text}</p>
              {why(p)}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
