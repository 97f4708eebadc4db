// Says, in words, where float32 could not follow a figure's numbers (src/core/float32.ts): an input it
// cannot hold, outputs beyond its limit, or a form whose products overflowed while the recurrent view
// holds the answer. Without it the page would show ∞ or NaN and no reason (docs/design.md §2).
import type { Case } from '../../core/cases';
import { valueAt, type Float32Problem } from '../../core/float32';
import type { View } from '../../core/views';
import { fill, useStrings } from '../i18n';
import { runStrings } from './run.strings';
import { useLocalized } from '../i18n/define';

export interface Float32NoticeProps {
  input: Case;
  problems: Partial<Record<View, Float32Problem>>;
  /** The view's name in the page's words ("parallel"). */
  viewName: (view: View) => string;
  testId?: string;
}

export function Float32Notice({ input: inputCase, problems, viewName, testId = 'float32-notice' }: Float32NoticeProps) {
  const { lang } = useStrings();
  const runUi = useLocalized(runStrings);
  const entries = Object.entries(problems) as [View, Float32Problem][];
  if (entries.length === 0) return null;
  const list = (kind: Float32Problem['kind']) => entries.filter(([, p]) => p.kind === kind);
  const names = (of: [View, Float32Problem][]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(of.map(([v]) => viewName(v)));
  const lines: { kind: Float32Problem['kind']; text: string }[] = [];
  const input = list('input')[0]?.[1];
  // An input float32 cannot hold explains everything after it: one sentence, naming it.
  if (input) lines.push({ kind: 'input', text: fill(runUi.float32.input, { field: input.field, value: String(valueAt(inputCase, input.field)) }) });
  else {
    const overflow = list('overflow');
    const form = list('form');
    if (overflow.length) lines.push({ kind: 'overflow', text: fill(runUi.float32.overflow, { views: names(overflow), field: overflow[0][1].field }) });
    if (form.length) lines.push({ kind: 'form', text: fill(runUi.float32.form, { views: names(form) }) });
  }
  return (
    <div className="notice float32-notice" role="status" data-testid={testId} data-kinds={lines.map((l) => l.kind).join(' ')}>
      <strong>{runUi.float32.heading}</strong>
      {lines.map((l) => (
        <p key={l.kind} data-kind={l.kind}>
          {l.text}
        </p>
      ))}
      {input && <p className="muted small-note">{runUi.float32.cells}</p>}
    </div>
  );
}
