// One trained model seen from inside, on the fixed probe sequence: the course's memory figure where
// the reading holds the mechanism's whole rule (probeCase), else its q, k and v; then its gates.
import { memo, useMemo } from 'react';
import { tokenName, type TaskId } from '../../core/tasks';
import type { ProbeReading } from '../../train/types';
import { MatrixHeatmap } from '../../viz';
import { MemoryLab } from '../figure/MemoryLab';
import { CHANGING_CASE } from '../hooks/useModelTraces';
import { usePlaygroundLink } from '../playground/usePlaygroundLink';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { GateStrips } from './GateStrips';
import { probeCase } from './probeCase';
import { trainStrings } from './train.strings';
import { PROBE_EVERY } from './useTrainSession';

/**
 * Memoised: the page re-renders at every progress report (ten times a second while training), and
 * re-rendering the probe's memory figure each time, with the same reading, was most of the page's
 * rendering work while it trained.
 */
export const ProbePanel = memo(function ProbePanel({ reading, task }: { reading: ProbeReading | null; task: TaskId }) {
  const ui = useLocalized(trainStrings);
  const c = useMemo(() => (reading ? probeCase(reading) : null), [reading]);
  const playground = usePlaygroundLink(c);
  if (!reading) return <p className="muted">{ui.probeWaiting}</p>;
  const names = reading.tokens.map((t) => tokenName(task, t));
  return (
    <div className="train-probe" data-testid="train-probe" data-mechanism={reading.mechanism} data-figure={c ? 'memory' : 'qkv'}>
      <p className="muted">{fill(ui.probeIntro, { n: String(PROBE_EVERY) })}</p>
      {(reading.mechanism === 'mamba' || reading.mechanism === 'mamba2') && <p className="muted">{ui.mamba}</p>}
      {c ? (
        <>
          <MemoryLab input={c} tokens={names} label={ui.probeFigure} stepParam="tp" traceOptions={CHANGING_CASE} />
          {playground && (
            <p>
              <a href={playground} data-testid="train-open-playground">
                {ui.openPlayground}
              </a>
            </p>
          )}
        </>
      ) : (
        <>
          <p className="muted">{reading.mechanism === 'softmax_attention' ? ui.probeSoftmax : ui.probeNoFigure}</p>
          <div className="train-qkv">
            <MatrixHeatmap values={reading.q} caption={ui.probeQ} rowLabel={(i) => names[i] ?? String(i)} testId="train-probe-q" />
            <MatrixHeatmap values={reading.k} caption={ui.probeK} rowLabel={(i) => names[i] ?? String(i)} testId="train-probe-k" />
            <MatrixHeatmap values={reading.v} caption={ui.probeV} rowLabel={(i) => names[i] ?? String(i)} testId="train-probe-v" />
          </div>
        </>
      )}
      {reading.mechanism === 'gla' && reading.gamma && <p className="muted">{ui.glaMean}</p>}
      <GateStrips reading={reading} tokens={names} />
    </div>
  );
});
