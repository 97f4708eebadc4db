// Chapter 4: how much can one memory hold? Store n key → value pairs in d_k dimensions, read them all
// back, and plot the recall error against n for linear attention, softmax attention and DeltaNet. Every
// point is a live run of the ONNX model (src/core/capacity.ts defines the case and the error). The keys,
// d_k, n, the seed, the lab's mechanism and its step are in the link (?keys=one-hot&dk=8&n=9&m=deltanet).
import { useId, useMemo } from 'react';
import { CAPACITY_MECHANISMS, EXACT_ERROR, SOFTMAX_SHARPNESS, capacityCase, capacityPairs, firstFailure, type CapacityMechanism, type KeyKind } from '../../../core/capacity';
import { CapacityPlot, MarkerSwatch, type CurveSeries } from '../../../viz/CapacityPlot';
import { Formula, formatNumber } from '../../../viz';
import { MECHANISM_LINE, mechanismColor } from '../../../viz/theme';
import { PresetMenu, Slider } from '../../components/Controls';
import { AnswerGate } from '../../components/AnswerGate';
import { PredictReveal } from '../../components/PredictReveal';
import { RunProblems } from '../../components/RunProblems';
import { MemoryLab } from '../../figure/MemoryLab';
import { toSubscript } from '../../figure/StepInputEditor';
import { useCapacityCurves } from './useCapacityCurves';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { integerIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { CAPACITY_DEFAULTS, DK_RANGE, DV, N_PAIRS, Y_MAX } from './config';
import { capacityStrings } from './strings';
import './capacity.css';
import { runStrings } from '../../components/run.strings';


const KEY_KINDS: readonly KeyKind[] = ['one-hot', 'random'];
const SEEDS = { min: 1, max: 999_999 };

export default function CapacityChapter() {
  const runUi = useLocalized(runStrings);
  const ui = useLocalized(capacityStrings);
  const [keys, setKeys] = useUrlParam('keys', oneOf(KEY_KINDS), CAPACITY_DEFAULTS.keys);
  const [dk, setDk] = useUrlParam('dk', integerIn(DK_RANGE), CAPACITY_DEFAULTS.dk);
  const [n, setN] = useUrlParam('n', integerIn({ min: 1, max: N_PAIRS }), CAPACITY_DEFAULTS.n);
  const [seed, setSeed] = useUrlParam('seed', integerIn(SEEDS), CAPACITY_DEFAULTS.seed);
  const [labMechanism, setLabMechanism] = useUrlParam('m', oneOf(CAPACITY_MECHANISMS), 'linear_attention');
  const mechanismId = useId();

  const pairs = useMemo(() => capacityPairs({ dk, dv: DV, count: N_PAIRS, keys, seed }), [dk, keys, seed]);
  const live = useCapacityCurves(pairs);
  const labCase = useMemo(() => capacityCase(labMechanism, pairs, n), [labMechanism, pairs, n]);
  const tokens = useMemo(
    () => [
      ...Array.from({ length: n }, (_, j) => fill(ui.lab.write, { n: toSubscript(j + 1) })),
      ...Array.from({ length: n }, (_, j) => fill(ui.lab.read, { n: toSubscript(j + 1) })),
    ],
    [n, ui.lab.write, ui.lab.read],
  );

  const series: CurveSeries[] = CAPACITY_MECHANISMS.map((m) => ({
    id: m,
    label: ui.mechanisms[m],
    color: mechanismColor[m],
    ...MECHANISM_LINE[m],
    values: live.curves[m],
    sources: live.sources[m],
  }));
  const isLive = live.done === live.total;
  const fails = firstFailure(live.curves.linear_attention);
  const keyOptions = KEY_KINDS.map((id) => ({ id, label: ui.keyKinds[id] }));
  const clipped = series.some((s) => s.values.some((v) => v > Y_MAX));

  return (
    <>
      <PredictReveal
        exercise="capacity"
        question={ui.predict.question}
        choices={(['4', '8', '9', '16'] as const).map((id) => ({ id, label: ui.predict.choices[id] }))}
        explanation={<p>{ui.predict.explanation}</p>}
        onCommit={() => {
          setKeys('one-hot');
          setDk(8);
          setN(9);
          setLabMechanism('linear_attention');
        }}
      />
      <section className="memory-lab capacity-lab" aria-label={ui.figure} data-testid="capacity-lab" data-dk={dk} data-keys={keys} data-live={isLive}>
        <div className="lab-controls">
          <PresetMenu label={ui.keys} value={keys} options={keyOptions} onChange={setKeys} />
          <Slider label={<>{ui.dk} <Formula tex="d_k" /></>} value={dk} min={DK_RANGE.min} max={DK_RANGE.max} step={1} digits={0} onChange={setDk} testId="dk" />
          <Slider label={<>{ui.n} <Formula tex="n" /></>} value={n} min={1} max={N_PAIRS} step={1} digits={0} onChange={setN} testId="n" />
          <button type="button" onClick={() => setSeed((s) => (s >= SEEDS.max ? SEEDS.min : s + 1))} data-testid="reseed">
            {ui.reseed}
          </button>
        </div>
        <p
          className={`badge ${isLive ? `badge-${live.backends[0] ?? 'wasm'}` : 'badge-loading'}`}
          data-testid="capacity-status"
          data-live={isLive}
          data-backends={live.backends.join(',')}
          aria-live="polite"
        >
          {isLive
            ? fill(ui.live, { total: String(live.total), backends: live.backends.map((b) => runUi.backends[b]).join(' + ') })
            : fill(ui.running, { done: String(live.done), total: String(live.total) })}
        </p>
        <RunProblems runs={[live.lastRun]} />
        {/* The curves, the readout and the table would show where linear attention first fails. */}
        <AnswerGate exercise="capacity">
          <figure className="capacity-figure">
          <figcaption>{fill(ui.plotCaption, { dk: String(dk) })}</figcaption>
          <ul className="curve-legend">
            {series.map((s) => (
              <li key={s.id}>
                <MarkerSwatch kind={s.marker} color={s.color} dash={s.dash} />
                {s.label}
              </li>
            ))}
          </ul>
          <CapacityPlot
            series={series}
            yMax={Y_MAX}
            xLabel={ui.xLabel}
            yLabel={ui.yLabel}
            mark={{ x: dk, label: fill(ui.cliff, { dk: String(dk) }) }}
            reference={{ y: 1, label: ui.emptyMemory }}
            selectedX={n}
            onSelectX={setN}
            label={fill(ui.plotLabel, { count: String(N_PAIRS), dk: String(dk), keys: ui.keyKinds[keys] })}
          />
          </figure>
          <p className="muted small-wide">
            {fill(ui.sharpness, { tau: String(SOFTMAX_SHARPNESS) })} {ui.sweepNote}
            {clipped ? ` ${ui.clipped}` : ''}
          </p>
          <div className="capacity-readout" data-testid="capacity-readout" data-n={n}>
            <strong>{fill(ui.at, { n: String(n) })}:</strong>
            {CAPACITY_MECHANISMS.map((m) => {
              const e = live.curves[m][n - 1];
              return (
                <span key={m} data-mechanism={m} data-value={e}>
                  <MarkerSwatch kind={MECHANISM_LINE[m].marker} color={mechanismColor[m]} dash={MECHANISM_LINE[m].dash} />
                  {ui.mechanisms[m]} {e <= EXACT_ERROR ? `≈ 0 (${ui.exact})` : formatNumber(e, 3)}
                </span>
              );
            })}
            <span data-testid="first-failure" data-n={fails ?? ''}>
              {fails === null ? ui.neverFails : fill(ui.firstFail, { n: String(fails) })}
            </span>
          </div>
          <details className="capacity-numbers">
            <summary>{ui.tableToggle}</summary>
            <div className="scroll-frame">
            <table className="capacity-table" data-testid="capacity-table">
              <caption>{ui.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">n</th>
                  {CAPACITY_MECHANISMS.map((m) => (
                    <th key={m} scope="col">
                      {ui.mechanisms[m]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {live.curves.linear_attention.map((_, i) => (
                  <tr key={i} className={i + 1 === n ? 'selected' : undefined}>
                    <th scope="row">{i + 1}</th>
                    {CAPACITY_MECHANISMS.map((m) => (
                      <td key={m} data-mechanism={m} data-value={live.curves[m][i]} data-source={live.sources[m][i]}>
                        {formatNumber(live.curves[m][i], 4)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </details>
        </AnswerGate>
      </section>
      <MemoryLab
        input={labCase}
        tokens={tokens}
        label={ui.lab.figure}
        controls={
          <>
            <div className="control">
              <label htmlFor={mechanismId}>{ui.lab.mechanism}</label>
              <select id={mechanismId} value={labMechanism} onChange={(e) => setLabMechanism(e.target.value as CapacityMechanism)} data-testid="lab-mechanism">
                {CAPACITY_MECHANISMS.map((m) => (
                  <option key={m} value={m}>
                    {ui.mechanisms[m]}
                  </option>
                ))}
              </select>
            </div>
            <p className="muted small-wide">{fill(ui.lab.note, { n: toSubscript(n) })}</p>
          </>
        }
      />
    </>
  );
}
