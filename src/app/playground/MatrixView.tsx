// A matrix the way the playground shows it: a table of numbers when it is small enough to read, one
// canvas when it is not (1024 × 64 outputs).
import type { Mat } from '../../core/linalg';
import { MatrixHeatmap } from '../../viz';
import { MatrixCanvas } from '../../viz/MatrixCanvas';
import { useLocalized } from '../i18n/define';
import { playgroundStrings } from './playground.strings';

/** Tables up to this many rows and columns; beyond, a canvas. */
export const TABLE_MAX = { rows: 16, cols: 8 } as const;

export interface MatrixViewProps {
  values: Mat;
  caption: string;
  limit: number;
  highlightRow?: number | null;
  /** The step of the first row (presenter mode shows a window of the rows). */
  rowOffset?: number;
  testId: string;
}

export function MatrixView({ values, caption, limit, highlightRow = null, rowOffset = 0, testId }: MatrixViewProps) {
  const ui = useLocalized(playgroundStrings);
  const small = values.length <= TABLE_MAX.rows && (values[0]?.length ?? 0) <= TABLE_MAX.cols;
  return small ? (
    <MatrixHeatmap values={values} caption={caption} limit={limit} highlightRow={highlightRow} rowLabel={(i) => String(i + rowOffset + 1)} testId={testId} />
  ) : (
    <MatrixCanvas values={values} label={caption} summary={ui.views.summary} limit={limit} highlightRow={highlightRow} testId={testId} />
  );
}
