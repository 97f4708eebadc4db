// Chapter 10: where they stand. A recap table of every mechanism as a setting of the one rule — its
// rule columns are read off the engine (src/core/recap.ts) — and picking a row runs that mechanism
// live in the same MemoryLab every chapter uses, so each row is demonstrably the same rule. The row
// (?m=deltanet), the seed and the step are in the link. Below it, two more parts: how the fixed-memory
// rows train in chunks (figure/chunkwise), and every mechanism on one shared q, k, v (figure/sideBySide).
// Their prose is the chapter's reading steps (content/<lang>/ch10-where.md), which name the part they drive.
import { useId, useMemo, useState } from 'react';
import type { Mechanism } from '../../../core/cases';
import { RECAP_SIZES, recapCase, recapRows, type RecapRow } from '../../../core/recap';
import { integerIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { Formula } from '../../../viz';
import { AnswerGate } from '../../components/AnswerGate';
import { PredictReveal } from '../../components/PredictReveal';
import { MemoryLab } from '../../figure/MemoryLab';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { routeHref } from '../../routes';
import { CHAPTERS } from '../registry';
import { whereStrings } from './strings';
import './where.css';
import { ChunkwiseLab } from './chunkwise/ChunkwiseLab';
import { SideBySide } from './sideBySide/SideBySide';
import { FigurePart } from '../../embed/context';
import { Staggered } from '../../shell/pageSettle';
import { MechanismSelect } from '../../components/MechanismSelect';

type Ui = (typeof whereStrings)['en'];

function gateText(ui: Ui, row: RecapRow): string {
  const shape = ui.gates[row.gate];
  if (row.gate === 'cache' || row.gate === 'none') return shape;
  return `${shape} · ${row.gateVaries ? ui.gateStep : ui.gateFixed}`;
}

function writeText(ui: Ui, row: RecapRow): string {
  if (row.gate === 'cache') return ui.notRule;
  return `${row.betaVaries ? ui.beta.step : ui.beta.one} · ${row.erase ? ui.erase.on : ui.erase.off}`;
}

const SEEDS = { min: 1, max: 999_999 };

export default function WhereTheyStandChapter() {
  const ui = useLocalized(whereStrings);
  const [seed, setSeed] = useUrlParam('seed', integerIn(SEEDS), 1);
  const rows = useMemo(() => recapRows(seed), [seed]);
  const [selected, setSelected] = useUrlParam<Mechanism>('m', oneOf(rows.map((r) => r.mechanism)), 'linear_attention');
  const input = useMemo(() => recapCase(selected, seed), [selected, seed]);
  const current = rows.find((r) => r.mechanism === selected) ?? rows[0];
  const chapterOf = (n: number) => CHAPTERS.find((c) => c.number === n);
  // Narrow screens (where.css): the selected row alone, unless the learner asks for them all.
  const [allRows, setAllRows] = useState(false);
  const tableId = useId();

  return (
    <>
      {/* Its parts laid out one a frame as the chapter loads (pageSettle.tsx). */}
      <Staggered>
        <FigurePart name="recap">
        <PredictReveal
          exercise="where"
          question={ui.predict.question}
          choices={(['mamba2', 'deltanet', 'softmax_attention', 'retnet'] as const).map((id) => ({ id, label: ui.predict.choices[id] }))}
          explanation={<p>{ui.predict.explanation}</p>}
          onCommit={() => setSelected('softmax_attention')}
        />
        {/* The table's state, cost and forgetting columns answer the question. */}
        <AnswerGate exercise="where">
          <div className="recap-picker">
            <MechanismSelect label={ui.pickRow} value={selected} options={rows.map((r) => r.mechanism)} onChange={setSelected} testId="recap-pick" />
            <button type="button" aria-expanded={allRows} aria-controls={tableId} onClick={() => setAllRows((a) => !a)} data-testid="recap-all-rows">
              {allRows ? ui.oneRow : fill(ui.allRows, { n: String(rows.length) })}
            </button>
          </div>
          <div className="recap-scroll scroll-frame" id={tableId} data-rows={allRows ? 'all' : 'one'}>
            <table className="recap-table" data-testid="recap-table">
              <caption>
                {ui.tableCaption}{' '}
                <Formula tex="S_t = (S_{t-1} \odot G_t)(I - \bet_t \kk_t \kk_t^\top) + \bet_t \vv_t \kk_t^\top,\ o_t = S_t \qq_t" />
              </caption>
              <thead>
                <tr>
                  {(['mechanism', 'gate', 'write', 'state', 'training', 'inference', 'forgets', 'examples'] as const).map((c) => (
                    <th key={c} scope="col">
                      {ui.columns[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const chapter = chapterOf(row.chapter);
                  const isSelected = row.mechanism === selected;
                  const name = ui.mechanisms[row.mechanism];
                  return (
                    <tr
                      key={row.mechanism}
                      className={isSelected ? 'selected' : undefined}
                      data-mechanism={row.mechanism}
                      data-gate={row.gate}
                      data-gate-varies={row.gateVaries}
                      data-erase={row.erase}
                      data-beta-varies={row.betaVaries}
                      data-state={row.stateAtT}
                      data-inference={row.inference}
                      data-selected={isSelected}
                    >
                      <th scope="row">
                        <button
                          type="button"
                          className="recap-run"
                          aria-pressed={isSelected}
                          aria-label={fill(ui.runRow, { name })}
                          onClick={() => setSelected(row.mechanism)}
                          data-testid={`recap-run-${row.mechanism}`}
                        >
                          <span aria-hidden="true">{isSelected ? '▶ ' : '▷ '}</span>
                          {name}
                        </button>
                        {chapter && (
                          <a className="recap-chapter muted" href={routeHref({ page: 'chapter', slug: chapter.slug })}>
                            {fill(ui.chapter, { n: String(chapter.number) })}
                          </a>
                        )}
                      </th>
                      <td>{gateText(ui, row)}</td>
                      <td>{writeText(ui, row)}</td>
                      <td>
                        {row.gate === 'cache' ? ui.state.cache : ui.state.matrix}
                        <br />
                        <span className="muted">{fill(ui.stateNow, { n: String(row.stateAtT), T: String(RECAP_SIZES.T) })}</span>
                      </td>
                      <td>{ui.training[row.training]}</td>
                      <td>{ui.inference[row.inference]}</td>
                      <td>{ui.forgets[row.mechanism]}</td>
                      <td>{row.examples.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </AnswerGate>
        <MemoryLab
          input={input}
          label={`${ui.figure}: ${ui.mechanisms[selected]}`}
          controls={
            <>
              <p className="recap-rule" data-testid="recap-rule" data-mechanism={selected}>
                <strong>{ui.mechanisms[selected]}</strong> · {ui.ruleLine} <Formula tex={current.formula} />
              </p>
              <button type="button" onClick={() => setSeed((s) => (s >= SEEDS.max ? SEEDS.min : s + 1))} data-testid="reseed">
                {ui.reseed}
              </button>
            </>
          }
        />
        </FigurePart>
        <FigurePart name="chunkwise">
          <ChunkwiseLab />
        </FigurePart>
        <FigurePart name="side-by-side">
          {/* Softmax attention's row shows that it keeps no fixed memory: the question's answer. */}
          <AnswerGate exercise="where">
            <SideBySide />
          </AnswerGate>
        </FigurePart>
      </Staggered>
    </>
  );
}
