// Chapter 10: every mechanism of the registry run on the same q, k, v (issue 16, item 6), one row each
// — its final memory S_T and its outputs — all on one colour scale, so a learner sees how the memories
// differ on one sequence. Each row runs the site's recurrent model on WASM; the shared scale is fixed
// once every row is in (no jumping while they arrive). The seed is in the link (?ss=).
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { Mechanism } from '../../../../core/cases';
import type { ViewResult } from '../../../../core/views';
import { MatrixHeatmap } from '../../../../viz';
import { ValueLegend } from '../../../../viz/Legend';
import { limitOf } from '../../../../viz/scales';
import { fill } from '../../../i18n';
import { useLocalized } from '../../../i18n/define';
import { useViewRun } from '../../../playground/useViewRun';
import { integerIn } from '../../../state/schema';
import { useUrlParam } from '../../../state/UrlState';
import { SHARED_SIZES, SIDE_MECHANISMS, sharedCase, sharedInput } from './presets';
import { sideBySideStrings } from './sideBySide.strings';
import './sideBySide.css';
import { useStepState } from '../../../steps/follow';
import { MechanismSelect } from '../../../components/MechanismSelect';

type Ui = (typeof sideBySideStrings)['en'];
type Outcome = { ok: true; result: ViewResult } | { ok: false; detail: string };

const SEEDS = { min: 1, max: 999_999 };

interface RowProps {
  mechanism: Mechanism;
  seed: number;
  limit: number | null;
  ui: Ui;
  onDone: (m: Mechanism, o: Outcome) => void;
  /** Shown on a narrow screen too (linear attention's row and the picked one; sideBySide.css). */
  compared: boolean;
}

/** The row every other is compared with on a narrow screen: the plain sum of the writes. */
const BASELINE: Mechanism = 'linear_attention';

function Row({ mechanism, seed, limit, ui, onDone, compared }: RowProps) {
  const input = useMemo(() => sharedCase(mechanism, sharedInput(seed), seed), [mechanism, seed]);
  const run = useViewRun(input, 'recurrent', {});
  useEffect(() => {
    if (run?.status === 'done') onDone(mechanism, { ok: true, result: run.outcome.result });
    else if (run?.status === 'error') onDone(mechanism, { ok: false, detail: run.error.message });
  }, [run, mechanism, onDone]);
  const name = ui.mechanisms[mechanism];
  const result = run?.status === 'done' ? run.outcome.result : null;
  return (
    <tr data-testid="side-row" data-mechanism={mechanism} data-limit={limit ?? ''} data-done={result !== null} data-compared={compared}>
      <th scope="row">{name}</th>
      <td>
        {run?.status === 'error' ? (
          <span role="alert">{fill(ui.failed, { name, detail: run.error.message })}</span>
        ) : result && limit !== null ? (
          result.S_final ? (
            <MatrixHeatmap values={result.S_final} caption={fill(ui.stateCaption, { name })} limit={limit} rowAxis={ui.stateRow} colAxis={ui.stateCol} testId={`side-S-${mechanism}`} digits={2} />
          ) : (
            <span className="muted" data-testid={`side-S-${mechanism}`} data-cache="true">
              {fill(ui.noState, { T: String(SHARED_SIZES.T) })}
            </span>
          )
        ) : (
          <span className="muted">…</span>
        )}
      </td>
      <td>
        {result && limit !== null ? (
          <MatrixHeatmap values={result.o} caption={fill(ui.outCaption, { name })} limit={limit} rowAxis={ui.outRow} colAxis={ui.outCol} testId={`side-o-${mechanism}`} digits={2} />
        ) : (
          <span className="muted">…</span>
        )}
      </td>
    </tr>
  );
}

export function SideBySide() {
  const ui = useLocalized(sideBySideStrings);
  const captionId = useId();
  const reading = useStepState();
  const [seed, setSeed] = useUrlParam('ss', integerIn(SEEDS), 1);
  // Narrow screens: linear attention's row beside one picked row, unless the learner asks for all.
  const others = SIDE_MECHANISMS.filter((m) => m !== BASELINE);
  const [picked, setPicked] = useState<Mechanism>('deltanet');
  const [allRows, setAllRows] = useState(false);
  const tableId = useId();
  const [outcomes, setOutcomes] = useState<{ seed: number; by: Partial<Record<Mechanism, Outcome>> }>({ seed, by: {} });
  const onDone = useCallback(
    (m: Mechanism, o: Outcome) => setOutcomes((prev) => (prev.seed === seed ? { seed, by: { ...prev.by, [m]: o } } : { seed, by: { [m]: o } })),
    [seed],
  );
  const by = outcomes.seed === seed ? outcomes.by : {};
  const done = SIDE_MECHANISMS.filter((m) => by[m]).length;
  const all = done === SIDE_MECHANISMS.length;
  // One scale for every row: the largest |entry| of every S_T and every o, fixed once all are in.
  const limit = useMemo(() => {
    if (!all) return null;
    const results = SIDE_MECHANISMS.map((m) => by[m]).flatMap((o) => (o?.ok ? [o.result] : []));
    return limitOf(...results.flatMap((r) => [r.S_final, r.o]));
  }, [all, by]);
  return (
    <section className="side-lab" role="group" aria-label={ui.figure} data-testid="side-lab" data-limit={limit ?? ''} {...reading.data}>
      <h3>{ui.heading}</h3>
      <button type="button" onClick={() => setSeed((s) => (s >= SEEDS.max ? SEEDS.min : s + 1))} data-testid="side-reseed">
        {ui.reseed}
      </button>
      {!all && (
        <p className="muted" aria-live="polite">
          {fill(ui.waiting, { done: String(done), total: String(SIDE_MECHANISMS.length) })}
        </p>
      )}
      {limit !== null && <ValueLegend limit={limit} label={ui.legend} testId="side-legend" />}
      {/* The caption sits above the table as text (a <caption> shrinks to the stacked rows on a phone). */}
      <p id={captionId} className="side-caption">
        {fill(ui.caption, { T: String(SHARED_SIZES.T), d: String(SHARED_SIZES.dk) })}
      </p>
      <div className="side-picker">
        <MechanismSelect label={ui.compare} value={picked} options={others} onChange={setPicked} testId="side-pick" />
        <button type="button" aria-expanded={allRows} aria-controls={tableId} onClick={() => setAllRows((a) => !a)} data-testid="side-all-rows">
          {allRows ? ui.twoRows : fill(ui.allRows, { n: String(SIDE_MECHANISMS.length) })}
        </button>
      </div>
      <div className="side-scroll scroll-frame" id={tableId} data-rows={allRows ? 'all' : 'two'}>
        <table className="side-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{ui.mechanism}</th>
              <th scope="col">{ui.memory}</th>
              <th scope="col">{ui.outputs}</th>
            </tr>
          </thead>
          <tbody>
            {SIDE_MECHANISMS.map((m) => (
              <Row key={m} mechanism={m} seed={seed} limit={limit} ui={ui} onDone={onDone} compared={m === BASELINE || m === picked} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
