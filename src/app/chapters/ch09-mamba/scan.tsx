// Chapter 9, panel 4: the parallel scan. One entry (d, n) of the Mamba memory above, as pairs
// (a_t, b_t); the learner reveals the Hillis–Steele tree level by level and checks its last row
// against the step-by-step recurrence.
import { useMemo } from 'react';
import type { CaseOf } from '../../../core/cases';
import { maxAbsDiff } from '../../../core/linalg';
import { hillisSteeleScan, sequentialScan, sequentialWork, workUpTo } from '../../../core/scan';
import { entryRecurrence } from '../../../core/selective';
import { Formula, MatrixHeatmap, formatDiff, limitOf } from '../../../viz';
import { ScanTree } from '../../../viz/ScanTree';
import { ValueLegend } from '../../../viz/Legend';
import { GatePlaceholder, useExerciseGate } from '../../components/AnswerGate';
import { PredictReveal } from '../../components/PredictReveal';
import { PresetMenu } from '../../components/Controls';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { TOKENS } from './presets';
import { ch09Strings } from './strings';
import { integerIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { figureStrings } from '../../components/figure.strings';

const PREDICT = ['eight', 'three', 'seven', 'one'] as const;

export function ScanPanel({ input }: { input: CaseOf<'mamba'> }) {
  const ui = useLocalized(ch09Strings);
  const fig = useLocalized(figureStrings);
  const s = ui.scan;
  const D = input.x[0].length;
  const N = input.B[0].length;
  // Entries are named 1-based, as in the menu ("2-1": d = 2, n = 1), which is also how the link writes them.
  const entries = Array.from({ length: D * N }, (_, i) => `${Math.floor(i / N) + 1}-${(i % N) + 1}`);
  const [entry, setEntry] = useUrlParam('entry', oneOf(entries), '1-1');
  const [d, n] = entry.split('-').map((x) => Number(x) - 1);
  const pairs = useMemo(() => entryRecurrence(input, d, n), [input, d, n]);
  const scan = useMemo(() => hillisSteeleScan(pairs), [pairs]);
  const [linkedLevel, setShown] = useUrlParam('level', integerIn({ min: 0, max: scan.depth }), 0);
  // Every level tells how deep the tree goes: until the guess is in, only the inputs show (a link's level waits too).
  const gate = useExerciseGate('mamba-scan');
  const cap = gate.open ? scan.depth : 0;
  const shown = Math.min(linkedLevel, cap);
  const sequential = useMemo(() => sequentialScan(pairs), [pairs]);
  const done = shown >= scan.depth;
  const T = scan.T;
  const columns = TOKENS.map((id) => ui.selective.tokens[id]);
  const limit = limitOf(sequential, scan.levels.flatMap((l) => l.pairs.map((p) => p.b)));
  const diff = maxAbsDiff(scan.h, sequential);
  return (
    <section className="ssm-panel" aria-labelledby="ssm-scan-title" data-testid="scan-panel">
      <h2 id="ssm-scan-title">{s.title}</h2>
      <p className="ssm-lead">{s.lead}</p>
      <div className="ssm-formulas">
        <Formula tex="(a_1, b_1) \circ (a_2, b_2) = (a_1 a_2,\; a_2 b_1 + b_2),\qquad h_t = b\big((a_1,b_1)\circ\cdots\circ(a_t,b_t)\big)" display />
      </div>
      <PredictReveal
        exercise="mamba-scan"
        question={s.predict.question}
        choices={PREDICT.map((id) => ({ id, label: s.predict.choices[id] }))}
        explanation={<p>{s.predict.explanation}</p>}
        onCommit={() => setShown(scan.depth)}
      />
      <div className="ssm-controls" role="group" aria-label={s.tree.title}>
        <PresetMenu
          label={s.entry}
          value={entry}
          options={entries.map((id) => {
            const [dd, nn] = id.split('-');
            return { id, label: fill(s.entryOption, { d: dd, n: nn }) };
          })}
          onChange={setEntry}
        />
        <div className="ssm-buttons">
          <button type="button" onClick={() => setShown(0)} disabled={shown === 0} data-testid="scan-reset">
            {s.reset}
          </button>
          <button type="button" onClick={() => setShown(Math.max(0, shown - 1))} disabled={shown === 0} data-testid="scan-previous">
            {s.previous}
          </button>
          <button type="button" className="primary-button" onClick={() => setShown(Math.min(cap, shown + 1))} disabled={shown >= cap} data-testid="scan-next">
            {s.next}
          </button>
        </div>
        {gate.state !== 'open' && <GatePlaceholder exercise="mamba-scan" state={gate.state} />}
        <p role="status" className="muted" data-testid="scan-status" data-shown={shown} data-work={workUpTo(scan, shown)}>
          {fill(done ? s.complete : s.status, { j: String(shown) })}
        </p>
      </div>
      <figure className="ssm-scan-figure">
        <figcaption className="muted">{s.tree.caption}</figcaption>
        <div className="ssm-scroll scroll-frame">
          <ScanTree levels={scan.levels} shown={shown} columns={columns} limit={limit} labels={s.tree} testId="scan-tree" />
        </div>
      </figure>
      <p className="muted" data-testid="scan-work" data-total={scan.work} data-depth={scan.depth}>
        {fill(s.work, { work: String(workUpTo(scan, shown)), j: String(shown) })}
        {/* The totals would give the prediction away: they appear once the tree is complete. */}
        {done && (
          <>
            {' '}
            {fill(s.total, { total: String(scan.work), depth: String(scan.depth), T: String(T), seq: String(sequentialWork(T)) })} {s.blelloch}
          </>
        )}
      </p>
      <div className="ssm-scroll scroll-frame">
        <MatrixHeatmap
          values={done ? [scan.h, sequential] : [sequential]}
          caption={s.results}
          limit={limit}
          digits={3}
          rowLabel={(i) => (done && i === 0 ? s.rows.scan : s.rows.sequential)}
          colLabel={(t) => columns[t]}
          testId="scan-results"
        />
      </div>
      <ValueLegend limit={limit} label={fig.valueLegend} digits={3} testId="scan-results-legend" />
      <p className={done ? 'scan-verdict ok' : 'muted'} role="status" data-testid="scan-verdict" data-diff={done ? diff : undefined}>
        {done ? fill(s.agree, { diff: formatDiff(diff) }) : s.notDone}
      </p>
    </section>
  );
}
