import { useSyncExternalStore } from 'react';
import type { LiveRun } from '../hooks/useLiveRun';
import { faster, onTimings, timingsFor, type Choice } from '../../runtime/backendChoice';
import { fill } from '../i18n';
import { formatMs } from '../../viz/format';
import './backendBadge.css';
import { runStrings } from './run.strings';
import { useLocalized } from '../i18n/define';

type Backend = 'webgpu' | 'wasm';

/**
 * Where a view's numbers came from, in a learner's words ("Live · WebGPU", "Live · your CPU",
 * "Precomputed", "float64"); the timings and what each word means wait behind a closed
 * details toggle, so the main line never weighs one backend's speed against another's (a first WebGPU
 * run includes compiling its shaders). data-backend keeps the machine name for tests.
 */
export function BackendBadge({ run, testId }: { run: LiveRun; testId: string }) {
  const runUi = useLocalized(runStrings);
  if (run.status === 'done') {
    const { backend, ms, sessionMs, choice } = run.outcome;
    return <LiveBadge backend={backend} ms={ms} sessionMs={sessionMs} choice={choice} testId={testId} />;
  }
  // Until the live run lands (or when it failed), the numbers shown are precomputed or the float64 reference.
  const shown = run.precomputed ? 'precomputed' : 'reference';
  return (
    <div className={`badge ${run.status === 'loading' ? 'badge-loading' : 'badge-error'}`} data-testid={testId} data-backend={shown}>
      <span className="badge-label" aria-live="polite">
        <strong>{runUi.badge[shown]}</strong>
        {run.status === 'loading' && <span className="muted"> · {run.whenStill ? runUi.badge.whenStill : runUi.badge.starting}</span>}
      </span>
      <BadgeDetails>{runUi.badge.notes[shown]}</BadgeDetails>
    </div>
  );
}

interface LiveBadgeProps {
  backend: Backend;
  ms: number;
  sessionMs?: number;
  /** How 'auto' chose the backend (runtime/backendChoice.ts), said behind the toggle. */
  choice?: Choice;
  testId: string;
}

/** A live run's badge: the backend in plain words, its timings (and how it was chosen) behind the toggle. */
export function LiveBadge({ backend, ms, sessionMs = 0, choice, testId }: LiveBadgeProps) {
  const runUi = useLocalized(runStrings);
  const chosen = useChoiceNow(choice);
  return (
    <div className={`badge badge-${backend}`} data-testid={testId} data-backend={backend} {...choiceData(chosen)}>
      <strong className="badge-label" aria-live="polite">
        {fill(runUi.badge.live, { backend: runUi.backends[backend] })}
      </strong>
      <BadgeDetails>
        {runUi.badge.notes[backend]} {fill(runUi.badge.modelTime, { ms: formatMs(ms) })}
        {sessionMs > 0 ? ` · ${fill(runUi.badge.setupTime, { ms: formatMs(sessionMs) })}` : ''}
        {chosen && <span className="badge-choice">{choiceWords(chosen, backend, runUi)}</span>}
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

/** The choice as it stands now: a run made while measuring learns the times once they land. */
function useChoiceNow(choice: Choice | undefined): Choice | undefined {
  const cls = choice && choice.state !== 'link' ? choice.sizeClass : '';
  const timings = useSyncExternalStore(onTimings, () => (cls ? timingsFor(cls) : undefined), () => undefined);
  if (!choice || choice.state === 'link' || !timings) return choice;
  return { state: 'measured', backend: faster(timings), sizeClass: cls, timings };
}

/** For tests: the chosen backend and both times, so a test compares two numbers on the page. */
function choiceData(choice: Choice | undefined): Record<string, string> {
  if (!choice) return {};
  if (choice.state !== 'measured') return { 'data-choice': choice.state === 'link' ? choice.backend : 'measuring', 'data-choice-by': choice.state };
  const { webgpuMs, wasmMs } = choice.timings;
  return { 'data-choice': choice.backend, 'data-choice-by': 'measured', 'data-webgpu-ms': webgpuMs === null ? 'failed' : String(webgpuMs), 'data-wasm-ms': String(wasmMs) };
}

function choiceWords(choice: Choice, ran: Backend, runUi: (typeof runStrings)['en']): string {
  const words = runUi.badge.choice;
  if (choice.state === 'link') return fill(words.link, { backend: runUi.backends[choice.backend] });
  if (choice.state === 'measuring') return words.measuring;
  const { webgpuMs, wasmMs } = choice.timings;
  const said =
    webgpuMs === null
      ? words.webgpuFailed
      : fill(words.measured, { webgpu: formatMs(webgpuMs), cpu: formatMs(wasmMs), chosen: runUi.backends[choice.backend] });
  return choice.backend === ran ? said : `${said} ${words.nextRun}`;
}
