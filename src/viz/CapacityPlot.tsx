// Curves of one number against n (chapter 4: recall error vs how many pairs are stored). It draws the
// values it is given — one per n = 1, 2, … — and never computes them. The y axis is fixed so the
// picture does not jump while live values arrive; values above it sit on the top edge as ↑ marks.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from './format';
import { tickStride, useFitWidth } from './useFitWidth';
import './CapacityPlot.css';

import { uiColor, type CurveMarker } from './theme';

export type { CurveMarker };

export interface CurveSeries {
  id: string;
  label: string;
  color: string;
  marker: CurveMarker;
  /** SVG stroke-dasharray for the line ('' = solid). */
  dash?: string;
  /** values[i] is the value at n = i + 1. */
  values: readonly number[];
  /** Per point: where the value came from (e.g. 'webgpu', 'reference'); written to data-source. */
  sources?: readonly string[];
}

export interface CapacityPlotProps {
  series: readonly CurveSeries[];
  /** Top of the y axis; fixed per figure. */
  yMax: number;
  xLabel: string;
  yLabel: string;
  /** A vertical marker such as n = d_k. */
  mark?: { x: number; label: string };
  /** A horizontal reference line such as "an empty memory scores 1". */
  reference?: { y: number; label: string };
  /** The n the rest of the figure shows. */
  selectedX?: number;
  onSelectX?: (x: number) => void;
  /** Accessible name of the picture (the numbers are in the table beside it). */
  label: string;
  testId?: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 26, right: 16, bottom: 44, left: 52 };

function Marker({ kind, x, y, color, size = 4.5 }: { kind: CurveMarker; x: number; y: number; color: string; size?: number }) {
  switch (kind) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} fill={uiColor.panel} stroke={color} strokeWidth={2} />;
    case 'square':
      return <rect x={x - size} y={y - size} width={2 * size} height={2 * size} fill={color} stroke={color} />;
    case 'triangle':
      return <path d={`M${x},${y - size * 1.2} L${x + size * 1.1},${y + size * 0.8} L${x - size * 1.1},${y + size * 0.8} Z`} fill={color} stroke={color} />;
  }
}

/** A value above the axis: an arrow pointing up out of the plot, on the top edge. */
function ClippedMark({ x, y, color }: { x: number; y: number; color: string }) {
  return <path d={`M${x - 4},${y + 5} L${x},${y} L${x + 4},${y + 5} M${x},${y} L${x},${y + 9}`} fill="none" stroke={color} strokeWidth={2} strokeLinecap="round" />;
}

/** Rough width of a label at the plot's 11 px type: wide glyphs (CJK) count double. */
function textWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 11 : 6.2), 0);
}

/**
 * Where the reference line's label goes: at either end of the line or beside the vertical marks,
 * above or below the line, the first spot whose box no point marker and no vertical mark (the d_k
 * line) touches (fewest touches if none is free), so nothing covers its words.
 */
export function referenceLabelSpot(
  points: readonly { x: number; y: number }[],
  lineY: number,
  text: string,
  plot: { left: number; right: number },
  verticals: readonly number[] = [],
): { x: number; y: number; anchor: 'start' | 'end'; box: { left: number; top: number; right: number; bottom: number } } {
  const w = textWidth(text);
  const reach = 6; // a marker's half size plus a little air
  const xs: { x: number; anchor: 'start' | 'end' }[] = [
    { x: plot.left + 6, anchor: 'start' },
    { x: plot.right - 6, anchor: 'end' },
    ...verticals.flatMap((v) => [
      { x: v + 6, anchor: 'start' as const },
      { x: v - 6, anchor: 'end' as const },
    ]),
    // Then anywhere along the line, in steps of about a label's tenth.
    ...Array.from({ length: 19 }, (_, i) => ({ x: plot.left + 6 + ((i + 1) * (plot.right - plot.left - 12)) / 20, anchor: 'start' as const })),
  ];
  const spots = xs
    .flatMap((s) => [
      { ...s, y: lineY - 5 },
      { ...s, y: lineY + 14 },
    ])
    .map((s) => {
      const left = s.anchor === 'start' ? s.x : s.x - w;
      const box = { left, top: s.y - 9, right: left + w, bottom: s.y + 2 };
      const inside = box.left >= plot.left && box.right <= plot.right;
      const hits =
        points.filter((p) => p.x + reach > box.left && p.x - reach < box.right && p.y + reach > box.top && p.y - reach < box.bottom).length +
        // A line through the words hides more of them than a marker at their edge.
        3 * verticals.filter((v) => v + 2 > box.left && v - 2 < box.right).length +
        (inside ? 0 : 1000);
      return { ...s, box, hits };
    });
  const best = spots.reduce((a, b) => (b.hits < a.hits ? b : a));
  return { x: best.x, y: best.y, anchor: best.anchor, box: best.box };
}

/** A small marker for legends outside the SVG. */
export function MarkerSwatch({ kind, color, dash = '' }: { kind: CurveMarker; color: string; dash?: string }) {
  return (
    <svg width={34} height={14} aria-hidden="true" className="curve-swatch">
      <line x1={2} x2={32} y1={7} y2={7} stroke={color} strokeWidth={2} strokeDasharray={dash} />
      <Marker kind={kind} x={17} y={7} color={color} size={4} />
    </svg>
  );
}

export function CapacityPlot({
  series,
  yMax,
  xLabel,
  yLabel,
  mark,
  reference,
  selectedX,
  onSelectX,
  label,
  testId = 'capacity-plot',
  width: naturalWidth = 640,
  height = 300,
}: CapacityPlotProps) {
  const [svgRef, width, drawn] = useFitWidth<SVGSVGElement>(naturalWidth);
  const count = Math.max(0, ...series.map((s) => s.values.length));
  const x = scaleLinear().domain([0.5, count + 0.5]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain([0, yMax]).range([height - MARGIN.bottom, MARGIN.top]);
  const yOf = (v: number) => y(Math.min(Math.max(v, 0), yMax));
  const path = line<number>()
    .x((_, i) => x(i + 1))
    .y((v) => yOf(v));
  const band = count > 0 ? x(2) - x(1) : 0;
  // Every second n, or fewer when the plot is narrow (labels need about 24 px each).
  const stride = 2 * tickStride(2 * band, 24);
  const xTicks = Array.from({ length: count }, (_, i) => i + 1).filter((n) => n === 1 || n % stride === 0);
  const points = series.flatMap((s) => s.values.map((v, i) => ({ x: x(i + 1), y: v > yMax ? y(yMax) : yOf(v) })));
  const markX = mark && mark.x >= 0.5 && mark.x <= count + 0.5 ? [x(mark.x + 0.5)] : [];
  const refSpot = reference && referenceLabelSpot(points, y(reference.y), reference.label, { left: MARGIN.left, right: width - MARGIN.right }, markX);
  return (
    <svg
      ref={svgRef}
      viewBox={`0 0 ${width} ${height}`}
      className="capacity-plot"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-y-max={yMax}
    >
      {drawn && (
        <>
          <rect x={MARGIN.left} y={MARGIN.top} width={width - MARGIN.left - MARGIN.right} height={height - MARGIN.top - MARGIN.bottom} className="plot-bg" />
          {y.ticks(5).map((t) => (
            <g key={`y${t}`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} className="plot-grid" />
              <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="plot-tick">
                {formatNumber(t, 1)}
              </text>
            </g>
          ))}
          {xTicks.map((n) => (
            <text key={`x${n}`} x={x(n)} y={height - MARGIN.bottom + 16} textAnchor="middle" className="plot-tick">
              {n}
            </text>
          ))}
          <text x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 6} textAnchor="middle" className="plot-axis-label">
            {xLabel}
          </text>
          <text transform={`translate(14 ${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="plot-axis-label">
            {yLabel}
          </text>
          {selectedX !== undefined && selectedX >= 1 && selectedX <= count && (
            <rect x={x(selectedX) - band / 2} y={MARGIN.top} width={band} height={height - MARGIN.top - MARGIN.bottom} className="plot-selected" data-testid={`${testId}-selected`} data-x={selectedX} />
          )}
          {reference && (
            <g className="plot-reference">
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(reference.y)} y2={y(reference.y)} />
            </g>
          )}
          {mark && mark.x >= 0.5 && mark.x <= count + 0.5 && (
            <g className="plot-mark" data-testid={`${testId}-mark`} data-x={mark.x}>
              <line x1={x(mark.x + 0.5)} x2={x(mark.x + 0.5)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
              <text x={x(mark.x + 0.5)} y={MARGIN.top - 8} textAnchor="middle">
                {mark.label}
              </text>
            </g>
          )}
          {series.map((s) => (
            <g key={s.id} data-series={s.id}>
              <path d={path([...s.values]) ?? ''} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dash ?? ''} />
              {s.values.map((v, i) => {
                const clipped = v > yMax;
                return (
                  <g key={i} className="plot-point" data-x={i + 1} data-value={v} data-clipped={clipped || undefined} data-source={s.sources?.[i]}>
                    {clipped ? <ClippedMark x={x(i + 1)} y={y(yMax)} color={s.color} /> : <Marker kind={s.marker} x={x(i + 1)} y={yOf(v)} color={s.color} />}
                  </g>
                );
              })}
            </g>
          ))}
          {reference && refSpot && (
            // After the points, and where none of them is, so no marker covers the words.
            <text x={refSpot.x} y={refSpot.y} textAnchor={refSpot.anchor} className="plot-reference-label" data-testid={`${testId}-reference`}>
              {reference.label}
            </text>
          )}
          {onSelectX &&
            Array.from({ length: count }, (_, i) => (
              <rect
                key={`hit${i}`}
                x={x(i + 1) - band / 2}
                y={MARGIN.top}
                width={band}
                height={height - MARGIN.top - MARGIN.bottom}
                className="plot-hit"
                aria-hidden="true"
                onClick={() => onSelectX(i + 1)}
              />
            ))}
    
        </>
      )}
    </svg>
  );
}
