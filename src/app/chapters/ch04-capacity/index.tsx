// Chapter 4: how much can one memory hold? Store n key → value pairs in d_k dimensions, read them all
// back, and plot the recall error against n for linear attention, softmax attention and DeltaNet. Every
// point is a live run of the ONNX model (src/core/capacity.ts defines the case and the error). The keys,
// d_k, n, the seed, the lab's mechanism and its step are in the link (?keys=one-hot&dk=8&n=9&m=deltanet).
import { useId, useMemo } from 'react';
import { CAPACITY_MECHANISMS, capacityCase, capacityPairs, type CapacityMechanism, type KeyKind } from '../../../core/capacity';
import { Formula } from '../../../viz';
import { PresetMenu, Slider } from '../../components/Controls';
import { PredictReveal } from '../../components/PredictReveal';
import { MemoryLab } from '../../figure/MemoryLab';
import { toSubscript } from '../../figure/StepInputEditor';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { integerIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { Staggered } from '../../shell/pageSettle';
import { CapacitySweep } from './CapacitySweep';
import { CAPACITY_DEFAULTS, DK_RANGE, DV, N_PAIRS } from './config';
import { capacityStrings } from './strings';
import './capacity.css';

const KEY_KINDS: readonly KeyKind[] = ['one-hot', 'random'];
const SEEDS = { min: 1, max: 999_999 };

export default function CapacityChapter() {
  const ui = useLocalized(capacityStrings);
  const [keys, setKeys] = useUrlParam('keys', oneOf(KEY_KINDS), CAPACITY_DEFAULTS.keys);
  const [dk, setDk] = useUrlParam('dk', integerIn(DK_RANGE), CAPACITY_DEFAULTS.dk);
  const [n, setN] = useUrlParam('n', integerIn({ min: 1, max: N_PAIRS }), CAPACITY_DEFAULTS.n);
  const [seed, setSeed] = useUrlParam('seed', integerIn(SEEDS), CAPACITY_DEFAULTS.seed);
  const [labMechanism, setLabMechanism] = useUrlParam('m', oneOf(CAPACITY_MECHANISMS), 'linear_attention');
  const mechanismId = useId();

  const pairs = useMemo(() => capacityPairs({ dk, dv: DV, count: N_PAIRS, keys, seed }), [dk, keys, seed]);
  const labCase = useMemo(() => capacityCase(labMechanism, pairs, n), [labMechanism, pairs, n]);
  const tokens = useMemo(
    () => [
      ...Array.from({ length: n }, (_, j) => fill(ui.lab.write, { n: toSubscript(j + 1) })),
      ...Array.from({ length: n }, (_, j) => fill(ui.lab.read, { n: toSubscript(j + 1) })),
    ],
    [n, ui.lab.write, ui.lab.read],
  );

  const keyOptions = KEY_KINDS.map((id) => ({ id, label: ui.keyKinds[id] }));

  return (
    // The question, the sweep and the step-by-step lab come in a frame apart as the page loads.
    <Staggered>
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
      <CapacitySweep
        pairs={pairs}
        keys={keys}
        dk={dk}
        n={n}
        onSelectN={setN}
        controls={
          <div className="lab-controls">
            <PresetMenu label={ui.keys} value={keys} options={keyOptions} onChange={setKeys} />
            <Slider label={<>{ui.dk} <Formula tex="d_k" /></>} value={dk} min={DK_RANGE.min} max={DK_RANGE.max} step={1} digits={0} onChange={setDk} testId="dk" />
            <Slider label={<>{ui.n} <Formula tex="n" /></>} value={n} min={1} max={N_PAIRS} step={1} digits={0} onChange={setN} testId="n" />
            <button type="button" onClick={() => setSeed((s) => (s >= SEEDS.max ? SEEDS.min : s + 1))} data-testid="reseed">
              {ui.reseed}
            </button>
          </div>
        }
      />
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
    </Staggered>
  );
}
