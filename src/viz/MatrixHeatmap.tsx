// A matrix as a table of coloured cells with its numbers: readable by eye, by a screen reader and by
// tests alike. It only draws the numbers it is given.
import { divergingColor, symbolColor, textOn, type SymbolName } from './theme';
import { formatNumber } from './format';
import { limitOf } from './scales';
import './viz.css';
import type { Mat } from '../core/linalg';

export interface MatrixHeatmapProps {
  values: Mat;
  caption: string;
  /** Symmetric colour limit; fixed per figure so colours do not jump. Defaults to max |value|. */
  limit?: number;
  digits?: number;
  rowLabel?: (i: number) => string;
  colLabel?: (j: number) => string;
  /** Cells above the diagonal are masked out (causal). */
  causal?: boolean;
  testId?: string;
  /** A column to emphasise, e.g. the key dimension a query is reading. */
  highlightColumn?: number | null;
  /** A row to emphasise, e.g. the output o_t of the cursor's step. */
  highlightRow?: number | null;
  /** Frame the matrix in a symbol's colour (S, the write term, the erase term). */
  frame?: SymbolName;
  /** Axis titles shown over the row and column numbers, e.g. "i (value channel)", "j (key dimension)". */
  rowAxis?: string;
  colAxis?: string;
}

export function MatrixHeatmap({
  values,
  caption,
  limit,
  digits = 2,
  rowLabel = (i) => String(i + 1),
  colLabel = (j) => String(j + 1),
  causal = false,
  testId,
  highlightColumn = null,
  highlightRow = null,
  frame,
  rowAxis,
  colAxis,
}: MatrixHeatmapProps) {
  const lim = limit ?? limitOf(values);
  const cols = values[0]?.length ?? 0;
  // The frame scrolls sideways when the matrix is wider than the screen (styles.css .scroll-frame).
  return (
    <div className="heatmap-frame scroll-frame">
    <table
      className={frame ? 'heatmap framed' : 'heatmap'}
      data-testid={testId}
      style={frame ? { outlineColor: symbolColor[frame] } : undefined}
    >
      <caption>{caption}</caption>
      <thead>
        {colAxis && (
          // The caption names the axes for screen readers; these titles are for the eye.
          <tr className="heatmap-axis" aria-hidden="true">
            <th />
            <th colSpan={cols} className="heatmap-col-axis">
              {colAxis} →
            </th>
          </tr>
        )}
        <tr>
          <th scope="col" aria-hidden="true" className={rowAxis ? 'heatmap-row-axis' : undefined}>
            {rowAxis && `${rowAxis} ↓`}
          </th>
          {Array.from({ length: cols }, (_, j) => (
            <th key={j} scope="col" data-num={numericLabel(colLabel(j))}>
              {colLabel(j)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {values.map((row, i) => (
          <tr key={i} className={i === highlightRow ? 'row-highlight' : undefined} data-active={i === highlightRow || undefined}>
            <th scope="row" data-num={numericLabel(rowLabel(i))}>
              {rowLabel(i)}
            </th>
            {row.map((x, j) => {
              const masked = causal && j > i;
              return (
                <td
                  key={j}
                  data-value={x}
                  data-num={masked ? undefined : ''}
                  className={masked ? 'masked' : j === highlightColumn ? 'col-highlight' : undefined}
                  style={masked ? undefined : { background: divergingColor(x, lim), color: textOn(x, lim) }}
                >
                  {masked ? '' : formatNumber(x, digits)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

/** Figures mark numeric text with data-num (presenter mode sizes it; e2e/presenter.spec.ts measures it). */
function numericLabel(label: string): '' | undefined {
  return /^[−-]?\d/.test(label) ? '' : undefined;
}
