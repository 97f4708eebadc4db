// Chapter 6: data-dependent forgetting. A gated-retention layer reads a short token sequence; each
// token's gate γ_t = σ(w·x_t + b) comes from its embedding (core/tokenGates.ts). The learner inserts
// and removes the clear token ⟲ and watches the memory empty after it, in both views. The preset, an
// edited sequence (?seq=otscd…, one letter per token) and the step are in the link.
import { useEffect, useId, useMemo, useState } from 'react';
import { runReference } from '../../../core';
import { decayMask } from '../../../core/parallel';
import {
  CLEAR,
  SEQUENCE_LIMITS,
  TOKENS,
  gatedRetentionCase,
  gatesPreset,
  insertClear,
  isToken,
  readAfterClear,
  removeAt,
  replaceAt,
  tokenFeatures,
  type GatesPreset,
  type Token,
} from '../../../core/tokenGates';
import type { Mat } from '../../../core/linalg';
import { Formula, VectorStrip, formatNumber, useTimeCursor } from '../../../viz';
import { InputPresetMenu } from '../../components/Controls';
import { PredictReveal } from '../../components/PredictReveal';
import { MemoryLab } from '../../figure/MemoryLab';
import '../../figure/gates.css';
import { useLocalized } from '../../i18n/define';
import { fill } from '../../i18n';
import { symbolList } from '../../state/linkSchemas';
import { oneOf, optional } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { gatesStrings } from './strings';

type Ui = (typeof gatesStrings)['en'];

const gateText = (token: Token) => formatNumber(tokenFeatures(token).gate, 2);
const vecText = (v: readonly number[]) => v.map((x) => formatNumber(x, 2)).join(', ');

const PRESETS: readonly GatesPreset[] = ['one-clear', 'no-clear', 'two-clears'];
/** The link's letters for ● ▲ ■ ◆ ★ ⟲: circle, triangle, square, diamond, star (x), clear. */
const SEQUENCE = symbolList(TOKENS, 'otsdxc', SEQUENCE_LIMITS);

export default function GatesChapter() {
  const ui = useLocalized(gatesStrings);
  const [preset, setPreset] = useUrlParam('preset', oneOf(PRESETS), 'one-clear');
  const [edited, setEdited] = useUrlParam('seq', optional(SEQUENCE), null);
  const tokens = useMemo(() => edited ?? gatesPreset(preset), [edited, preset]);
  // Only a sequence that differs from the preset's goes into the link.
  const setTokens = (next: Token[]) => setEdited(SEQUENCE.format(next) === SEQUENCE.format(gatesPreset(preset)) ? null : next);
  const input = useMemo(() => gatedRetentionCase(tokens), [tokens]);
  const decay = useMemo(() => decayMask(input.gate), [input]);
  const after = useMemo(() => readAfterClear(tokens, runReference(input, 'recurrent').o), [tokens, input]);
  // From the read right after ⟲ on, the memory answers the question: those steps wait for a guess.
  const answerGate = useMemo(() => ({ exercise: 'gates' as const, locksStep: (step: number) => after !== null && step >= after.step }), [after]);
  return (
    <>
      <MemoryLab
        input={input}
        decay={decay}
        tokens={tokens}
        label={ui.figure}
        answerGate={answerGate}
        controls={
          <div className="gates-controls">
            <div className="gates-row">
              <InputPresetMenu presets={PRESETS} words={ui.presets} value={preset} onPick={setPreset} thenClear={() => setEdited(null)} />
              <SequenceEditor tokens={tokens} onChange={setTokens} ui={ui} />
            </div>
            <p className="muted gates-legend" data-testid="gate-legend">
              {ui.legend}{' '}
              {TOKENS.map((tok) => (
                <span key={tok} className="gates-legend-item">
                  <span className="gates-legend-token">{tok}</span> {gateText(tok)}
                </span>
              ))}
            </p>
            <GateStrips gates={input.gate} decay={decay} ui={ui} />
          </div>
        }
      />
      <PredictReveal
        exercise="gates"
        question={ui.predict.question}
        choices={(['blend', 'own', 'zero'] as const).map((id) => ({ id, label: ui.predict.choices[id] }))}
        explanation={
          <>
            <p>{ui.predict.explanation}</p>
            <p data-testid="predict-gates-numbers">
              {after
                ? fill(ui.predict.numbers, { t: after.step + 1, token: after.token, o: vecText(after.o), own: vecText(after.own) })
                : ui.predict.noClear}
            </p>
          </>
        }
      />
    </>
  );
}

/** Edit the token under the cursor; insert ⟲ after it; remove it. Follows the shared time cursor. */
function SequenceEditor({ tokens, onChange, ui }: { tokens: Token[]; onChange: (next: Token[]) => void; ui: Ui }) {
  const cursor = useTimeCursor();
  const selectId = useId();
  const step = cursor.step;
  const [pendingSeek, setPendingSeek] = useState<number | null>(null);
  // The cursor can only move to a new step once the figure knows the new length.
  useEffect(() => {
    if (pendingSeek !== null && pendingSeek < cursor.T) {
      cursor.seek(pendingSeek);
      setPendingSeek(null);
    }
  }, [pendingSeek, cursor]);
  const has = step >= 0 && step < tokens.length;
  const n = { t: step + 1 };
  return (
    <fieldset className="editor-grid gates-editor" data-testid="sequence-editor" data-step={step}>
      <legend>{has ? fill(ui.editor.legend, n) : ui.editor.legendStart}</legend>
      {has && (
        <div className="control">
          <label htmlFor={selectId}>{fill(ui.editor.token, n)}</label>
          <select
            id={selectId}
            value={tokens[step]}
            onChange={(e) => {
              if (isToken(e.target.value)) onChange(replaceAt(tokens, step, e.target.value));
            }}
            data-testid="token-select"
          >
            {TOKENS.map((tok) => (
              <option key={tok} value={tok}>
                {fill(ui.editor.option, { token: tok, gate: gateText(tok) })}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="gates-buttons">
        <button
          type="button"
          disabled={tokens.length >= SEQUENCE_LIMITS.max}
          onClick={() => {
            onChange(insertClear(tokens, step));
            setPendingSeek(step + 1);
          }}
          data-testid="insert-clear"
        >
          {has ? fill(ui.editor.insert, n) : ui.editor.insertStart}
        </button>
        <button
          type="button"
          disabled={!has || tokens.length <= SEQUENCE_LIMITS.min}
          onClick={() => {
            onChange(removeAt(tokens, step));
            setPendingSeek(Math.min(step, tokens.length - 2));
          }}
          data-testid="remove-step"
        >
          {fill(ui.editor.remove, { t: has ? step + 1 : 1 })}
          {has && tokens[step] === CLEAR ? ` (${CLEAR})` : ''}
        </button>
      </div>
      <p className="muted gates-limits">{fill(ui.editor.limits, { n: SEQUENCE_LIMITS.max })}</p>
    </fieldset>
  );
}

/** γ_t for every step, and row t of the mask D (what survives of each earlier write at step t). */
function GateStrips({ gates, decay, ui }: { gates: number[]; decay: Mat; ui: Ui }) {
  const cursor = useTimeCursor();
  const t = cursor.shown;
  const row = t >= 0 && t < decay.length ? decay[t].slice(0, t + 1) : null;
  return (
    <div className="gates-strips">
      <div className="gates-strip">
        <span className="gates-strip-caption">{ui.gateStrip}</span>
        <VectorStrip
          values={gates}
          symbol="gamma"
          label={ui.gateStripSpoken}
          title={<Formula tex="\gam_t" />}
          limit={1}
          highlight={t >= 0 ? t : null}
          testId="gate-strip"
        />
      </div>
      <div className="gates-strip" data-testid="mask-row-box" data-step={t}>
        {row ? (
          <>
            <span className="gates-strip-caption">{fill(ui.maskRow, { t: t + 1 })}</span>
            <VectorStrip
              values={row}
              symbol="gamma"
              label={fill(ui.maskSpoken, { t: t + 1 })}
              title={<Formula tex={`D_{${t + 1},s}`} />}
              limit={1}
              testId="mask-row"
            />
          </>
        ) : (
          <span className="muted">{ui.maskEmpty}</span>
        )}
      </div>
    </div>
  );
}
