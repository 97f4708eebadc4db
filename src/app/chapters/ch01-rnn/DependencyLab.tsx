// Chapter 1's second figure: why f_A makes training sequential. The same sentence as an RNN's graph
// (a chain of states) and as linear attention's (every input straight into every later output); the
// page's time cursor picks the output y_t, and each diagram lights up what y_t needs and in which wave.
import { useId, useMemo } from 'react';
import { dependencyGraph, neededFor, type DependencyForm } from '../../../core/dependency';
import { FigureRegion, Formula, useTimeCursor } from '../../../viz';
import { DependencyDiagram, type NodeKind } from '../../../viz/DependencyDiagram';
import { toSubscript } from '../../figure/StepInputEditor';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { ch01Strings } from './strings';
import './lstmLab.css';
import { useStepState } from '../../steps/follow';

const FORMS: DependencyForm[] = ['rnn', 'linear-attention'];
const FORMULA: Record<DependencyForm, string> = {
  rnn: 'H_t = f_A(H_{t-1}) + f_B(x_t)',
  'linear-attention': 'y_t = \\textstyle\\sum_{s \\le t} (\\kk_s^\\top \\qq_t)\\, \\vv_s',
};

export function DependencyLab({ tokens }: { tokens: readonly string[] }) {
  const strings = useLocalized(ch01Strings);
  const ui = strings.dep;
  const cursor = useTimeCursor();
  // A reading step on the recurrent view alone holds linear attention's diagram back (the text brings it in later).
  const reading = useStepState();
  const sliderId = useId();
  const T = tokens.length;
  const target = cursor.shown; // the output being computed; −1: none chosen yet
  const graphs = useMemo(() => Object.fromEntries(FORMS.map((f) => [f, dependencyGraph(f, T)])) as Record<DependencyForm, ReturnType<typeof dependencyGraph>>, [T]);
  const needed = useMemo(
    () => (target >= 0 && target < T ? (Object.fromEntries(FORMS.map((f) => [f, neededFor(f, T, target)])) as Record<DependencyForm, ReturnType<typeof neededFor>>) : null),
    [T, target],
  );
  const sub = (s: number) => toSubscript(s + 1);
  const nodeText = (kind: NodeKind, s: number) => (kind === 'x' ? (tokens[s] ?? '') : `${kind === 'h' ? 'H' : 'y'}${sub(s)}`);
  const nodeName = (kind: NodeKind, s: number) => {
    const n = sub(s);
    if (kind === 'x') return fill(ui.node.x, { t: n, token: tokens[s] ?? '' });
    if (kind === 'h') return fill(ui.node.h, { t: n });
    const next = tokens[s + 1];
    return next ? `${fill(ui.node.y, { t: n })}, ${fill(ui.target, { token: next })}` : fill(ui.node.y, { t: n });
  };
  const targets = tokens.map((_, s) => (tokens[s + 1] ? `→ ${tokens[s + 1]}` : '→ ?'));
  const count = (form: DependencyForm): string => {
    if (!needed) return ui.none;
    const n = needed[form];
    const upTo = Array.from({ length: target + 1 }, (_, s) => s);
    const list = (prefix: string) => (upTo.length <= 6 ? upTo.map((s) => `${prefix}${sub(s)}`) : [`${prefix}${sub(0)}`, '…', `${prefix}${sub(target)}`]);
    if (form === 'rnn') return fill(ui.rnnSteps, { t: sub(target), n: String(n.sequentialSteps), chain: list('H').join(' → ') });
    return fill(ui.laSteps, { t: sub(target), inputs: list('x').join(', ') });
  };
  return (
    <FigureRegion label={ui.figure} caption={ui.caption} keysHint={strings.keys} className="dep-lab" testId="dependency-lab" data={reading.data}>
      <div className="dep-controls">
        <label htmlFor={sliderId}>{ui.pick}</label>
        <input
          id={sliderId}
          type="range"
          min={1}
          max={T}
          step={1}
          value={Math.max(1, target + 1)}
          onChange={(e) => cursor.seek(Number(e.currentTarget.value) - 1)}
          aria-valuetext={target >= 0 ? `y${sub(target)}` : ui.none}
          data-testid="dep-slider"
        />
        <output htmlFor={sliderId} data-testid="dep-target">
          {target >= 0 ? `y${sub(target)}` : '—'}
        </output>
        <span className="muted small-hint">{ui.hint}</span>
      </div>
      <div className="dep-panels">
        {FORMS.map((form) => (
          <section key={form} data-testid={`dep-${form}`} data-steps={needed ? needed[form].sequentialSteps : ''} hidden={!reading.showsView(form === 'rnn' ? 'recurrent' : 'parallel')}>
            <DependencyDiagram
              graph={graphs[form]}
              needed={needed ? needed[form] : null}
              nodeText={nodeText}
              nodeName={nodeName}
              targets={targets}
              onSelect={cursor.seek}
              waveName={(n) => fill(ui.node.wave, { n: String(n) })}
              title={form === 'rnn' ? ui.rnnTitle : ui.laTitle}
              caption={
                <>
                  {form === 'rnn' ? ui.rnnName : ui.laName} <Formula tex={FORMULA[form]} />
                </>
              }
            />
            <p className="dep-count" aria-live="polite" data-testid={`dep-${form}-count`}>
              {count(form)}
            </p>
          </section>
        ))}
      </div>
      <p className="muted small-hint">{ui.waveNote}</p>
    </FigureRegion>
  );
}
