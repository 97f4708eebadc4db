// Says, in words, where float32 could not follow a figure's numbers (src/core/float32.ts): an input it
// cannot hold, outputs beyond its limit, or a form whose products overflowed while the recurrent view
// holds the answer. Without it the page would show ∞ or NaN and no reason (docs/design.md §2).
import type { Case } from '../../core/cases';
import { valueAt, type Float32Problem } from '../../core/float32';
import type { View } from '../../core/views';
import { fill, useStrings } from '../i18n';

export interface Float32NoticeProps {
  input: Case;
  problems: Partial<Record<View, Float32Problem>>;
  /** The view's name in the page's words ("parallel"). */
  viewName: (view: View) => string;
  testId?: string;
}

export function Float32Notice({ input, problems, viewName, testId = 'float32-notice' }: Float32NoticeProps) {
  const { t } = useStrings();
  const entries = Object.entries(problems) as [View, Float32Problem][];
  if (entries.length === 0) return null;
  const inputProblem = entries.find(([, p]) => p.kind === 'input')?.[1];
  const lines: { kind: Float32Problem['kind']; text: string }[] = inputProblem
    ? [{ kind: 'input', text: fill(t.float32.input, { field: inputProblem.field, value: String(valueAt(input, inputProblem.field)) }) }]
    : entries.map(([view, p]) => ({ kind: p.kind, text: fill(p.kind === 'form' ? t.float32.form : t.float32.overflow, { view: viewName(view), field: p.field }) }));
  const showsInfinity = lines.some((l) => l.kind !== 'form');
  return (
    <div className="notice float32-notice" role="status" data-testid={testId} data-kinds={[...new Set(lines.map((l) => l.kind))].join(' ')}>
      <strong>{t.float32.heading}</strong>
      {lines.map((l, i) => (
        <p key={i} data-kind={l.kind}>
          {l.text}
        </p>
      ))}
      {showsInfinity && <p className="muted small-note">{t.float32.cells}</p>}
    </div>
  );
}
