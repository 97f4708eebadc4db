// A matrix as a table of coloured cells with its numbers: readable by eye, by a screen reader and by
// tests alike. It only draws the numbers it is given.
import { memo, useRef } from 'react';
import { useCellFade, type CellFade } from './cellFade';
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
  /**
   * Let the browser fade the cells' colours to these values (cellFade.ts) instead of the figure
   * re-rendering on every animation frame; the numbers show the end values at once. Null: no fade.
   */
  fade?: CellFade | null;
}

/**
 * Memoised: a figure that re-renders on each animation frame (the memory figure's beat clock) only
 * redraws the tables whose values, scale or highlight changed, and of those only the changed cells.
 */
export const MatrixHeatmap = memo(function MatrixHeatmap({
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
  fade,
}: MatrixHeatmapProps) {
  const lim = limit ?? limitOf(values);
  const cols = values[0]?.length ?? 0;
  const table = useRef<HTMLTableElement>(null);
  useCellFade(table, fade);
  // The frame scrolls sideways when the matrix is wider than the screen (styles.css .scroll-frame).
  return (
    <div className="heatmap-frame scroll-frame">
    <table
      ref={table}
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
            {row.map((x, j) => (
              <HeatCell key={j} x={x} limit={lim} digits={digits} masked={causal && j > i} highlighted={j === highlightColumn} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
});

/** One cell; memoised so a moved column highlight or a new value touches only the cells it changes. */
const HeatCell = memo(function HeatCell({ x, limit, digits, masked, highlighted }: { x: number; limit: number; digits: number; masked: boolean; highlighted: boolean }) {
  return (
    <td
      data-value={x}
      data-num={masked ? undefined : ''}
      className={masked ? 'masked' : highlighted ? 'col-highlight' : undefined}
      style={masked ? undefined : { background: divergingColor(x, limit), color: textOn(x, limit) }}
    >
      {masked ? '' : formatNumber(x, digits)}
    </td>
  );
});

/** Figures mark numeric text with data-num (presenter mode sizes it; e2e/presenter.spec.ts measures it). */
function numericLabel(label: string): '' | undefined {
  return /^[−-]?\d/.test(label) ? '' : undefined;
}
