// How a forget gate acts on the memory: G_t drawn as a d_v × d_k matrix of factors, next to S_{t−1}
// before and S_{t−1} ⊙ G_t after. A scalar gate is one colour everywhere, a per-key-dimension gate is
// constant down each column, a per-value-channel gate along each row, a full gate varies per entry.
// It only draws the three matrices it is given.
import type { ReactNode } from 'react';
import type { Mat } from '../core/linalg';
import { ValueLegend } from './Legend';
import { MatrixHeatmap } from './MatrixHeatmap';
import { limitOf } from './scales';
import { symbolColor } from './theme';
import './viz.css';

export interface GateShapeLabels {
  /** Caption above the three matrices, e.g. "Step 5: the gate acts on the memory". */
  title: string;
  gate: string;
  before: string;
  after: string;
  /** Labels of the value scales of G (0 … 1) and of S; without them no legend is drawn. */
  gateLegend?: string;
  stateLegend?: string;
}

export interface GateShapeFigureProps {
  /** G_t: one factor per entry of S (d_v × d_k), each in [0, 1]. */
  gate: Mat;
  /** S_{t−1}. */
  before: Mat;
  /** S_{t−1} ⊙ G_t. */
  after: Mat;
  labels: GateShapeLabels;
  /** The gate's shape, for tests and styling ("scalar" | "column" | "row" | "full"). */
  shape: string;
  /** Fixed colour limit of S (so the colours do not jump between steps). */
  limit?: number;
  /** Visible symbols between the matrices (default ⊙ and =). */
  operators?: [ReactNode, ReactNode];
  digits?: number;
  testId?: string;
}

export function GateShapeFigure({ gate, before, after, labels, shape, limit, operators = ['⊙', '='], digits = 2, testId = 'gate-shape' }: GateShapeFigureProps) {
  return (
    <figure className="gate-shape" data-testid={testId} data-shape={shape}>
      <figcaption>{labels.title}</figcaption>
      <div className="gate-shape-row">
        <MatrixHeatmap values={gate} caption={labels.gate} limit={1} digits={digits} frame="gamma" testId={`${testId}-G`} />
        <span className="gate-shape-op" aria-hidden="true" style={{ color: symbolColor.gamma }}>
          {operators[0]}
        </span>
        <MatrixHeatmap values={before} caption={labels.before} limit={limit} digits={digits} frame="S" testId={`${testId}-before`} />
        <span className="gate-shape-op" aria-hidden="true">
          {operators[1]}
        </span>
        <MatrixHeatmap values={after} caption={labels.after} limit={limit} digits={digits} frame="S" testId={`${testId}-after`} />
      </div>
      {labels.gateLegend && <ValueLegend limit={1} label={labels.gateLegend} testId={`${testId}-gate-legend`} />}
      {labels.stateLegend && <ValueLegend limit={limit ?? limitOf(before, after)} label={labels.stateLegend} digits={digits} testId={`${testId}-state-legend`} />}
    </figure>
  );
}
