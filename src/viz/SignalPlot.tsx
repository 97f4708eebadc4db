// A continuous signal and the samples a discrete model takes of it (chapter 9): the output curve
// y(τ) of the continuous system, the discrete outputs y_k as dots at their times, and underneath the
// input — the real x(τ) shaded and the held samples (zero-order hold) as a step line. It draws the
// numbers it is given; React owns the SVG, d3 only supplies the scales and the line shapes.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { valuesText } from './aria';
import { symbolColor } from './theme';
import { useFitWidth } from './useFitWidth';
import './ssm.css';

export interface SignalPlotLabels {
  /** Accessible name of the whole plot. */
  title: string;
  /** Legend names. */
  curve: string;
  samples: string;
  input: string;
  held: string;
  /** Axis name, e.g. "time τ". */
  time: string;
  /** Names of the two panels' vertical axes, e.g. "output y" and "input x". */
  yAxis?: string;
  xAxis?: string;
}

export interface SignalPlotProps {
  /** The continuous curve y(τ). */
  curve: { tau: readonly number[]; y: readonly number[] };
  /** The discrete outputs y_k at their times. */
  samples: { tau: readonly number[]; y: readonly number[] };
  /** The real input x(τ) on the curve's time grid. */
  input: readonly number[];
  /** The held inputs x_k, each held on [kΔ, (k+1)Δ). */
  held: { dt: number; x: readonly number[] };
  /** Fixed limits (no jumping when Δ moves). */
  yLimit: number;
  xLimit: number;
  labels: SignalPlotLabels;
  width?: number;
  testId?: string;
}

const M = { left: 44, right: 12, top: 10, bottom: 30 };

export function SignalPlot({ curve, samples, input, held, yLimit, xLimit, labels, width: naturalWidth = 640, testId = 'signal-plot' }: SignalPlotProps) {
  const [svgRef, width, drawn] = useFitWidth<SVGSVGElement>(naturalWidth);
  const mainH = 190;
  const inH = 56;
  const gap = 18;
  const height = M.top + mainH + gap + inH + M.bottom;
  const tEnd = curve.tau[curve.tau.length - 1] ?? 1;
  const x = scaleLinear().domain([0, tEnd]).range([M.left, width - M.right]);
  const y = scaleLinear().domain([-yLimit, yLimit]).range([M.top + mainH, M.top]);
  const inTop = M.top + mainH + gap;
  const xi = scaleLinear().domain([-xLimit * 0.1, xLimit * 1.1]).range([inTop + inH, inTop]);
  const curvePath = line<number>().x((_, i) => x(curve.tau[i])).y((v) => y(v))(curve.y as number[]) ?? '';
  const inputPath = line<number>().x((_, i) => x(curve.tau[i])).y((v) => xi(v))(input as number[]) ?? '';
  // The held input as a staircase: each x_k drawn flat over its interval.
  const steps = held.x.flatMap((v, k) => [[k * held.dt, v], [Math.min((k + 1) * held.dt, tEnd), v]] as const);
  const heldPath = line<readonly [number, number]>().x((p) => x(p[0])).y((p) => xi(p[1]))(steps) ?? '';
  const ticks = x.ticks(width < 420 ? 5 : 8);
  const spoken = `${labels.title}. ${labels.samples}: ${valuesText(samples.y.slice(0, 24))}${samples.y.length > 24 ? ', …' : ''}`;
  return (
    <figure className="signal-figure">
      <figcaption>
        <span className="signal-title">{labels.title}</span>
        <span className="ssm-legend" aria-hidden="true">
          <span><i className="legend-line" style={{ background: symbolColor.S }} />{labels.curve}</span>
          <span><i className="legend-dot" style={{ background: symbolColor.q }} />{labels.samples}</span>
          <span><i className="legend-box" style={{ background: symbolColor.v }} />{labels.input}</span>
          <span><i className="legend-line" style={{ background: symbolColor.v }} />{labels.held}</span>
        </span>
      </figcaption>
    <svg
      ref={svgRef}
      className="signal-plot"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={spoken}
      data-testid={testId}
      data-samples={samples.y.length}
    >
      {drawn && (
        <>
          <line className="ssm-axis" x1={M.left} x2={width - M.right} y1={y(0)} y2={y(0)} />
          <line className="ssm-axis" x1={M.left} x2={width - M.right} y1={xi(0)} y2={xi(0)} />
          {[-yLimit, 0, yLimit].map((v) => (
            <text key={v} className="ssm-tick" x={M.left - 6} y={y(v) + 4} textAnchor="end">
              {v === 0 ? '0' : v.toFixed(1).replace('-', '−')}
            </text>
          ))}
          {ticks.map((t) => (
            <g key={t}>
              <line className="ssm-grid" x1={x(t)} x2={x(t)} y1={M.top} y2={inTop + inH} />
              <text className="ssm-tick" x={x(t)} y={height - M.bottom + 16} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          <text className="ssm-tick" x={width - M.right} y={height - 2} textAnchor="end">
            {labels.time}
          </text>
          {labels.yAxis && (
            <text className="ssm-tick ssm-axis-name" x={M.left + 4} y={M.top + 10} data-axis="y">
              {labels.yAxis}
            </text>
          )}
          {labels.xAxis && (
            <text className="ssm-tick ssm-axis-name" x={M.left + 4} y={inTop - 5} data-axis="x">
              {labels.xAxis}
            </text>
          )}
          <path d={`${inputPath}L${x(tEnd)},${xi(0)}L${x(0)},${xi(0)}Z`} fill={symbolColor.v} opacity={0.2} />
          <path d={heldPath} fill="none" stroke={symbolColor.v} strokeWidth={2} />
          <path d={curvePath} fill="none" stroke={symbolColor.S} strokeWidth={2} />
          {samples.tau.map((t, k) =>
            t <= tEnd ? (
              <g key={k}>
                <line className="ssm-stem" x1={x(t)} x2={x(t)} y1={y(0)} y2={y(samples.y[k])} stroke={symbolColor.q} />
                <circle cx={x(t)} cy={y(samples.y[k])} r={4} fill={symbolColor.q} data-tau={t} data-value={samples.y[k]} />
              </g>
            ) : null,
          )}
    
        </>
      )}
    </svg>
    </figure>
  );
}

export interface PhasePlotProps {
  /** The continuous state path (h₁, h₂). */
  path: readonly (readonly number[])[];
  /** The discrete states h_k. */
  samples: readonly (readonly number[])[];
  limit: number;
  /** Accessible name and axis names. */
  label: string;
  axes: [string, string];
  size?: number;
  testId?: string;
}

/** The state itself as a point in the plane: the oscillator spirals, and each step turns it by Δ. */
export function PhasePlot({ path, samples, limit, label, axes, size = 220, testId = 'phase-plot' }: PhasePlotProps) {
  const pad = 22;
  const s = scaleLinear().domain([-limit, limit]).range([pad, size - pad]);
  const sy = scaleLinear().domain([-limit, limit]).range([size - pad, pad]);
  const d = line<readonly number[]>().x((p) => s(p[0])).y((p) => sy(p[1]))(path as (readonly number[])[]) ?? '';
  const steps = line<readonly number[]>().x((p) => s(p[0])).y((p) => sy(p[1]))([[0, 0], ...samples]) ?? '';
  return (
    <svg className="phase-plot" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} data-testid={testId}>
      <rect className="ssm-frame" x={pad} y={pad} width={size - 2 * pad} height={size - 2 * pad} />
      <line className="ssm-axis" x1={pad} x2={size - pad} y1={sy(0)} y2={sy(0)} />
      <line className="ssm-axis" x1={s(0)} x2={s(0)} y1={pad} y2={size - pad} />
      <text className="ssm-tick" x={size - pad} y={sy(0) - 4} textAnchor="end">{axes[0]}</text>
      <text className="ssm-tick" x={s(0) + 4} y={pad + 10}>{axes[1]}</text>
      <path d={d} fill="none" stroke={symbolColor.S} strokeWidth={1.5} />
      <path d={steps} fill="none" stroke={symbolColor.q} strokeWidth={1} strokeDasharray="3 3" />
      {samples.map((p, k) => (
        <circle key={k} cx={s(p[0])} cy={sy(p[1])} r={3} fill={symbolColor.q} />
      ))}
    </svg>
  );
}
