// Linear attention computed two ways — parallel and recurrent (WASM) — side by side, with the backend,
// the time and the largest difference. Used by the home page ('auto': the faster backend measured for
// this size) and the lab (WebGPU when present: showing it is the lab's point).
import { useMemo } from 'react';
import { runReference } from '../../core';
import { randomCase } from '../../core/random';
import { maxAbs, maxAbsDiff } from '../../core/linalg';
import { MatrixHeatmap } from '../../viz/MatrixHeatmap';
import { ValueLegend } from '../../viz/Legend';
import { Formula, useKatexReady } from '../../viz/Formula';
import { formatDiff } from '../../viz/format';
import { BackendBadge } from '../components/BackendBadge';
import { RunProblems } from '../components/RunProblems';
import { useLiveRun, type LiveRun } from '../hooks/useLiveRun';
import { usePaintWhen } from '../shell/pageSettle';
import type { ViewResult } from '../../core/views';
import { float32Tolerance } from '../../core/float32';
import { figureStrings } from '../components/figure.strings';
import { labStrings } from './lab.strings';
import { useLocalized } from '../i18n/define';

const SIZES = { T: 8, dk: 4, dv: 4 };

function shown(run: LiveRun, reference: ViewResult): ViewResult {
  return run.status === 'done' ? run.outcome.result : reference;
}

export function DualView({ seed, parallelBackend = 'auto' }: { seed: number; parallelBackend?: 'webgpu' | 'auto' }) {
  const labUi = useLocalized(labStrings);
  const f = useLocalized(figureStrings);
  const input = useMemo(() => randomCase('linear_attention', { ...SIZES, seed }), [seed]);
  const reference = useMemo(() => runReference(input, 'recurrent'), [input]);
  const referenceParallel = useMemo(() => runReference(input, 'parallel'), [input]);
  const parallel = useLiveRun(input, 'parallel', { backend: parallelBackend });
  const recurrent = useLiveRun(input, 'recurrent', { backend: 'wasm' });
  // The recurrent view asks for WASM by name, so only the parallel view can lack WebGPU.
  const early = parallel.status === 'done' ? null : parallel.foreseen;
  const katexReady = useKatexReady();
  // Painted once it will not move: KaTeX is in (typeset formulas are taller than their source) and the
  // notice is decided. It waits alone, so the page's text above it need not (Lighthouse: LCP).
  const painted = usePaintWhen(early !== undefined && katexReady);

  const par = shown(parallel, referenceParallel);
  const rec = shown(recurrent, reference);
  const limit = Math.max(maxAbs(reference.o), maxAbs(referenceParallel.M ?? []));
  const tolerance = float32Tolerance(reference.o);
  const bothLive = parallel.status === 'done' && recurrent.status === 'done';
  const diff = maxAbsDiff(par.o, rec.o);
  const vsReference = Math.max(maxAbsDiff(par.o, reference.o), maxAbsDiff(rec.o, reference.o));

  return (
    <div className={painted ? 'dual-view' : 'dual-view settling'}>
      <RunProblems runs={[parallel, recurrent]} />
      <p
        className={`equivalence ${diff <= tolerance ? 'ok' : 'bad'}`}
        data-testid="equivalence"
        data-diff={diff}
        data-live={bothLive}
        aria-live="polite"
      >
        {labUi.maxDiff} = <strong>{formatDiff(diff)}</strong> · {labUi.vsReference} ={' '}
        <strong data-testid="vs-reference" data-diff={vsReference}>
          {formatDiff(vsReference)}
        </strong>{' '}
        — {diff <= tolerance && vsReference <= tolerance ? labUi.agree : labUi.disagree}
        {/* Its room is kept while the runs load: appearing, it wrapped the line and pushed the views down. */}
        <span className={bothLive ? 'live-mark' : 'live-mark pending'} aria-hidden={!bothLive}>
          {` (${labUi.live})`}
        </span>
      </p>
      <div className="views">
        <section className="view" aria-labelledby="parallel-title" data-testid="parallel-view">
          <h2 id="parallel-title">{labUi.parallelTitle}</h2>
          <Formula tex={labUi.parallelFormula} display />
          <BackendBadge run={parallel} testId="parallel-backend" />
          {par.M && <MatrixHeatmap values={par.M} caption={labUi.weights} limit={limit} causal rowAxis={f.attention.rowAxis} colAxis={f.attention.colAxis} testId="parallel-M" />}
          <MatrixHeatmap values={par.o} caption={labUi.outputs} limit={limit} rowAxis={f.outputAxes.row} colAxis={f.outputAxes.col} testId="parallel-O" />
        </section>
        <section className="view" aria-labelledby="recurrent-title" data-testid="recurrent-view">
          <h2 id="recurrent-title">{labUi.recurrentTitle}</h2>
          <Formula tex={labUi.recurrentFormula} display />
          <BackendBadge run={recurrent} testId="recurrent-backend" />
          {rec.S_final && <MatrixHeatmap values={rec.S_final} caption={labUi.finalState} limit={limit} rowAxis={f.memory.rowAxis} colAxis={f.memory.colAxis} testId="recurrent-S" />}
          <MatrixHeatmap values={rec.o} caption={labUi.outputs} limit={limit} rowAxis={f.outputAxes.row} colAxis={f.outputAxes.col} testId="recurrent-O" />
        </section>
      </div>
      <ValueLegend limit={limit} label={f.sharedLegend} testId="dual-legend" />
    </div>
  );
}
