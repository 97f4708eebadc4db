// The parallel scan as a tree the learner reveals level by level (chapter 9). Row 0 holds the inputs
// (a_t, b_t); at each next level every position combines with the one `offset` places to its left
// (diagonal edge) or is copied down (straight edge). The pairs come from the core (scan.ts); this
// component only lays them out. React owns the SVG.
import { fillTemplate, valuesText } from './aria';
import { formatNumber } from './format';
import { divergingColor, symbolColor, textOn } from './theme';
import './ssm.css';

export interface ScanTreeLevel {
  offset: number;
  pairs: readonly { a: number; b: number }[];
  /** Per position: the earlier position it combined with, or null (copied). */
  from: readonly (number | null)[];
}

export interface ScanTreeLabels {
  /** Accessible name, e.g. "Parallel scan tree". */
  title: string;
  /** Row label of the inputs, e.g. "inputs (a_t, b_t)". */
  inputs: string;
  /** Row label of level j, e.g. "level {j}: reach back {r}". */
  level: string;
  /** What a screen reader hears for the revealed rows, e.g. "level {j}: b = {values}". */
  spokenLevel: string;
}

export interface ScanTreeProps {
  levels: readonly ScanTreeLevel[];
  /** Levels revealed after the inputs (0 … levels.length − 1). */
  shown: number;
  /** Column headers (tokens or step numbers). */
  columns: readonly string[];
  /** Colour limit for b. */
  limit: number;
  labels: ScanTreeLabels;
  testId?: string;
}

const COL = 118;
const NODE_W = 100;
const NODE_H = 46;
const ROW = 96;
const LEFT = 150;
const TOP = 30;

export function ScanTree({ levels, shown, columns, limit, labels, testId = 'scan-tree' }: ScanTreeProps) {
  const T = levels[0]?.pairs.length ?? 0;
  const width = LEFT + T * COL;
  const height = TOP + levels.length * ROW - (ROW - NODE_H) + 8;
  const cx = (t: number) => LEFT + t * COL + NODE_W / 2;
  const top = (j: number) => TOP + j * ROW;
  const spoken = [
    labels.title,
    ...levels
      .slice(0, shown + 1)
      .map((l, j) => fillTemplate(labels.spokenLevel, { j, values: valuesText(l.pairs.map((p) => p.b)) })),
  ].join('. ');
  return (
    <svg
      className="scan-tree"
      viewBox={`0 0 ${width} ${height}`}
      style={{ minWidth: `${width}px` }}
      role="img"
      aria-label={spoken}
      data-testid={testId}
      data-shown={shown}
      data-depth={levels.length - 1}
    >
      {columns.map((c, t) => (
        <text key={t} className="scan-column" x={cx(t)} y={TOP - 10} textAnchor="middle">
          {c}
        </text>
      ))}
      {levels.map((level, j) => {
        // Levels not yet revealed are not drawn at all (the canvas keeps their room), so the tree
        // does not tell how many levels it needs before the learner has predicted it.
        const revealed = j <= shown;
        if (!revealed) return null;
        return (
          <g key={j} className={`scan-level revealed${j === shown ? ' current' : ''}`} data-level={j}>
            <text className="scan-row-label" x={8} y={top(j) + NODE_H / 2 + 4}>
              {j === 0 ? labels.inputs : fillTemplate(labels.level, { j, r: level.offset })}
            </text>
            {j > 0 &&
              level.from.map((f, t) => (
                <g key={`e${t}`} className="scan-edges">
                  <line x1={cx(t)} x2={cx(t)} y1={top(j - 1) + NODE_H} y2={top(j)} className={f === null ? 'scan-edge copy' : 'scan-edge'} />
                  {f !== null && <line x1={cx(f)} x2={cx(t)} y1={top(j - 1) + NODE_H} y2={top(j)} className="scan-edge combine" style={{ stroke: symbolColor.gamma }} />}
                </g>
              ))}
            {level.pairs.map((p, t) => {
              const x0 = LEFT + t * COL;
              const combined = level.from[t] !== null;
              return (
                <g
                  key={t}
                  className={`scan-node${combined ? ' combined' : ''}`}
                  data-pos={t}
                  data-level={j}
                  data-a={String(p.a)}
                  data-b={String(p.b)}
                >
                  <rect x={x0} y={top(j)} width={NODE_W} height={NODE_H} rx={6} fill={divergingColor(p.b, limit)} />
                  <text x={x0 + 8} y={top(j) + 19} fill={textOn(p.b, limit)} className="scan-pair">
                    <tspan>a {formatNumber(p.a, 3)}</tspan>
                    <tspan x={x0 + 8} dy={17}>
                      b {formatNumber(p.b, 3)}
                    </tspan>
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
