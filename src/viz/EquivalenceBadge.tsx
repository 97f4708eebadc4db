// The live check that the parallel and the recurrent view compute the same outputs: the largest
// difference, the tolerance it is held to, and which backend computed each view (and how fast).
import { formatDiff, formatMs } from './format';
import type { TraceBackend } from '../trace/trace';
import './viz.css';

export interface EquivalenceLabels {
  /** e.g. "max |y_parallel − y_recurrent|". */
  diff: string;
  /** e.g. "tolerance". */
  tolerance: string;
  agree: string;
  disagree: string;
  parallel: string;
  recurrent: string;
  backends: Record<TraceBackend, string>;
  /** Said instead of a verdict when the difference is not a number (a view's outputs hold NaN or ∞). */
  notFinite?: string;
}

export interface EquivalenceBadgeProps {
  diff: number;
  tolerance: number;
  parallelBackend: TraceBackend;
  recurrentBackend: TraceBackend;
  labels: EquivalenceLabels;
  parallelMs?: number;
  recurrentMs?: number;
  testId?: string;
}

/** Agreement needs a real number within tolerance; NaN (a broken run) never agrees. */
export function agrees(diff: number, tolerance: number): boolean {
  return Number.isFinite(diff) && diff <= tolerance;
}

export function EquivalenceBadge({
  diff,
  tolerance,
  parallelBackend,
  recurrentBackend,
  labels,
  parallelMs,
  recurrentMs,
  testId = 'equivalence-badge',
}: EquivalenceBadgeProps) {
  const ok = agrees(diff, tolerance);
  // NaN or ∞ outputs make the difference meaningless: neither agreement nor disagreement is claimed.
  const comparable = Number.isFinite(diff);
  // A precomputed trace was timed at build time, on another machine: no time to show.
  const ms = (backend: TraceBackend, x?: number) => (x === undefined || backend === 'precomputed' ? '' : ` (${formatMs(x)})`);
  return (
    <p
      className={`equivalence-badge ${ok ? 'ok' : comparable ? 'bad' : 'waiting'}`}
      role="status"
      data-testid={testId}
      data-diff={comparable ? String(diff) : ''}
      data-verdict={ok ? 'agree' : comparable ? 'differ' : 'none'}
      data-tolerance={tolerance}
      data-ok={ok}
      data-parallel-backend={parallelBackend}
      data-recurrent-backend={recurrentBackend}
    >
      {comparable ? (
        <>
          <span className="equivalence-verdict" aria-hidden="true">
            {ok ? '✓' : '✗'}
          </span>{' '}
          {labels.diff} = <strong data-num="">{formatDiff(diff)}</strong> {ok ? '≤' : '>'} {labels.tolerance} <span data-num="">{formatDiff(tolerance)}</span> —{' '}
          <strong>{ok ? labels.agree : labels.disagree}</strong>
        </>
      ) : (
        <strong data-testid={`${testId}-not-finite`}>{labels.notFinite ?? `${labels.diff} = —`}</strong>
      )}
      {/* One line a view on a phone, whatever the words: "precomputed" wrapped where "your CPU" did not,
          and the badge lost a line (and the page below it moved) when the live runs landed. */}
      <span className="equivalence-backends">
        <span>
          {labels.parallel}: {labels.backends[parallelBackend]}
          {ms(parallelBackend, parallelMs)}
        </span>
        <span className="equivalence-backends-gap"> · </span>
        <span>
          {labels.recurrent}: {labels.backends[recurrentBackend]}
          {ms(recurrentBackend, recurrentMs)}
        </span>
      </span>
    </p>
  );
}
