// Small form controls for chapter figures: a preset menu, a labelled slider, a vector editor.
// Every label comes from the caller (already translated).
import { useId, useState } from 'react';
import { fill } from '../i18n';
import { parseVector } from './parseVector';
import { figureStrings } from './figure.strings';
import { useLocalized } from '../i18n/define';

export interface PresetMenuProps<K extends string> {
  label: string;
  value: K;
  options: ReadonlyArray<{ id: K; label: string }>;
  onChange: (id: K) => void;
  testId?: string;
}

export function PresetMenu<K extends string>({ label, value, options, onChange, testId = 'preset' }: PresetMenuProps<K>) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as K)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A chapter's input presets, labelled "Preset" in the page's language. Picking one also runs
 * `thenClear`, which drops what the learner edited (the edits were made to the old preset).
 */
export function InputPresetMenu<K extends string>({ presets, words, value, onPick, thenClear }: { presets: readonly K[]; words: Record<K, string>; value: K; onPick: (id: K) => void; thenClear: () => void }) {
  const fig = useLocalized(figureStrings);
  const options = presets.map((id) => ({ id, label: words[id] }));
  return (
    <PresetMenu
      label={fig.preset}
      value={value}
      options={options}
      onChange={(p) => {
        onPick(p);
        thenClear();
      }}
    />
  );
}

export interface SliderProps {
  label: React.ReactNode;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  testId?: string;
  digits?: number;
}

export function Slider({ label, value, min, max, step, onChange, testId, digits = 2 }: SliderProps) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>
        {label} = <output htmlFor={id}>{value.toFixed(digits)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid={testId}
      />
    </div>
  );
}

export interface VectorEditorProps {
  /** Visible name, e.g. "k₃". */
  name: string;
  value: readonly number[];
  onChange: (value: number[]) => void;
  testId?: string;
  /** Largest |entry| accepted (keeps the colours and the numbers readable). */
  maxAbs?: number;
}

/** A vector typed as "0.5, -1, 2". Bad text shows a message and keeps the last good vector. */
export function VectorEditor({ name, value, onChange, testId, maxAbs = 100 }: VectorEditorProps) {
  const fig = useLocalized(figureStrings);
  const id = useId();
  const shown = value.map((x) => String(Math.round(x * 100) / 100)).join(', ');
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // A new vector (the cursor moved to another step, an edit came back rounded) replaces the text in the
  // same render. Set from an effect, the field showed the last step's vector under the new step's name
  // until the effect ran, and what was typed then landed after the text the effect put in ("0, 1, 0, 0"
  // + "0.5, -1, 0, 2", on a busy machine).
  const [textOf, setTextOf] = useState(shown);
  if (textOf !== shown) {
    setTextOf(shown);
    setText(shown);
    setError(null);
  }
  const commit = (next: string) => {
    if (next === shown) return; // untouched: keep the full-precision vector behind the rounded text
    const parsed = parseVector(next, value.length, maxAbs);
    if (!parsed.ok) {
      setError(fill(fig.vectorInvalid, { name, n: String(value.length), text: next.slice(0, 40) }) + ` (${fig.vectorProblems[parsed.problem]})`);
      return;
    }
    setError(null);
    onChange(parsed.value);
  };
  return (
    <div className="control">
      <label htmlFor={id}>{name}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
        data-testid={testId}
      />
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
