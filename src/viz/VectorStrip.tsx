// A vector (q_t, k_t, v_t, o_t, a gate) as a strip of coloured cells with their numbers, framed in
// its symbol's colour so it matches the formula. Read out as one image: "q_t: 0.12, −0.40, …".
import { memo, type ReactNode } from 'react';
import { valuesText } from './aria';
import { formatNumber } from './format';
import { divergingColor, symbolColor, textOn, type SymbolName } from './theme';
import './viz.css';

export interface VectorStripProps {
  /** The numbers; null draws empty cells of `length` (a value not computed yet, e.g. o_t before the read). */
  values: readonly number[] | null;
  symbol: SymbolName;
  /** Accessible name, e.g. "q_t" or "query at step 3". */
  label: string;
  /** Visible name beside the strip (defaults to `label`); pass a <Formula> for typeset symbols. */
  title?: ReactNode;
  /** Fixed symmetric colour limit for the figure (scales.ts). */
  limit?: number;
  orientation?: 'row' | 'column';
  digits?: number;
  showValues?: boolean;
  /** Cell to emphasise, e.g. the key dimension a query is reading. */
  highlight?: number | null;
  /** Cell count when `values` is null. */
  length?: number;
  /** 0 … 1, for strips that fade in during a beat. */
  opacity?: number;
  /** Text read instead of the numbers when `values` is null. */
  emptyText?: string;
  testId?: string;
}

/** Memoised: the memory figure re-renders on each animation frame, its q, k, v only once per step. */
export const VectorStrip = memo(function VectorStrip({
  values,
  symbol,
  label,
  title,
  limit = 1,
  orientation = 'row',
  digits = 2,
  showValues = true,
  highlight = null,
  length = 0,
  opacity = 1,
  emptyText = '',
  testId,
}: VectorStripProps) {
  const cells = values ?? new Array<number | null>(length).fill(null);
  const color = symbolColor[symbol];
  const spoken = values ? `${label}: ${valuesText(values, digits)}` : `${label}${emptyText ? `: ${emptyText}` : ''}`;
  return (
    <div
      className={`vector-strip vector-${orientation}`}
      data-symbol={symbol}
      data-testid={testId}
      style={{ opacity }}
    >
      <span className="vector-title" style={{ color }} aria-hidden="true">
        {title ?? label}
      </span>
      <span className="vector-cells scroll-frame" role="img" aria-label={spoken} style={{ borderColor: color }}>
        {cells.map((x, i) => (
          <span
            key={i}
            className={i === highlight ? 'vector-cell highlighted' : 'vector-cell'}
            data-index={i}
            data-value={x === null ? undefined : String(x)}
            data-num={x !== null && showValues ? '' : undefined}
            style={x === null ? undefined : { background: divergingColor(x, limit), color: textOn(x, limit), outlineColor: color }}
          >
            {x !== null && showValues ? formatNumber(x, digits) : ''}
          </span>
        ))}
      </span>
    </div>
  );
});
