// A log–log plot of a few series (measured points, optionally joined) and guides (theory curves,
// dashed). On log–log axes a cost ∝ T^p is a straight line of slope p, which is the whole point.
// It draws the numbers it is given; the caller supplies domains, ticks and words. React owns the SVG;
// d3 only supplies the scales.
import { scaleLog } from 'd3-scale';
import { symbolColor, type SymbolName } from './theme';
import { useFitWidth } from './useFitWidth';
import './LogLogPlot.css';

export interface PlotPoint {
  x: number;
  y: number;
  /** Marker: a filled circle or an open square (e.g. which backend computed the point). */
  shape?: 'circle' | 'square';
  /** Hover text and accessible name of the point. */
  title: string;
  /** data-* attributes for tests and tools (keys without the data- prefix). */
  data?: Record<string, string | number>;
}

export interface PlotSeries {
  id: string;
  label: string;
  color: SymbolName;
  points: PlotPoint[];
  /** Join the points (default solid); guides are always dashed. */
  line?: 'solid' | 'none';
}

export interface PlotGuide {
  id: string;
  label: string;
  color: SymbolName;
  points: { x: number; y: number }[];
}

export interface LogLogPlotProps {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: number[];
  yTicks: number[];
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  series: PlotSeries[];
  guides?: PlotGuide[];
  width?: number;
  height?: number;
  testId?: string;
  /** data-testid of every point marker. */
  pointTestId?: string;
}

const MARGIN = { top: 12, right: 16, bottom: 46, left: 70 };

export function LogLogPlot({
  title,
  xLabel,
  yLabel,
  xDomain,
  yDomain,
  xTicks,
  yTicks,
  formatX,
  formatY,
  series,
  guides = [],
  width: naturalWidth = 480,
  height = 320,
  testId,
  pointTestId = 'plot-point',
}: LogLogPlotProps) {
  const [svgRef, width, drawn] = useFitWidth<SVGSVGElement>(naturalWidth);
  const x = scaleLog().domain(xDomain).range([MARGIN.left, width - MARGIN.right]).clamp(true);
  const y = scaleLog().domain(yDomain).range([height - MARGIN.bottom, MARGIN.top]).clamp(true);
  const path = (pts: { x: number; y: number }[]): string =>
    pts
      .filter((p) => p.x > 0 && p.y > 0)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`)
      .join('');
  return (
    <figure className="loglog" data-testid={testId}>
      <figcaption className="loglog-title">{title}</figcaption>
      <svg ref={svgRef} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="loglog-svg">
        {drawn && (
          <>
            <g className="loglog-grid" aria-hidden="true">
              {xTicks.map((t) => (
                <g key={`x${t}`}>
                  <line x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
                  <text x={x(t)} y={height - MARGIN.bottom + 16} textAnchor="middle">
                    {formatX(t)}
                  </text>
                </g>
              ))}
              {yTicks.map((t) => (
                <g key={`y${t}`}>
                  <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
                  <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end">
                    {formatY(t)}
                  </text>
                </g>
              ))}
              <text className="loglog-axis-label" x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 8} textAnchor="middle">
                {xLabel}
              </text>
              <text
                className="loglog-axis-label"
                transform={`translate(14, ${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
              >
                {yLabel}
              </text>
            </g>
            {guides.map((g) => (
              <path key={g.id} d={path(g.points)} className="loglog-guide" stroke={symbolColor[g.color]} data-guide={g.id} />
            ))}
            {series.map((s) => (
              <g key={s.id} data-series={s.id}>
                {s.line !== 'none' && <path d={path(s.points)} className="loglog-line" stroke={symbolColor[s.color]} />}
                {s.points.map((p, i) => {
                  const cx = x(p.x);
                  const cy = y(p.y);
                  const color = symbolColor[s.color];
                  const data = Object.fromEntries(Object.entries(p.data ?? {}).map(([k, v]) => [`data-${k}`, String(v)]));
                  return (
                    <g key={i} data-testid={pointTestId} {...data}>
                      <title>{p.title}</title>
                      {p.shape === 'square' ? (
                        <rect x={cx - 4.5} y={cy - 4.5} width={9} height={9} fill="var(--panel)" stroke={color} strokeWidth={2} />
                      ) : (
                        <circle cx={cx} cy={cy} r={5} fill={color} stroke="var(--panel)" strokeWidth={1} />
                      )}
                    </g>
                  );
                })}
              </g>
            ))}
      
          </>
        )}
      </svg>
      <div className="loglog-legend">
        {series.map((s) => (
          <span key={s.id} className="loglog-key">
            <svg width="28" height="12" aria-hidden="true">
              <line x1="0" x2="28" y1="6" y2="6" stroke={symbolColor[s.color]} strokeWidth={2.5} />
            </svg>
            {s.label}
          </span>
        ))}
        {guides.map((g) => (
          <span key={g.id} className="loglog-key">
            <svg width="28" height="12" aria-hidden="true">
              <line x1="0" x2="28" y1="6" y2="6" stroke={symbolColor[g.color]} strokeWidth={2} strokeDasharray="5 4" />
            </svg>
            {g.label}
          </span>
        ))}
      </div>
    </figure>
  );
}
