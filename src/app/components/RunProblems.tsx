import type { LiveRun } from '../hooks/useLiveRun';
import './backendBadge.css';
import { runStrings } from './run.strings';
import { useLocalized } from '../i18n/define';

interface Problem {
  text: string;
  /** The browser's or the runtime's own words: kept for the curious (and bug reports), folded away. */
  detail?: string;
}

/**
 * The notices (fallbacks) and errors of one or more live runs, worded for a learner. A notice foreseen
 * before its run ends (useNoticeBeforeRun) shows at once, so the figure below does not jump.
 */
export function RunProblems({ runs }: { runs: LiveRun[] }) {
  const runUi = useLocalized(runStrings);
  const notices = new Map<string, Problem>();
  const errors = new Map<string, Problem>();
  for (const run of runs) {
    const notice = run.status === 'done' ? run.outcome.notice : run.foreseen;
    if (notice) notices.set(notice.code, { text: runUi.notices[notice.code], detail: notice.detail });
    if (run.status === 'error') errors.set(run.error.kind, { text: runUi.errors[run.error.kind], detail: run.error.detail ?? run.error.message });
  }
  const why = (p: Problem) =>
    p.detail ? (
      <details className="problem-detail">
        <summary>{runUi.notices.why}</summary>
        <span>{p.detail}</span>
      </details>
    ) : null;
  return (
    <>
      {[...notices].map(([code, p]) => (
        // No WebGPU is news, not trouble (the CPU is often the faster for the course's sizes): a quiet line,
        // so on a phone it does not push the figure down a screen.
        <div key={code} className={`notice run-notice${code === 'webgpu-missing' ? ' run-notice-quiet' : ''}`} role="status" data-testid={`notice-${code}`}>
          <p>{p.text}</p>
          {why(p)}
        </div>
      ))}
      {errors.size > 0 && (
        <div className="error" role="alert" data-testid="run-error">
          <strong>{runUi.errors.heading}</strong>
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
