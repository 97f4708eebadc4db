// Typed inputs: a case as JSON (the `trace` command's input format), checked by the core's parseCase
// and the playground's sizes. A bad case shows the field and the problem; the figure keeps running.
import { useId, useState } from 'react';
import type { Case } from '../../core/cases';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { problemText } from './problemText';
import { playgroundStrings } from './playground.strings';
import { parseJson, readCase } from './importFile';

/** Cases with more numbers than this are not copied into the box (it would be megabytes of text). */
const EDITABLE_NUMBERS = 4096;

export interface CaseEditorProps {
  current: Case;
  onRun: (c: Case) => void;
}

const countNumbers = (c: Case): number =>
  Object.values(c).reduce<number>((n, x) => n + (Array.isArray(x) ? x.flat().length : typeof x === 'number' ? 1 : 0), 0);

/** Rows on their own lines, numbers rounded to 4 decimals: readable and still exact enough to play with. */
export function caseText(c: Case): string {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const value = (x: unknown): string => {
    if (typeof x === 'number') return String(round(x));
    if (Array.isArray(x)) return Array.isArray(x[0]) ? `[\n    ${x.map(value).join(',\n    ')}\n  ]` : `[${x.map(value).join(', ')}]`;
    return JSON.stringify(x);
  };
  return `{\n${Object.entries(c)
    .map(([k, x]) => `  ${JSON.stringify(k)}: ${value(x)}`)
    .join(',\n')}\n}`;
}

export function CaseEditor({ current, onRun }: CaseEditorProps) {
  const ui = useLocalized(playgroundStrings);
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    const parsed = parseJson(text);
    const result = parsed.ok ? readCase(parsed.json) : parsed;
    if (!result.ok) {
      setError(fill(ui.custom.invalid, { message: problemText(result.problem, ui) }));
      return;
    }
    setError(null);
    onRun(result.case);
  };
  const fillCurrent = () => {
    const n = countNumbers(current);
    if (n > EDITABLE_NUMBERS) setError(fill(ui.custom.tooBig, { n: String(n) }));
    else {
      setError(null);
      setText(caseText(current));
    }
  };
  return (
    <details className="pg-custom" data-testid="pg-custom">
      <summary>{ui.custom.summary}</summary>
      <p className="muted small-note">{ui.custom.help}</p>
      <label htmlFor={id}>{ui.custom.label}</label>
      <textarea
        id={id}
        rows={10}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid="pg-case-json"
      />
      <div className="pg-row">
        <button type="button" className="primary-action" onClick={run} data-testid="pg-case-run">
          {ui.custom.run}
        </button>
        <button type="button" onClick={fillCurrent} data-testid="pg-case-fill">
          {ui.custom.fill}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="error" role="alert" data-testid="pg-case-error">
          {error}
        </p>
      )}
    </details>
  );
}
