// Edit q_t, k_t, v_t of the step under the cursor. Lives inside the figure so it follows the cursor.
import type { Case } from '../../core/cases';
import { useTimeCursor } from '../../viz';
import { VectorEditor } from '../components/Controls';
import { figureStrings } from '../components/figure.strings';
import { useLocalized } from '../i18n/define';
import { fill } from '../i18n';

type AttentionCase = Extract<Case, { q: number[][]; k: number[][]; v: number[][] }>;

export interface StepInputEditorProps<C extends AttentionCase> {
  input: C;
  onChange: (next: C) => void;
}

function withRow(rows: number[][], t: number, row: number[]): number[][] {
  return rows.map((r, i) => (i === t ? row : r));
}

export function StepInputEditor<C extends AttentionCase>({ input, onChange }: StepInputEditorProps<C>) {
  const fig = useLocalized(figureStrings);
  const cursor = useTimeCursor();
  const step = Math.max(0, cursor.shown);
  const sub = (name: string) => `${name}${toSubscript(step + 1)}`;
  return (
    <fieldset className="editor-grid" data-testid="step-editor" data-step={step}>
      <legend>
        {fig.editInputs} · {fill(fig.playback.stepOf, { t: step + 1, T: input.q.length })}
      </legend>
      <VectorEditor name={sub('q')} value={input.q[step]} onChange={(q) => onChange({ ...input, q: withRow(input.q, step, q) })} testId="edit-q" />
      <VectorEditor name={sub('k')} value={input.k[step]} onChange={(k) => onChange({ ...input, k: withRow(input.k, step, k) })} testId="edit-k" />
      <VectorEditor name={sub('v')} value={input.v[step]} onChange={(v) => onChange({ ...input, v: withRow(input.v, step, v) })} testId="edit-v" />
    </fieldset>
  );
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
export function toSubscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUBSCRIPTS[Number(d)])
    .join('');
}
