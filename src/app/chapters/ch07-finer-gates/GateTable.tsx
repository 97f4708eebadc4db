// A table whose rows are choices: one radio button per row (one name, so ↑/↓ move the choice, as
// radios do), and a click anywhere on a row picks it too. Chapter 7 uses it for the gate table.
import { useId, type ReactNode } from 'react';
import '../../figure/gates.css';

export interface ChoiceTableRow<K extends string> {
  id: K;
  /** The row's name (also the radio's label). */
  name: string;
  /** The other cells, in column order. */
  cells: ReactNode[];
}

export interface ChoiceTableProps<K extends string> {
  legend: string;
  caption: string;
  /** Header of the name column, then of each other column. */
  headers: string[];
  rows: ReadonlyArray<ChoiceTableRow<K>>;
  value: K;
  onChange: (id: K) => void;
  testId?: string;
}

export function ChoiceTable<K extends string>({ legend, caption, headers, rows, value, onChange, testId }: ChoiceTableProps<K>) {
  const name = useId();
  return (
    <div className="gate-table-box" data-testid={testId} data-value={value}>
      <fieldset>
        {/* The legend sits outside the sideways scroll: inside it, on a phone, it ran on past the
            screen's edge as wide as the table. The caption stays in view as every frame's does (styles.css). */}
        <legend>{legend}</legend>
        <div className="scroll-frame">
          <table className="gate-table">
            <caption className="gate-table-caption muted">{caption}</caption>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const id = `${name}-${row.id}`;
                const selected = row.id === value;
                return (
                  <tr key={row.id} className={selected ? 'selected' : undefined} data-row={row.id} data-selected={selected} onClick={() => onChange(row.id)}>
                    <th scope="row">
                      <input type="radio" id={id} name={name} value={row.id} checked={selected} onChange={() => onChange(row.id)} />
                      <label htmlFor={id}>{row.name}</label>
                    </th>
                    {row.cells.map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>
    </div>
  );
}
