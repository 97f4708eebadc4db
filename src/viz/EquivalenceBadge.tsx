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
  // A precomputed trace was timed at build time, on another machine: no time to show.
  const ms = (backend: TraceBackend, x?: number) => (x === undefined || backend === 'precomputed' ? '' : ` (${formatMs(x)})`);
  return (
    <p
      className={`equivalence-badge ${ok ? 'ok' : 'bad'}`}
      role="status"
      data-testid={testId}
      data-diff={String(diff)}
      data-tolerance={tolerance}
      data-ok={ok}
      data-parallel-backend={parallelBackend}
      data-recurrent-backend={recurrentBackend}
    >
      <span className="equivalence-verdict" aria-hidden="true">
        {ok ? '✓' : '✗'}
      </span>{' '}
      {labels.diff} = <strong data-num="">{formatDiff(diff)}</strong> {ok ? '≤' : '>'} {labels.tolerance} <span data-num="">{formatDiff(tolerance)}</span> —{' '}
      <strong>{ok ? labels.agree : labels.disagree}</strong>
      <span className="equivalence-backends">
        {labels.parallel}: {labels.backends[parallelBackend]}
        {ms(parallelBackend, parallelMs)} · {labels.recurrent}: {labels.backends[recurrentBackend]}
        {ms(recurrentBackend, recurrentMs)}
      </span>
    </p>
  );
}
