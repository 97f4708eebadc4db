// Chapter 7: finer gates. The lecture's table of forget gates as a choice: each row loads that model's
// gate as a preset of the one rule (core/finerGates.ts), shows G_t acting on S entry by entry, and runs
// the live model where an ONNX graph computes that state (gated retention, GLA, Mamba-2, Mamba, KDA,
// RWKV-7).
// The model (?m=gla), the closed step (?close=5) and the step (?t=5) are in the link.
import { useMemo, type ReactNode } from 'react';
import { FINER_SIZES, GATE_MODELS, GATE_MODEL_SPECS, finerGateExample, gateFrames, type GateFrames, type GateModel } from '../../../core/finerGates';
import { decayMask, scalarGate } from '../../../core/parallel';
import { FigureRegion, Formula, PlaybackControls, TimeCursorProvider, symbolColor, useTimeCursor } from '../../../viz';
import { GateShapeFigure } from '../../../viz/GateShapeFigure';
import { PredictReveal } from '../../components/PredictReveal';
import { ChoiceTable } from './GateTable';
import '../../figure/gates.css';
import { MemoryLab } from '../../figure/MemoryLab';
import { toSubscript } from '../../figure/StepInputEditor';
import { useLocalized } from '../../i18n/define';
import { fill } from '../../i18n';
import { mechanismStrings } from '../../mechanismStrings';
import { isMechanism } from '../../../core/cases';
import { integerIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { finerGatesStrings } from './strings';
import { figureStrings } from '../../components/figure.strings';
import { Staggered } from '../../shell/pageSettle';

type Ui = (typeof finerGatesStrings)['en'];

/** The gate models that are not mechanisms of the course, named as their papers name them (the same in
 * both languages); the mechanisms' names come from the glossary (mechanismStrings.ts). */
const PAPER_NAMES: Partial<Record<GateModel, string>> = {
  mlstm: 'mLSTM',
  dfw: 'DFW',
  gateloop: 'GateLoop',
  hgrn2: 'HGRN-2',
  rwkv6: 'RWKV-6',
};


// α and γ in the gate colour, as in the figures.
const alpha = `\\textcolor{${symbolColor.gamma}}{\\alpha_t}`;
const decayW = `\\textcolor{${symbolColor.gamma}}{w_t}`;
const ONES = '\\mathbf{1}';
const SCALAR_G = `G_t = \\gam_t\\, ${ONES}${ONES}^\\top`;
const COLUMN_G = `G_t = ${ONES}\\,${alpha}^\\top`;

/** The table's formulas (language-neutral TeX): the gate, and how x_t makes it. S is d_v × d_k. */
const FORMULAS: Record<GateModel, [string, string]> = {
  mamba: ['(G_t)_{ij} = e^{\\Delta_{t,i} A_{ij}}', '\\Delta_t = \\operatorname{softplus}(W_2 W_1 x_t),\\ A_{ij} < 0'],
  mamba2: [SCALAR_G, '\\gam_t = e^{\\Delta_t A},\\ \\Delta_t = \\operatorname{softplus}(w^\\top x_t),\\ A < 0'],
  mlstm: [SCALAR_G, '\\gam_t = \\sigma(w^\\top x_t)'],
  gated_retention: [SCALAR_G, '\\gam_t = \\sigma(w^\\top x_t)^{1/\\tau}'],
  dfw: [`G_t = \\beta_t\\, ${alpha}^\\top`, `${alpha} = \\sigma(W_\\alpha x_t),\\ \\beta_t = \\sigma(W_\\beta x_t)`],
  gateloop: [COLUMN_G, `${alpha} = \\sigma(W_1 x_t)\\, e^{\\,i W_2 x_t}`],
  hgrn2: [COLUMN_G, `${alpha} = \\gamma + (1-\\gamma) \\odot \\sigma(W x_t)`],
  rwkv6: [COLUMN_G, `${alpha} = \\exp(-\\exp(W x_t))`],
  gla: [COLUMN_G, `${alpha} = \\sigma(W_2 W_1 x_t)^{1/\\tau}`],
  kda: [COLUMN_G, `${alpha} = \\sigma(W_2 W_1 x_t)^{1/\\tau},\\ \\bet_t = \\sigma(w^\\top x_t)`],
  rwkv7: [`G_t = ${ONES}\\,${decayW}^\\top`, `${decayW} = \\exp(-\\exp(W x_t)),\\ a_t b_t^\\top = -\\kappa_t (\\eta_t \\odot \\kappa_t)^\\top`],
};

/** Key dimension 2 (code index 1) is the one the "close" button and the question are about. */
const CLOSE_DIM = 1;
/** The figure opens at step 5 (1-based), where the memory already holds something to forget. */
const FIRST_STEP = 5;

export default function FinerGatesChapter() {
  const ui = useLocalized(finerGatesStrings);
  const words = useLocalized(mechanismStrings);
  const nameOf = (id: GateModel): string => (isMechanism(id) ? words[id].name : (PAPER_NAMES[id] ?? id));
  const [model, setModel] = useUrlParam('m', oneOf(GATE_MODELS), 'gla');
  // The closed step, 1-based as on the button (0: nothing closed); only column gates can close one.
  const [closedStep, setClosedStep] = useUrlParam('close', integerIn({ min: 0, max: FINER_SIZES.T }), 0);
  const closed = useMemo(
    () => (closedStep > 0 && GATE_MODEL_SPECS[model].shape === 'column' ? { step: closedStep - 1, dim: CLOSE_DIM } : null),
    [closedStep, model],
  );
  const setClosed = (c: { step: number } | null) => setClosedStep(c ? c.step + 1 : 0);
  const example = useMemo(() => finerGateExample(model, { closeColumn: closed }), [model, closed]);
  const frames = useMemo(() => gateFrames(example), [example]);
  const decay = useMemo(() => {
    const g = example.gates.map(scalarGate);
    return g.every((x): x is number => x !== null) ? decayMask(g) : null;
  }, [example]);
  const spec = GATE_MODEL_SPECS[model];
  const rows = GATE_MODELS.map((id) => {
    const s = GATE_MODEL_SPECS[id];
    return {
      id,
      name: nameOf(id),
      cells: [
        <Formula key="g" tex={FORMULAS[id][0]} />,
        <Formula key="f" tex={FORMULAS[id][1]} />,
        s.rankOne ? ui.shapes.rankOne : s.corrects ? ui.shapes.corrects : ui.shapes[s.shape],
        s.live ? words[s.live].name : ui.table.liveNone,
      ],
    };
  });
  const panel = (
    <GatePanel
      frames={frames}
      shape={spec.shape}
      ui={ui}
      closable={spec.shape === 'column'}
      closed={closed}
      onClose={setClosed}
    />
  );
  return (
    <>
      {/* The table, the note, the lab and the question, laid out one a frame as the chapter loads (pageSettle.tsx). */}
      <Staggered>
        <ChoiceTable
          legend={ui.table.legend}
          caption={ui.table.caption}
          headers={[ui.table.model, ui.table.gate, ui.table.from, ui.table.shape, ui.table.live]}
          rows={rows}
          value={model}
          onChange={(m) => {
            setModel(m);
            setClosed(null);
          }}
          testId="gate-table"
        />
        <p className="gate-note" data-testid="gate-note">
          {ui.notes[model]}
        </p>
        {example.live ? (
          <MemoryLab input={example.live} decay={decay} label={ui.figure} controls={panel} firstStep={FIRST_STEP} />
        ) : (
          <StaticGateFigure T={frames.G.length} label={ui.staticFigure}>
            {panel}
          </StaticGateFigure>
        )}
        <PredictReveal
          exercise="finer-gates"
          question={ui.predict.question}
          choices={(['all', 'column', 'row'] as const).map((id) => ({ id, label: ui.predict.choices[id] }))}
          explanation={<p>{ui.predict.explanation}</p>}
        />
      </Staggered>
    </>
  );
}

/** DFW has no graph: the same panel, stepped by its own cursor, without the live views. */
function StaticGateFigure({ T, label, children }: { T: number; label: string; children: ReactNode }) {
  const fig = useLocalized(figureStrings);
  const [step, setStep] = useUrlParam('t', integerIn({ min: 0, max: T }), Math.min(FIRST_STEP, T));
  return (
    <TimeCursorProvider T={T} initialStep={step - 1} onStepChange={(s) => setStep(s + 1)}>
      <FigureRegion label={label} caption={fig.gateCaption} keysHint={fig.keyboardHelp} className="gate-static" testId="gate-static">
        <PlaybackControls labels={fig.playback} />
        {children}
      </FigureRegion>
    </TimeCursorProvider>
  );
}

interface GatePanelProps {
  frames: GateFrames;
  shape: string;
  ui: Ui;
  closable: boolean;
  closed: { step: number; dim: number } | null;
  onClose: (closed: { step: number; dim: number } | null) => void;
}

/** G_t ⊙ S_{t−1} at the cursor's step, and the "close key dimension 2" what-if. */
function GatePanel({ frames, shape, ui, closable, closed, onClose }: GatePanelProps) {
  const cursor = useTimeCursor();
  const t = cursor.shown;
  const valueLegend = useLocalized(figureStrings).valueLegend;
  const has = t >= 0 && t < frames.G.length;
  return (
    <div className="gates-controls">
      {has ? (
        <GateShapeFigure
          gate={frames.G[t]}
          before={frames.before[t]}
          after={frames.after[t]}
          shape={shape}
          limit={frames.limit}
          labels={{ title: fill(ui.shapeTitle, { t: t + 1, sub: toSubscript(t + 1) }), gate: ui.gateCaption, before: ui.beforeCaption, after: ui.afterCaption, gateLegend: `G · ${valueLegend}`, stateLegend: `S · ${valueLegend}` }}
        />
      ) : (
        <p className="gate-shape-missing" data-testid="gate-shape">
          {ui.shapeEmpty}
        </p>
      )}
      <div className="gates-row">
        {closable ? (
          <button
            type="button"
            disabled={!closed && cursor.step < 0}
            aria-pressed={closed !== null}
            onClick={() => onClose(closed ? null : { step: Math.max(0, cursor.step), dim: CLOSE_DIM })}
            data-testid="close-column"
          >
            {closed ? fill(ui.reopen, { t: closed.step + 1 }) : fill(ui.close, { t: Math.max(0, cursor.step) + 1 })}
          </button>
        ) : (
          <span className="muted">{ui.closeHint}</span>
        )}
        {closed && (
          <span role="status" data-testid="closed-status">
            {fill(ui.closed, { t: closed.step + 1 })}
          </span>
        )}
      </div>
    </div>
  );
}
