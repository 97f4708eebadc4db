import type { LiveRun } from '../hooks/useLiveRun';
import { fill, useStrings } from '../i18n';

/** The notices (fallbacks) and errors of one or more live runs, worded for a learner. */
export function RunProblems({ runs }: { runs: LiveRun[] }) {
  const { t } = useStrings();
  const notices = new Map<string, string>();
  const errors = new Map<string, string>();
  for (const run of runs) {
    if (run.status === 'done' && run.outcome.notice) {
      const { code, detail } = run.outcome.notice;
      notices.set(code, fill(t.notices[code], { detail }));
    }
    if (run.status === 'error') errors.set(run.error.kind, `${t.errors[run.error.kind]} (${run.error.detail ?? run.error.message})`);
  }
  return (
    <>
      {[...notices].map(([code, text]) => (
        <p key={code} className="notice" role="status" data-testid={`notice-${code}`}>
          {text}
        </p>
      ))}
      {errors.size > 0 && (
        <div className="error" role="alert" data-testid="run-error">
          <strong>{t.errors.heading}</strong>
          {[...errors].map(([kind, text]) => (
            <p key={kind}>{text}</p>
          ))}
        </div>
      )}
    </>
  );
}
