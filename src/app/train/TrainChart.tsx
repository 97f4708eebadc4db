// Loss and held-out accuracy of every mechanism being trained, against the step, on one chart: two
// panels over one step axis. It draws the points it is given and never computes them; each line
// wears its mechanism's colour and dash (src/viz/theme.ts), so colour is never the only cue.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../../viz/format';
import { useFitWidth } from '../../viz/useFitWidth';
import { MarkerSwatch } from '../../viz/CapacityPlot';
import type { AccuracyPoint, CurvePoint } from './runState';
import type { LineStyle } from './mechanisms';
import '../../viz/CapacityPlot.css';

export interface TrainSeries {
  id: string;
  label: string;
  style: LineStyle;
  loss: readonly CurvePoint[];
  accuracy: readonly AccuracyPoint[];
}

export interface TrainChartProps {
  series: readonly TrainSeries[];
  /** Accuracy of guessing, drawn as a reference line. */
  chance: number;
  labels: { step: string; loss: string; accuracy: string; chance: string; picture: string };
}

const M = { top: 14, right: 14, bottom: 40, left: 50 };
const PANEL = 150;
const GAP = 34;

export function TrainChart({ series, chance, labels }: TrainChartProps) {
  const [ref, width, drawn] = useFitWidth<SVGSVGElement>(680);
  const height = M.top + PANEL + GAP + PANEL + M.bottom;
  const lastStep = Math.max(10, ...series.flatMap((s) => [s.loss.at(-1)?.step ?? 0, s.accuracy.at(-1)?.step ?? 0]));
  const x = scaleLinear().domain([0, lastStep]).nice().range([M.left, width - M.right]);
  const maxLoss = Math.max(0.5, ...series.flatMap((s) => s.loss.map((p) => p.loss)));
  const lossTop = M.top;
  const accTop = M.top + PANEL + GAP;
  const yLoss = scaleLinear().domain([0, maxLoss]).nice().range([lossTop + PANEL, lossTop]);
  const yAcc = scaleLinear().domain([0, 1]).range([accTop + PANEL, accTop]);
  const lossPath = line<CurvePoint>().x((p) => x(p.step)).y((p) => yLoss(p.loss));
  const accPath = line<AccuracyPoint>().x((p) => x(p.step)).y((p) => yAcc(p.accuracy));
  const xTicks = x.ticks(width < 420 ? 4 : 8);
  const plotW = width - M.left - M.right;
  return (
    <svg ref={ref} viewBox={`0 0 ${width} ${height}`} className="capacity-plot train-chart" role="img" aria-label={labels.picture} data-testid="train-chart" data-series={series.length}>
      {drawn && (
        <>
          {[
            { top: lossTop, y: yLoss, name: labels.loss, ticks: yLoss.ticks(4), fmt: (t: number) => formatNumber(t, 1) },
            { top: accTop, y: yAcc, name: labels.accuracy, ticks: [0, 0.25, 0.5, 0.75, 1], fmt: (t: number) => `${Math.round(t * 100)}%` },
          ].map((panel) => (
            <g key={panel.name}>
              <rect x={M.left} y={panel.top} width={plotW} height={PANEL} className="plot-bg" />
              {panel.ticks.map((t) => (
                <g key={t}>
                  <line x1={M.left} x2={width - M.right} y1={panel.y(t)} y2={panel.y(t)} className="plot-grid" />
                  <text x={M.left - 6} y={panel.y(t)} dy="0.32em" textAnchor="end" className="plot-tick">
                    {panel.fmt(t)}
                  </text>
                </g>
              ))}
              <text transform={`translate(13 ${panel.top + PANEL / 2}) rotate(-90)`} textAnchor="middle" className="plot-axis-label">
                {panel.name}
              </text>
            </g>
          ))}
          <g className="plot-reference">
            <line x1={M.left} x2={width - M.right} y1={yAcc(chance)} y2={yAcc(chance)} />
            <text x={width - M.right - 4} y={yAcc(chance) - 4} textAnchor="end" className="plot-reference-label">
              {labels.chance}
            </text>
          </g>
          {xTicks.map((t) => (
            <g key={t}>
              <text x={x(t)} y={lossTop + PANEL + 14} textAnchor="middle" className="plot-tick">
                {t}
              </text>
              <text x={x(t)} y={accTop + PANEL + 14} textAnchor="middle" className="plot-tick">
                {t}
              </text>
            </g>
          ))}
          <text x={M.left + plotW / 2} y={height - 6} textAnchor="middle" className="plot-axis-label">
            {labels.step}
          </text>
          {series.map((s) => (
            <g key={s.id} data-series={s.id}>
              {s.loss.length > 1 && <path d={lossPath(s.loss as CurvePoint[]) ?? ''} fill="none" stroke={s.style.color} strokeWidth={2} strokeDasharray={s.style.dash} />}
              {s.accuracy.length > 1 && <path d={accPath(s.accuracy as AccuracyPoint[]) ?? ''} fill="none" stroke={s.style.color} strokeWidth={2} strokeDasharray={s.style.dash} />}
              {s.accuracy.length === 1 && <circle cx={x(s.accuracy[0].step)} cy={yAcc(s.accuracy[0].accuracy)} r={3} fill={s.style.color} />}
            </g>
          ))}
    
        </>
      )}
    </svg>
  );
}

/** The chart's legend: a swatch of each line's colour, dash and marker beside its name. */
export function ChartLegend({ series }: { series: readonly Pick<TrainSeries, 'id' | 'label' | 'style'>[] }) {
  return (
    <ul className="train-legend">
      {series.map((s) => (
        <li key={s.id}>
          <MarkerSwatch kind={s.style.marker} color={s.style.color} dash={s.style.dash} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
