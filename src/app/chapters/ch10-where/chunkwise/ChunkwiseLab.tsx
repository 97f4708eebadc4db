// Chapter 10's chunkwise figure (issue 16, item 3): how linear attention, DeltaNet and the other
// chunk-trained mechanisms train. The same small case runs three ways on the site's models — the
// parallel form (for its T × T weights), the recurrent form (step by step, its states) and the
// chunkwise form at the chosen C — and the figure shows where the chunk boundaries cut the weights,
// the memory carried into the inspected chunk, both forms' outputs and whether they agree.
// Mechanism (?cm=), C (?cC=), the inspected chunk (?cb=) and the seed (?cs=) are in the link.
// Until the models answer, the figure shows the float64 reference (src/core) in the same places, and the
// agreement badge keeps the room its verdict will take: nothing below the lab moves when they do.
import { useMemo, useState } from 'react';
import { runReference } from '../../../../core';
import type { Mat } from '../../../../core/linalg';
import type { Mechanism } from '../../../../core/cases';
import { MatrixHeatmap } from '../../../../viz';
import { ValueLegend } from '../../../../viz/Legend';
import { formatDiff } from '../../../../viz/format';
import { limitOf } from '../../../../viz/scales';
import { symbolColor } from '../../../../viz/theme';
import { BackendBadge } from '../../../components/BackendBadge';
import { fill } from '../../../i18n';
import { useLocalized } from '../../../i18n/define';
import { agreement } from '../../../playground/agreement';
import { useViewRun } from '../../../playground/useViewRun';
import { integerIn, oneOf } from '../../../state/schema';
import { useUrlParam } from '../../../state/UrlState';
import { ChunkCostChart } from './ChunkCostChart';
import { ChunkMatrix } from './ChunkMatrix';
import { chunkwiseStrings } from './chunkwise.strings';
import { CHUNK_MECHANISMS, CHUNK_SEEDS, CHUNK_SIZES, chunkCase, chunkCount, chunkSpan } from './presets';
import './chunkwise.css';
import { useStepSetting, useStepState } from '../../../steps/follow';
import { MechanismSelect } from '../../../components/MechanismSelect';

const T = CHUNK_SIZES.T;
type Panel = 'chunks' | 'outputs' | 'cost';

export function ChunkwiseLab() {
  const ui = useLocalized(chunkwiseStrings);
  const [mechanism, setMechanism] = useUrlParam<Mechanism>('cm', oneOf(CHUNK_MECHANISMS), 'linear_attention');
  const [C, setC] = useUrlParam('cC', integerIn({ min: 1, max: T }), 3);
  // A reading step may set the chunk size (set=C:1 in content/<lang>/ch10-where.md); the slider still moves it.
  useStepSetting('C', (c) => setC(Math.max(1, Math.min(T, c))));
  const reading = useStepState();
  // Narrow screens (chunkwise.css) show one panel at a time: the chunks, the outputs or the cost chart.
  // The step about cost opens the chart (set=cost:1), the others the chunks (cost:0); the buttons
  // switch too. The badge that compares the outputs stays in view under every panel.
  const [panel, setPanel] = useState<Panel>('chunks');
  useStepSetting('cost', (on) => setPanel(on === 1 ? 'cost' : 'chunks'));
  const [seed, setSeed] = useUrlParam('cs', integerIn(CHUNK_SEEDS), 1);
  const n = chunkCount(T, C);
  const [pickedChunk, setChunk] = useUrlParam('cb', integerIn({ min: 1, max: T }), 2);
  const b = Math.min(pickedChunk, n) - 1;
  const input = useMemo(() => chunkCase(mechanism, seed), [mechanism, seed]);

  const parallel = useViewRun(input, 'parallel', {});
  const recurrent = useViewRun(input, 'recurrent', { withSteps: true });
  const chunkwise = useViewRun(input, 'chunkwise', { chunk: C });
  const reference = useMemo(() => ({ parallel: runReference(input, 'parallel'), recurrent: runReference(input, 'recurrent') }), [input]);
  const referenceChunkwise = useMemo(() => runReference(input, 'chunkwise', C), [input, C]);
  const liveRec = recurrent?.status === 'done' ? recurrent.outcome.result : null;
  const liveChk = chunkwise?.status === 'done' ? chunkwise.outcome.result : null;
  const M = parallel?.status === 'done' ? (parallel.outcome.result.M ?? null) : (reference.parallel.M ?? null);
  const rec = liveRec ?? reference.recurrent;
  const chk = liveChk ?? referenceChunkwise;
  const failed = [parallel, recurrent, chunkwise].find((r) => r?.status === 'error');

  // Fixed scales: one for the weights, one for everything on the memory's scale (S at every step, o).
  const weightLimit = limitOf(M);
  const memoryLimit = useMemo(() => limitOf(...(rec.steps ?? []).map((s) => s.S), rec.o), [rec]);
  const span = chunkSpan(b, C, T);
  // The memory handed to chunk b: S after its last step before the chunk (S₀ = 0 for the first).
  const carried: Mat | null = rec.steps ? (span.start === 0 ? rec.steps[0].S.map((row) => row.map(() => 0)) : rec.steps[span.start - 1].S) : null;
  // The verdict compares the live outputs only; the reference's own verdict, hidden, holds its room until then.
  const agree = liveRec && liveChk ? agreement({ recurrent: liveRec.o, chunkwise: liveChk.o }, null) : null;
  const live = agree !== null && agree.pairDiff !== null;
  const shownAgree = live ? agree : agreement({ recurrent: reference.recurrent.o, chunkwise: referenceChunkwise.o }, null);
  const { pairTolerance } = shownAgree;
  const verdict =
    shownAgree.pairDiff !== null ? (
      <>
        <strong>{shownAgree.ok ? `✓ ${ui.agree}` : `✗ ${ui.differ}`}</strong>{' '}
        <span>{fill(shownAgree.ok ? ui.agreeDetail : ui.differDetail, { diff: formatDiff(shownAgree.pairDiff), tol: formatDiff(pairTolerance) })}</span>
      </>
    ) : null;
  const outRows = (t: number) => (t >= span.start && t < span.end ? `▸ ${t + 1}` : String(t + 1));

  return (
    <section className="chunk-lab" role="group" aria-label={ui.figure} data-testid="chunk-lab" data-mechanism={mechanism} data-c={C} data-t={T} {...reading.data}>
      <h3>{ui.heading}</h3>
      <div className="chunk-controls">
        <MechanismSelect label={ui.mechanism} value={mechanism} options={CHUNK_MECHANISMS} onChange={setMechanism} testId="chunk-mechanism" />
        <label className="chunk-slider">
          <span>{ui.chunk}</span>
          <input type="range" min={1} max={T} step={1} value={C} onChange={(e) => setC(Number(e.target.value))} data-testid="chunk-size" aria-valuetext={fill(ui.chunkValue, { C: String(C), n: String(n) })} />
          <output data-testid="chunk-size-value">{fill(ui.chunkValue, { C: String(C), n: String(n) })}</output>
        </label>
        <label className="chunk-slider">
          <span>{ui.pick}</span>
          <input
            type="range"
            min={1}
            max={n}
            step={1}
            value={b + 1}
            disabled={n === 1}
            onChange={(e) => setChunk(Number(e.target.value))}
            data-testid="chunk-pick"
            aria-valuetext={fill(ui.pickValue, { b: String(b + 1), n: String(n), from: String(span.start + 1), to: String(span.end) })}
          />
          <output>{fill(ui.pickValue, { b: String(b + 1), n: String(n), from: String(span.start + 1), to: String(span.end) })}</output>
        </label>
        <button type="button" onClick={() => setSeed((s) => (s >= CHUNK_SEEDS.max ? CHUNK_SEEDS.min : s + 1))} data-testid="chunk-reseed">
          {ui.reseed}
        </button>
      </div>

      <div className="chunk-panels" role="group" aria-label={ui.panels.label}>
        {(['chunks', 'outputs', 'cost'] as const).map((p) => (
          <button key={p} type="button" aria-pressed={panel === p} onClick={() => setPanel(p)} data-testid={`chunk-panel-${p}`}>
            {ui.panels[p]}
          </button>
        ))}
      </div>

      {failed?.status === 'error' && (
        <p role="alert" className="error">
          {fill(ui.failed, { detail: failed.error.message })}
        </p>
      )}

      <div className="chunk-panel" data-panel="chunks" data-collapsed={panel !== 'chunks' || undefined}>
        <div className="chunk-grid">
          <figure className="chunk-figure">
            <ChunkMatrix
              T={T}
              C={C}
              selected={b}
              M={M}
              limit={weightLimit}
              label={fill(ui.matrixLabel, { C: String(C) })}
              rowAxis={ui.rowAxis}
              colAxis={ui.colAxis}
              onSelect={(chunk) => setChunk(chunk + 1)}
            />
            <figcaption>{fill(ui.matrixCaption, { b: String(b + 1) })}</figcaption>
            {parallel?.status === 'done' && M === null && <p className="muted small-note">{ui.noWeights}</p>}
            <ul className="chunk-legend">
              <li>
                <span className="chunk-swatch chunk-swatch-intra" aria-hidden="true" /> {ui.legendIntra}
              </li>
              <li>
                <span className="chunk-swatch chunk-swatch-carried" aria-hidden="true" /> {ui.legendCarried}
              </li>
              <li>
                <span className="chunk-swatch chunk-swatch-selected" aria-hidden="true" style={{ borderColor: symbolColor.q }} /> {ui.legendSelected}
              </li>
            </ul>
            <ValueLegend limit={weightLimit} label={ui.legendValue} testId="chunk-weight-legend" />
          </figure>
          <div className="chunk-side">
            {carried && (
              <MatrixHeatmap
                values={carried}
                caption={fill(ui.stateCaption, { b: String(b + 1), s: String(span.start) })}
                limit={memoryLimit}
                frame="S"
                rowAxis={ui.stateRow}
                colAxis={ui.stateCol}
                testId="chunk-carried"
              />
            )}
            <ValueLegend limit={memoryLimit} label={ui.legendMemory} testId="chunk-memory-legend" />
          </div>
        </div>
      </div>
      <div className="chunk-panel" data-panel="outputs" data-collapsed={panel !== 'outputs' || undefined}>
        <div className="chunk-outputs">
          <MatrixHeatmap values={rec.o} caption={ui.recurrentCaption} limit={memoryLimit} rowAxis={ui.outRow} colAxis={ui.outCol} testId="chunk-o-recurrent" digits={3} />
          <MatrixHeatmap
            values={chk.o}
            caption={fill(ui.chunkwiseCaption, { C: String(C) })}
            limit={memoryLimit}
            rowAxis={ui.outRow}
            colAxis={ui.outCol}
            rowLabel={outRows}
            testId="chunk-o-chunkwise"
            digits={3}
          />
        </div>
      </div>
      <p
        className={`chunk-badge ${!live ? 'chunk-badge-pending' : agree.ok ? 'chunk-badge-ok' : 'chunk-badge-bad'}`}
        data-testid={live ? 'chunk-agreement' : 'chunk-agreement-pending'}
        data-ok={live ? agree.ok : undefined}
        data-diff={live ? (agree.pairDiff ?? undefined) : undefined}
        data-tolerance={live ? pairTolerance : undefined}
        data-c={C}
        aria-live="polite"
      >
        <span className="badge-stack">
          <span aria-hidden={!live || undefined}>{verdict}</span>
          <span aria-hidden={live || undefined}>{ui.pending}</span>
        </span>
      </p>
      <details className="chunk-timings">
        <summary>{ui.timings}</summary>
        {(['parallel', 'recurrent', 'chunkwise'] as const).map((view) => {
          const run = { parallel, recurrent, chunkwise }[view];
          return run ? (
            <div key={view}>
              <span>{ui.views[view]}</span> <BackendBadge run={run} testId={`chunk-backend-${view}`} />
            </div>
          ) : null;
        })}
      </details>
      <div className="chunk-panel" data-panel="cost" data-collapsed={panel !== 'cost' || undefined}>
        <ChunkCostChart />
      </div>
    </section>
  );
}
