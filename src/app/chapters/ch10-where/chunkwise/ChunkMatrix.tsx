// The parallel form's T × T weights cut at the chunk boundaries. Each chunk's diagonal block is framed
// (the chunkwise form builds it, in parallel inside the chunk); the blocks left of it are hatched in
// the memory's colour (the chunkwise form never builds them: a chunk reads their sum through the
// carried S); above the diagonal the causal mask. The inspected chunk's frame is drawn heavier.
// It draws the numbers it is given (the parallel view's M) and nothing else.
import { useId } from 'react';
import type { Mat } from '../../../../core/linalg';
import { formatNumber } from '../../../../viz/format';
import { divergingColor, symbolColor, uiColor } from '../../../../viz/theme';
import { colorToken } from '../../../../viz/tokens';
import { chunkCount, chunkOf, chunkSpan } from './presets';

export interface ChunkMatrixProps {
  T: number;
  C: number;
  /** The inspected chunk, 0-based. */
  selected: number;
  /** The parallel view's weights, or null (then the cells stay neutral). */
  M: Mat | null;
  limit: number;
  label: string;
  rowAxis: string;
  colAxis: string;
  onSelect?: (chunk: number) => void;
}

// Sized so that on a 360 px phone (drawn at about 0.87×) every label stays at least 11 px tall.
const CELL = 36;
const LEFT = 46;
const TOP = 40;

export function ChunkMatrix({ T, C, selected, M, limit, label, rowAxis, colAxis, onSelect }: ChunkMatrixProps) {
  const hatch = useId().replace(/:/g, '');
  const n = chunkCount(T, C);
  const size = T * CELL;
  const width = LEFT + size + 8;
  const height = TOP + size + 8;
  const x = (s: number) => LEFT + s * CELL;
  const y = (t: number) => TOP + t * CELL;
  const cells = [];
  for (let t = 0; t < T; t++)
    for (let s = 0; s < T; s++) {
      const masked = s > t;
      const carried = !masked && chunkOf(s, C) < chunkOf(t, C);
      const value = M?.[t]?.[s];
      const fill = masked ? uiColor.maskLight : value === undefined ? colorToken('--panel') : divergingColor(value, limit);
      cells.push(
        <g key={`${t}-${s}`} data-cell={`${t},${s}`} data-carried={carried || undefined}>
          <rect x={x(s)} y={y(t)} width={CELL} height={CELL} fill={fill} stroke={uiColor.grid} strokeWidth={1} opacity={carried ? 0.55 : 1} />
          {carried && <rect x={x(s)} y={y(t)} width={CELL} height={CELL} fill={`url(#${hatch})`} />}
          {!masked && value !== undefined && T <= 10 && (
            <text x={x(s) + CELL / 2} y={y(t) + CELL / 2 + 4.5} textAnchor="middle" className="chunk-cell-number" aria-hidden="true">
              {formatNumber(value, 1)}
            </text>
          )}
        </g>,
      );
    }
  const blocks = Array.from({ length: n }, (_, b) => {
    const { start, end } = chunkSpan(b, C, T);
    const on = b === selected;
    return (
      <rect
        key={b}
        data-testid="chunk-boundary"
        data-chunk={b + 1}
        data-start={start + 1}
        data-end={end}
        x={x(start)}
        y={y(start)}
        width={(end - start) * CELL}
        height={(end - start) * CELL}
        fill="none"
        stroke={on ? symbolColor.q : symbolColor.S}
        strokeWidth={on ? 4 : 2}
        className="chunk-block"
        onClick={onSelect ? () => onSelect(b) : undefined}
      />
    );
  });
  const sel = chunkSpan(selected, C, T);
  return (
    <svg className="chunk-matrix" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="chunk-matrix" data-chunks={n} data-c={C}>
      <defs>
        <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1={0} y1={0} x2={0} y2={6} stroke={symbolColor.S} strokeWidth={1.5} strokeOpacity={0.55} />
        </pattern>
      </defs>
      <text x={LEFT + size / 2} y={12} textAnchor="middle" className="chunk-axis-label">
        {colAxis} →
      </text>
      {Array.from({ length: T }, (_, s) => (
        <text key={`c${s}`} x={x(s) + CELL / 2} y={TOP - 8} textAnchor="middle" className="chunk-tick">
          {s + 1}
        </text>
      ))}
      <text transform={`translate(12, ${TOP + size / 2}) rotate(-90)`} textAnchor="middle" className="chunk-axis-label">
        {rowAxis} →
      </text>
      {Array.from({ length: T }, (_, t) => (
        <text key={`r${t}`} x={LEFT - 8} y={y(t) + CELL / 2 + 4} textAnchor="end" className="chunk-tick">
          {t + 1}
        </text>
      ))}
      {cells}
      {sel.start > 0 && (
        // The inspected chunk's rows left of its block: what it reads through the carried S.
        <rect
          x={x(0)}
          y={y(sel.start)}
          width={sel.start * CELL}
          height={(sel.end - sel.start) * CELL}
          fill="none"
          stroke={symbolColor.q}
          strokeWidth={2}
          strokeDasharray="5 4"
          data-testid="chunk-carried-region"
        />
      )}
      {blocks}
    </svg>
  );
}
