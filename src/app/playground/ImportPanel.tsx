// Load a JSON file — chosen or dropped — as a trace to play or a case to run. A bad file gets one
// clear sentence; nothing else on the page changes.
import { useId, useState, type DragEvent } from 'react';
import type { Case } from '../../core/cases';
import type { CliTrace } from '../../trace/trace';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { MAX_IMPORT_BYTES, readImport } from './importFile';
import { playgroundStrings } from './playground.strings';
import { problemText } from './problemText';

export interface ImportPanelProps {
  onCase: (c: Case, name: string) => void;
  onTrace: (trace: CliTrace, name: string) => void;
}

type Message = { kind: 'ok' | 'error'; text: string } | null;

export function ImportPanel({ onCase, onTrace }: ImportPanelProps) {
  const ui = useLocalized(playgroundStrings);
  const id = useId();
  const [message, setMessage] = useState<Message>(null);
  const [over, setOver] = useState(false);

  const load = async (file: File) => {
    const name = file.name.length > 60 ? `${file.name.slice(0, 60)}…` : file.name;
    const fail = (reason: string) => setMessage({ kind: 'error', text: fill(ui.import.failed, { name, reason }) });
    if (file.size > MAX_IMPORT_BYTES) return fail(problemText({ code: 'too-large', bytes: file.size }, ui));
    let text: string;
    try {
      text = await file.text();
    } catch {
      return fail(ui.import.unreadable);
    }
    const result = readImport(text, file.size);
    if (!result.ok) return fail(problemText(result.problem, ui));
    setMessage({ kind: 'ok', text: fill(ui.import.loaded, { name }) });
    if (result.value.kind === 'case') onCase(result.value.case, name);
    else onTrace(result.value.trace, name);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void load(file);
  };

  return (
    <section className="pg-import" aria-labelledby={`${id}-heading`} data-testid="pg-import">
      <h2 id={`${id}-heading`}>{ui.import.heading}</h2>
      <p className="muted small-note">{ui.import.help}</p>
      <div
        className={over ? 'pg-drop over' : 'pg-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="pg-drop"
      >
        <label htmlFor={id} className="pg-file-button">
          {ui.import.choose}
        </label>{' '}
        <input
          id={id}
          className="pg-file-input"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // choosing the same file again loads it again
            if (file) void load(file);
          }}
          data-testid="pg-file"
        />{' '}
        <span className="muted">{ui.import.drop}</span>
      </div>
      {message?.kind === 'error' && (
        <p className="error" role="alert" data-testid="pg-import-error">
          {message.text}
        </p>
      )}
      {message?.kind === 'ok' && (
        <p className="muted" role="status" data-testid="pg-import-ok">
          {message.text}
        </p>
      )}
    </section>
  );
}
