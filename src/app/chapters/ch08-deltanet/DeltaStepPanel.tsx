// Below chapter 8's memory figure: the cursor's step read as one gradient step on
// L(S) = ½‖S k − v‖². Old value, target and error side by side, the correction it writes, and the loss
// before and after — all from the step record the recurrent view is playing (src/core/deltaStep.ts).
import { erases } from '../../../core/cases';
import { deltaStepTerms } from '../../../core/deltaStep';
import { stepInputs } from '../../../core/mechanisms';
import type { Trace } from '../../../trace';
import { Formula, MatrixHeatmap, figureLimit, formatNumber, useTimeCursor } from '../../../viz';
import { ch08Strings } from './strings';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import './story.css';

export interface DeltaStepPanelProps {
  /** The recurrent trace the memory figure plays (a DeltaNet or Gated DeltaNet story case). */
  trace: Trace;
  placeName: (i: number) => string;
  keyName: (j: number) => string;
}

export function DeltaStepPanel({ trace, placeName, keyName }: DeltaStepPanelProps) {
  const ui = useLocalized(ch08Strings);
  const { shown: step } = useTimeCursor();
  const input = trace.input;
  const rec = trace.steps?.[step];
  const body = (() => {
    const at = rec && erases(input.mechanism) ? stepInputs(input, step) : {};
    const { k, v, beta } = at;
    if (!rec || !k || !v || beta === undefined) return <p className="muted">{ui.step.before}</p>;
    const terms = deltaStepTerms(rec, k, v, beta);
    if (!terms.writes) return <p className="muted" data-testid="delta-step-read-only">{ui.step.readOnly}</p>;
    const limit = figureLimit(trace);
    const columns = [ui.step.old, ui.step.target, ui.step.error];
    return (
      <>
        <p className="muted story-note">{ui.step.beats}</p>
        <div className="delta-step-grid">
          <MatrixHeatmap
            values={terms.oldValue.map((old, i) => [old, v[i], terms.error[i]])}
            caption={ui.step.table}
            limit={limit}
            rowLabel={placeName}
            colLabel={(j) => columns[j]}
            testId="delta-error"
          />
          <MatrixHeatmap
            values={terms.correction}
            caption={ui.step.correction}
            limit={limit}
            rowLabel={placeName}
            colLabel={keyName}
            frame="beta"
            testId="delta-correction"
          />
          <dl className="delta-loss">
            <dt>{ui.step.lossBefore}</dt>
            <dd data-testid="loss-before" data-value={terms.lossBefore}>
              <Formula tex="L" /> = {formatNumber(terms.lossBefore, 3)}
            </dd>
            <dt>{ui.step.lossAfter}</dt>
            <dd data-testid="loss-after" data-value={terms.lossAfter}>
              <Formula tex="L" /> = {formatNumber(terms.lossAfter, 3)}
            </dd>
            <dd className="muted delta-factor" data-testid="loss-factor" data-value={terms.factor}>
              {fill(ui.step.factor, { factor: formatNumber(terms.factor, 2) })}
            </dd>
          </dl>
        </div>
      </>
    );
  })();
  return (
    <section className="delta-step" aria-label={ui.step.title} data-testid="delta-step" data-step={step}>
      <h3>
        {ui.step.title}: <Formula tex="L(S) = \tfrac12\,\lVert S\kk_t - \vv_t \rVert^2" />
      </h3>
      {body}
    </section>
  );
}

