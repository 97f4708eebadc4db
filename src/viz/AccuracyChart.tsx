// Accuracy against difficulty, one line per model (the trained models' results from their manifest).
// It draws the numbers it is given; the table beside it in the page carries the same numbers for
// screen readers. A highlighted series is drawn last and thicker; `live` marks one extra point (the
// learner's own sequence) as a hollow diamond.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from './format';
import { uiColor } from './theme';
import { useFitWidth } from './useFitWidth';

export interface AccuracySeries {
  id: string;
  label: string;
  color: string;
  dash?: string;
  points: readonly { x: number; y: number }[];
}

export interface AccuracyChartProps {
  series: readonly AccuracySeries[];
  highlight?: string;
  live?: { x: number; y: number; label: string } | null;
  chance?: number;
  xLabel: string;
  yLabel: string;
  label: string;
  testId?: string;
  width?: number;
  height?: number;
}

const M = { top: 14, right: 14, bottom: 40, left: 48 };

export function AccuracyChart({ series, highlight, live, chance, xLabel, yLabel, label, testId, width: naturalWidth = 460, height = 260 }: AccuracyChartProps) {
  const [svgRef, width, drawn] = useFitWidth<SVGSVGElement>(naturalWidth);
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const x = scaleLinear()
    .domain([Math.min(...xs, live?.x ?? Infinity), Math.max(...xs, live?.x ?? -Infinity)])
    .range([M.left, width - M.right]);
  const y = scaleLinear().domain([0, 1]).range([height - M.bottom, M.top]);
  const path = line<{ x: number; y: number }>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const ordered = [...series].sort((a, b) => Number(a.id === highlight) - Number(b.id === highlight));
  const ticks = [...new Set(xs)].sort((a, b) => a - b);
  return (
    <svg ref={svgRef} className="accuracy-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid={testId}>
      {drawn && (
        <>
          {[0, 0.25, 0.5, 0.75, 1].map((v) => (
            <g key={v}>
              <line x1={M.left} x2={width - M.right} y1={y(v)} y2={y(v)} stroke={uiColor.gridLine} />
              <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end" fontSize={11}>
                {formatNumber(v, 2)}
              </text>
            </g>
          ))}
          {ticks.map((v) => (
            <text key={v} x={x(v)} y={height - M.bottom + 16} textAnchor="middle" fontSize={11}>
              {v}
            </text>
          ))}
          <text x={(M.left + width - M.right) / 2} y={height - 6} textAnchor="middle" fontSize={12}>
            {xLabel}
          </text>
          <text transform={`translate(12 ${(M.top + height - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={12}>
            {yLabel}
          </text>
          {chance !== undefined && <line x1={M.left} x2={width - M.right} y1={y(chance)} y2={y(chance)} stroke={uiColor.reference} strokeDasharray="2 4" />}
          {ordered.map((s) => {
            const on = s.id === highlight;
            return (
              <g key={s.id} data-series={s.id} opacity={highlight && !on ? 0.45 : 1}>
                <path d={path(s.points as { x: number; y: number }[]) ?? ''} fill="none" stroke={s.color} strokeWidth={on ? 3.5 : 1.8} strokeDasharray={s.dash} />
                {s.points.map((p) => (
                  <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={on ? 4 : 2.8} fill={s.color} />
                ))}
              </g>
            );
          })}
          {live && (
            <g data-testid={testId ? `${testId}-live` : undefined}>
              <path d={`M${x(live.x)},${y(live.y) - 7} l7,7 l-7,7 l-7,-7 Z`} fill={uiColor.panel} stroke={uiColor.fg} strokeWidth={2} />
              {/* Near the right edge the label goes to the left of the mark, so it is never clipped. */}
              <text
                x={x(live.x) > width * 0.7 ? x(live.x) - 10 : x(live.x) + 10}
                y={y(live.y) + (live.y > 0.9 ? 14 : 0)}
                dy="0.32em"
                textAnchor={x(live.x) > width * 0.7 ? 'end' : 'start'}
                fontSize={11}
              >
                {live.label}
              </text>
            </g>
          )}
    
        </>
      )}
    </svg>
  );
}
