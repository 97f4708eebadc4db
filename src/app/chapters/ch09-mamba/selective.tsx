// Chapter 9, panel 3: selection. Δ_t, B_t, C_t come from each token (core/selective.ts); the live
// Mamba-1 memory (MemoryLab, mechanism 'mamba') shows digits overwriting it and fillers skipped.
import { useMemo } from 'react';
import type { CaseOf } from '../../../core/cases';
import { runReference } from '../../../core';
import { keepFactor } from '../../../core/selective';
import { Formula, MatrixHeatmap, formatNumber, useTimeCursor } from '../../../viz';
import { AnswerGate } from '../../components/AnswerGate';
import { PredictReveal } from '../../components/PredictReveal';
import { PresetMenu } from '../../components/Controls';
import { MemoryLab } from '../../figure/MemoryLab';
import { ValueLegend } from '../../../viz/Legend';
import { fill } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { figureStrings } from '../../components/figure.strings';
import { TOKENS, isSalient, type StepMode } from './presets';
import { ch09Strings } from './strings';

const MODES: StepMode[] = ['selective', 'fixed'];
const PREDICT = ['wipe', 'keep', 'replace'] as const;
/** What the memory does on a filler (and keeps until "?") answers the question: only the digits' steps stay open. */
const ANSWER_GATE = { exercise: 'mamba-selective', locksStep: (step: number) => !isSalient(TOKENS[step]) } as const;

/** Δ_t and the fraction kept per token, framed at the shared cursor's token (inside MemoryLab's cursor). */
function SelectionTable({ input, tokens }: { input: CaseOf<'mamba'>; tokens: string[] }) {
  const ui = useLocalized(ch09Strings).selective;
  const legend = useLocalized(figureStrings).valueLegend;
  const cursor = useTimeCursor();
  const D = input.x[0].length;
  const rows = Array.from({ length: D }, (_, d) => d);
  const dt = rows.map((d) => input.dt.map((row) => row[d]));
  const keep = rows.map((d) => input.dt.map((_, t) => keepFactor(input, t, d, 0)));
  const column = cursor.shown >= 0 ? cursor.shown : null;
  return (
    <div className="ssm-selection" data-testid="selection-table">
      <p className="muted small-wide">{ui.table}</p>
      <div className="ssm-scroll scroll-frame">
        <MatrixHeatmap
          values={dt}
          caption="Δ_t"
          limit={3}
          rowLabel={(d) => fill(ui.dtRow, { d: String(d + 1) })}
          colLabel={(t) => tokens[t]}
          highlightColumn={column}
          testId="selection-dt"
        />
        {/* The fraction a filler keeps is the answer. */}
        <AnswerGate exercise="mamba-selective">
          <MatrixHeatmap
            values={keep}
            caption="exp(Δ_t A)"
            limit={1}
            rowLabel={(d) => fill(ui.keepRow, { d: String(d + 1) })}
            colLabel={(t) => tokens[t]}
            highlightColumn={column}
            testId="selection-keep"
          />
        </AnswerGate>
      </div>
      <ValueLegend limit={3} label={`Δ_t · ${legend}`} testId="selection-dt-legend" />
      <ValueLegend limit={1} label={`exp(Δ_t A) · ${legend}`} testId="selection-keep-legend" />
    </div>
  );
}

export function SelectivePanel({ input, mode, onMode }: { input: CaseOf<'mamba'>; mode: StepMode; onMode: (m: StepMode) => void }) {
  const ui = useLocalized(ch09Strings);
  const s = ui.selective;
  const tokens = useMemo(() => TOKENS.map((id) => s.tokens[id]), [s]);
  const lastRead = useMemo(() => {
    const o = runReference(input, 'recurrent').o;
    return o[o.length - 1][0];
  }, [input]);
  return (
    <section className="ssm-panel" aria-labelledby="ssm-selective-title" data-testid="selective-panel">
      <h2 id="ssm-selective-title">{s.title}</h2>
      <p className="ssm-lead">{s.lead}</p>
      <div className="ssm-formulas">
        <Formula tex="h_t[d,n] = e^{\Delta_t[d]\,A[d,n]}\; h_{t-1}[d,n] + \Delta_t[d]\, B_t[n]\, x_t[d],\qquad y_t[d] = \textstyle\sum_n C_t[n]\, h_t[d,n]" display />
      </div>
      <PredictReveal
        exercise="mamba-selective"
        question={s.predict.question}
        choices={PREDICT.map((id) => ({ id, label: s.predict.choices[id] }))}
        explanation={<p>{s.predict.explanation}</p>}
      />
      <MemoryLab
        input={input}
        tokens={tokens}
        label={s.figure}
        answerGate={ANSWER_GATE}
        controls={
          <div className="ssm-selective-controls">
            <PresetMenu label={s.mode} value={mode} options={MODES.map((id) => ({ id, label: s.modes[id] }))} onChange={onMode} />
            <SelectionTable input={input} tokens={tokens} />
          </div>
        }
      />
      <p className="muted" data-testid="selective-reading" data-value={lastRead}>
        {fill(s.reading, { y: formatNumber(lastRead, 3) })}
      </p>
    </section>
  );
}
