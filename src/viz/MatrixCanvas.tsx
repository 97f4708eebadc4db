// A large matrix (e.g. 1024 steps × 64 channels of outputs) as one canvas, one pixel per cell scaled
// up without smoothing. A table would need 65,536 cells; this needs one element. Screen readers get
// its size and range; the numbers themselves are in the page's downloads.
import { useEffect, useMemo, useRef } from 'react';
import { attentionImage } from './attentionImage';
import { fillTemplate } from './aria';
import { formatNumber } from './format';
import { limitOf, maxAbsOf } from './scales';
import './MatrixCanvas.css';

export interface MatrixCanvasProps {
  values: readonly (readonly number[])[];
  /** What the matrix is, e.g. "Outputs O (rows: steps, columns: channels)". */
  label: string;
  /** "{rows} × {cols}, values from {min} to {max}" (translated by the caller). */
  summary: string;
  /** Symmetric colour limit; defaults to max |value|. */
  limit?: number;
  /** A row to mark (the cursor's step), or null. */
  highlightRow?: number | null;
  testId?: string;
}

export function MatrixCanvas({ values, label, summary, limit, highlightRow = null, testId }: MatrixCanvasProps) {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  // The range and scale read every cell: once per matrix, not on each cursor move (the highlight).
  const { min, max, maxAbs, auto } = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of values) for (const x of row) if (Number.isFinite(x)) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
    return { min: lo, max: hi, maxAbs: maxAbsOf(values), auto: limitOf(values) };
  }, [values]);
  const lim = limit ?? auto;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pixels = useMemo(() => attentionImage(values, lim, { causal: false }), [values, lim]);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || rows === 0 || cols === 0) return;
    canvas.width = cols;
    canvas.height = rows;
    canvas.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(pixels), cols, rows), 0, 0);
  }, [pixels, rows, cols]);
  const text = fillTemplate(summary, { rows, cols, min: formatNumber(rows ? min : 0, 2), max: formatNumber(rows ? max : 0, 2) });
  return (
    <figure className="matrix-canvas" data-testid={testId} data-rows={rows} data-cols={cols} data-max-abs={maxAbs}>
      <figcaption>{label}</figcaption>
      <div className="matrix-canvas-box" role="img" aria-label={`${label}: ${text}`}>
        <canvas ref={canvasRef} aria-hidden="true" />
        {highlightRow !== null && highlightRow >= 0 && highlightRow < rows && (
          <div className="matrix-canvas-row" style={{ top: `${(100 * highlightRow) / rows}%`, height: `max(2px, ${100 / rows}%)` }} />
        )}
      </div>
      <p className="matrix-canvas-summary muted">{text}</p>
    </figure>
  );
}
