// Chapter 1: the RNN template. A tiny LSTM (ONNX LSTM operator, live on WASM) reads a sentence one
// step at a time; then the same sentence as a dependency diagram shows why f_A keeps an RNN from
// training in parallel. One time cursor drives both figures and the predict-then-reveal question.
// The sentence (?preset=story, or the learner's own ?text=…) and the step (?t=3) are in the link.
import { useId, useMemo, useState } from 'react';
import { TimeCursorProvider, useTimeCursor } from '../../../viz';
import { PresetMenu } from '../../components/Controls';
import { PredictReveal } from '../../components/PredictReveal';
import { DependencyLab } from './DependencyLab';
import { LstmLab } from './LstmLab';
import { useLstmRun } from './useLstmRun';
import { fill, useStrings } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { text as textParam } from '../../state/linkSchemas';
import { integerIn, oneOf, optional } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { LSTM_SPEC, MAX_TOKENS, SENTENCES, lstmInputs, sentenceTokens, type SentencePreset } from './presets';
import { ch01Strings } from './strings';
import { FollowStepsCursor, StepPart } from '../../steps/follow';
import { Staggered } from '../../shell/pageSettle';

/** Milliseconds per step when playing: long enough to read the gates. */
const STEP_MS = 1200;

type Source = { kind: 'preset'; preset: SentencePreset } | { kind: 'custom'; text: string };

const PRESETS = Object.keys(SENTENCES) as SentencePreset[];
/** A typed sentence in the link: MAX_TOKENS words fit easily; anything longer is not one of ours. */
const MAX_TEXT = 200;

export default function RnnChapter() {
  const { lang } = useStrings();
  const [preset, setPreset] = useUrlParam('preset', oneOf(PRESETS), 'greeting');
  const [custom, setCustom] = useUrlParam('text', optional(textParam(MAX_TEXT)), null);
  const source: Source = custom ? { kind: 'custom', text: custom } : { kind: 'preset', preset };
  const setSource = (s: Source) => {
    if (s.kind === 'preset') setPreset(s.preset);
    setCustom(s.kind === 'custom' ? s.text.trim().slice(0, MAX_TEXT) : null);
  };
  const text = source.kind === 'preset' ? SENTENCES[source.preset][lang] : source.text;
  const key = sentenceTokens(text).join('\u0000');
  // Keyed on the tokens' text so that a re-render never reruns the model.
  const tokens = useMemo(() => (key === '' ? [] : key.split('\u0000')), [key]);
  const xs = useMemo(() => lstmInputs(tokens), [tokens]);
  const traces = useLstmRun(LSTM_SPEC, xs);
  const [step, setStep] = useUrlParam('t', integerIn({ min: 0, max: tokens.length }), 0);
  return (
    <TimeCursorProvider T={tokens.length} stepMs={STEP_MS} initialStep={step - 1} onStepChange={(s) => setStep(s + 1)}>
      {/* The reading steps (content/<lang>/ch01-rnn.md) move the one cursor and name the part they talk about. */}
      <StepsCursor />
      {/* The two labs and the question, laid out one a frame as the chapter loads (pageSettle.tsx). */}
      <Staggered>
        <StepPart name="lstm">
          <LstmLab tokens={tokens} xs={xs} traces={traces} controls={<SentencePicker source={source} onChange={setSource} />} />
        </StepPart>
        <StepPart name="dependency">
          <DependencyLab tokens={tokens} />
        </StepPart>
        <RnnPrediction />
      </Staggered>
    </TimeCursorProvider>
  );
}

function StepsCursor() {
  return <FollowStepsCursor cursor={useTimeCursor()} />;
}

function SentencePicker({ source, onChange }: { source: Source; onChange: (s: Source) => void }) {
  const ui = useLocalized(ch01Strings);
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState(false);
  const options = (Object.keys(SENTENCES) as SentencePreset[]).map((id) => ({ id, label: ui.presets[id] }));
  return (
    <>
      <PresetMenu label={ui.sentence} value={source.kind === 'preset' ? source.preset : 'greeting'} options={options} onChange={(preset) => onChange({ kind: 'preset', preset })} />
      <form
        className="sentence-form control"
        onSubmit={(e) => {
          e.preventDefault();
          const ok = sentenceTokens(draft).length > 0;
          setProblem(!ok);
          if (ok) onChange({ kind: 'custom', text: draft });
        }}
      >
        <label htmlFor={inputId}>{fill(ui.ownSentence, { n: String(MAX_TOKENS) })}</label>
        <span className="sentence-form">
          <input id={inputId} type="text" value={draft} onChange={(e) => setDraft(e.target.value)} aria-invalid={problem} data-testid="sentence-input" />
          <button type="submit" data-testid="sentence-apply">
            {ui.apply}
          </button>
        </span>
        {problem && (
          <span className="field-error" role="alert">
            {ui.tooShort}
          </span>
        )}
      </form>
    </>
  );
}

function RnnPrediction() {
  const ui = useLocalized(ch01Strings).predict;
  const cursor = useTimeCursor();
  const choices = (['one', 'two', 'five', 'six'] as const).map((id) => ({ id, label: ui.choices[id] }));
  return (
    <PredictReveal
      exercise="rnn"
      question={ui.question}
      choices={choices}
      explanation={<p>{ui.explanation}</p>}
      onCommit={() => {
        // Show y₅ in the diagrams (and the LSTM): the answer, drawn.
        cursor.pause();
        cursor.seek(4);
      }}
    />
  );
}
