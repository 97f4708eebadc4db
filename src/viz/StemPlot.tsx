// A short sequence (a convolution kernel K_k, an input x_k) as signed bars over k = 0 … L−1, with its
// numbers exposed for readers and tests. It draws the numbers it is given.
import type { ReactNode } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { valuesText } from './aria';
import { formatNumber } from './format';
import { symbolColor, type SymbolName } from './theme';
import { tickStride, useFitWidth } from './useFitWidth';
import './ssm.css';

export interface StemPlotProps {
  values: readonly number[];
  /** Fixed symmetric limit (no jumping when a slider moves). */
  limit: number;
  symbol: SymbolName;
  /** Accessible name, e.g. "kernel K". */
  label: string;
  /** Visible title (may hold a <Formula>). */
  title?: ReactNode;
  /** Index labels under the bars (default 0, 1, …). */
  indexLabel?: (k: number) => string;
  /** A bar to emphasise. */
  highlight?: number | null;
  width?: number;
  height?: number;
  testId?: string;
}

export function StemPlot({ values, limit, symbol, label, title, indexLabel = String, highlight = null, width: naturalWidth = 520, height = 150, testId }: StemPlotProps) {
  const [svgRef, width, drawn] = useFitWidth<SVGSVGElement>(naturalWidth);
  const pad = { left: 36, right: 6, top: 8, bottom: 20 };
  const lim = limit > 0 ? limit : 1;
  const x = scaleBand<number>().domain(values.map((_, k) => k)).range([pad.left, width - pad.right]).padding(0.25);
  const y = scaleLinear().domain([-lim, lim]).range([height - pad.bottom, pad.top]).clamp(true);
  const color = symbolColor[symbol];
  // Index labels need about 20 px each: on a narrow plot only every k-th is written.
  const stride = tickStride(x.step(), 20);
  return (
    <figure className="stem-plot" data-testid={testId} style={{ borderColor: color }}>
      {title && <figcaption className="stem-title" style={{ color }}>{title}</figcaption>}
      <svg ref={svgRef} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${valuesText(values)}`}>
        {drawn && (
          <>
            <line className="ssm-axis" x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} />
            {[-lim, lim].map((v) => (
              <text key={v} className="ssm-tick" x={pad.left - 4} y={y(v) + 4} textAnchor="end">
                {formatNumber(v, 1)}
              </text>
            ))}
            {values.map((v, k) => {
              const top = Math.min(y(v), y(0));
              const h = Math.abs(y(v) - y(0));
              return (
                <g key={k} className={k === highlight ? 'stem highlighted' : 'stem'}>
                  <rect x={x(k)} y={top} width={x.bandwidth()} height={Math.max(h, 0.5)} fill={color} data-index={k} data-value={String(v)} />
                  {k % stride === 0 && (
                    <text className="ssm-tick" x={(x(k) ?? 0) + x.bandwidth() / 2} y={height - 6} textAnchor="middle">
                      {indexLabel(k)}
                    </text>
                  )}
                </g>
              );
            })}
      
          </>
        )}
      </svg>
    </figure>
  );
}
