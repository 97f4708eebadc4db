// The parallel view's T × T matrix M (O = M V): cells on a canvas (T = 256 is 65,536 cells, too many
// for DOM nodes), rows as a listbox of T thin focusable elements laid over it, so pointer, keyboard
// and screen reader all reach row t, and the cursor's row is highlighted without a redraw.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { causalRowText, fillTemplate, valuesText } from './aria';
import { attentionImage } from './attentionImage';
import { formatNumber } from './format';
import { limitOf } from './scales';
import { StepOption, useFocusFollowsCursor, useStepOptionHandlers } from './StepOption';
import { textOn, uiColor } from './theme';
import './viz.css';

export interface AttentionLabels {
  /** Accessible name of the matrix, e.g. "Weights M = tril(QKᵀ) ⊙ D". */
  matrix: string;
  /** A row's name, e.g. "step {t}" (t is 1-based). */
  row: string;
  /** Prefix of the decay weights in a row's read-out, e.g. "decay D". */
  decay?: string;
}

export interface AttentionMatrixProps {
  /** T × T weights, row t = query step, column s = key step. */
  values: readonly (readonly number[])[];
  labels: AttentionLabels;
  /** Decay mask D (T × T), drawn as a veil in γ's colour over faded cells. */
  decay?: readonly (readonly number[])[] | null;
  /** Fixed symmetric colour limit (scales.attentionLimit); defaults to max |M|. */
  limit?: number;
  causal?: boolean;
  /** The cursor's step (−1: none); its row is highlighted. */
  activeStep?: number;
  hoveredStep?: number | null;
  /** Pointer over or focus on row t (null when it leaves). */
  onHoverStep?: (step: number | null) => void;
  /** Click or Enter on row t. */
  onSelectStep?: (step: number) => void;
  digits?: number;
  /**
   * The step of the first row and column when `values` is a window of a longer sequence (presenter
   * mode shows a few steps around the cursor, large enough to read); step ids stay absolute.
   */
  offset?: number;
  /** Write the numbers as text over the canvas (sized by CSS, marked data-num) instead of painting them. */
  numbersAsText?: boolean;
  testId?: string;
}

/** Rows above this count read out their numbers only when focused or active (keeps the DOM small). */
const FULL_LABELS_UP_TO = 32;

export function AttentionMatrix({
  values,
  labels,
  decay = null,
  limit,
  causal = true,
  activeStep = -1,
  hoveredStep = null,
  onHoverStep,
  onSelectStep,
  digits = 2,
  offset = 0,
  numbersAsText = false,
  testId,
}: AttentionMatrixProps) {
  const T = values.length;
  const local = (step: number | null) => (step === null ? null : step - offset);
  const activeRow = activeStep < 0 ? -1 : activeStep - offset;
  const hoveredRow = local(hoveredStep);
  const lim = limit ?? limitOf(values);
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rowRefs = useRef<(HTMLDivElement | null)[]>([]);
  const [size, setSize] = useState(0);
  const [focused, setFocused] = useState<number | null>(null);
  const pixels = useMemo(() => attentionImage(values, lim, { causal, decay }), [values, lim, causal, decay]);

  // Follow the container's width; the box is square (aspect-ratio in CSS).
  useEffect(() => {
    const box = boxRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => setSize(Math.round(entry.contentRect.width)));
    ro.observe(box);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas && size > 0 && T > 0) draw(canvas, size, pixels, values, lim, causal, numbersAsText ? null : digits);
  }, [size, pixels, values, lim, causal, digits, T, numbersAsText]);

  const tabRow = focused ?? Math.max(0, Math.min(T - 1, activeRow));
  const setRef = useCallback((t: number, el: HTMLDivElement | null) => {
    rowRefs.current[t] = el;
  }, []);
  useFocusFollowsCursor(rowRefs, focused, activeRow);
  const handlers = useStepOptionHandlers({
    onHoverStep: onHoverStep && ((t) => onHoverStep(t === null ? null : t + offset)),
    onSelectStep: onSelectStep && ((t) => onSelectStep(t + offset)),
    onFocusChange: setFocused,
    onArrow: (t, key) => {
      rowRefs.current[Math.max(0, Math.min(T - 1, t + (key === 'ArrowUp' ? -1 : 1)))]?.focus();
      return true;
    },
  });

  return (
    <div className="attention" style={{ maxWidth: `min(36rem, ${Math.max(T, 4) * 3.4}rem)` }} data-testid={testId} data-t={T} data-offset={offset} data-active-step={activeStep} data-hovered-step={hoveredStep ?? ''}>
      <div className="attention-box" ref={boxRef}>
        <canvas ref={canvasRef} className="attention-canvas" aria-hidden="true" />
        {numbersAsText && <CellNumbers values={values} limit={lim} causal={causal} digits={digits} />}
        <div className="attention-rows" role="listbox" aria-label={labels.matrix} onPointerLeave={() => onHoverStep?.(null)}>
          {values.map((row, t) => {
            const active = t === activeRow;
            const hovered = t === hoveredRow;
            const full = T <= FULL_LABELS_UP_TO || active || t === focused;
            return (
              <StepOption
                key={t}
                t={t}
                rowOf={T}
                className="attention-row"
                active={active}
                hovered={hovered}
                tabbable={t === tabRow}
                label={full ? rowLabel(t, row, decay?.[t], labels, causal, digits, offset) : fillTemplate(labels.row, { t: t + offset + 1 })}
                values={active || hovered ? row.join(',') : undefined}
                handlers={handlers}
                setRef={setRef}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The numbers as text laid over the cells (pointer events pass through to the rows). */
function CellNumbers({ values, limit, causal, digits }: { values: readonly (readonly number[])[]; limit: number; causal: boolean; digits: number }) {
  const T = values.length;
  return (
    <div className="attention-numbers" aria-hidden="true">
      {values.flatMap((row, t) =>
        row.map((x, s) =>
          causal && s > t ? null : (
            <span
              key={`${t}-${s}`}
              data-num=""
              style={{ left: `${(100 * s) / T}%`, top: `${(100 * t) / T}%`, width: `${100 / T}%`, height: `${100 / T}%`, color: textOn(x, limit) }}
            >
              {formatNumber(x, digits)}
            </span>
          ),
        ),
      )}
    </div>
  );
}

/** A row read out: its visible weights and, with a decay mask, the decay weights beside them. */
function rowLabel(t: number, row: readonly number[], decayRow: readonly number[] | undefined, labels: AttentionLabels, causal: boolean, digits: number, offset = 0): string {
  const visible = (r: readonly number[]) => (causal ? r.slice(0, t + 1) : r);
  const text = causal
    ? offset === 0
      ? causalRowText(t, row, labels.row, digits)
      : `${fillTemplate(labels.row, { t: t + offset + 1 })}: ${valuesText(visible(row), digits)}`
    : `${fillTemplate(labels.row, { t: t + offset + 1 })}: ${valuesText(row, digits)}`;
  return decayRow && labels.decay ? `${text}; ${labels.decay}: ${valuesText(visible(decayRow), digits)}` : text;
}

/** Paint cells (scaled from one pixel per cell), hatch the mask, add gaps and numbers when they fit (digits null: no numbers). */
function draw(canvas: HTMLCanvasElement, size: number, pixels: Uint8ClampedArray, values: readonly (readonly number[])[], limit: number, causal: boolean, digits: number | null) {
  const T = values.length;
  const dpr = window.devicePixelRatio || 1;
  const px = Math.round(size * dpr);
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const cell = px / T;

  if (causal) {
    ctx.fillStyle = hatch(ctx, dpr) ?? uiColor.maskLight;
    ctx.fillRect(0, 0, px, px);
  } else ctx.clearRect(0, 0, px, px);

  const src = document.createElement('canvas');
  src.width = T;
  src.height = T;
  const sctx = src.getContext('2d');
  if (!sctx) return;
  sctx.putImageData(new ImageData(new Uint8ClampedArray(pixels), T, T), 0, 0);
  ctx.imageSmoothingEnabled = false; // hard cell edges at any zoom
  ctx.drawImage(src, 0, 0, px, px);

  if (cell >= 10 * dpr) {
    ctx.strokeStyle = uiColor.grid;
    ctx.lineWidth = Math.max(1, dpr);
    ctx.beginPath();
    for (let i = 1; i < T; i++) {
      const x = Math.round(i * cell) + 0.5;
      ctx.moveTo(x, 0);
      ctx.lineTo(x, px);
      ctx.moveTo(0, x);
      ctx.lineTo(px, x);
    }
    ctx.stroke();
  }

  if (digits !== null && cell >= 34 * dpr) {
    ctx.font = `${Math.round(Math.min(13 * dpr, cell / 3.6))}px ui-monospace, Menlo, Consolas, monospace`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    values.forEach((row, t) =>
      row.forEach((x, s) => {
        if (causal && s > t) return;
        ctx.fillStyle = textOn(x, limit);
        ctx.fillText(formatNumber(x, digits), (s + 0.5) * cell, (t + 0.5) * cell);
      }),
    );
  }
}

/** Diagonal stripes in the mask tokens, the same look as a masked heatmap cell. */
function hatch(ctx: CanvasRenderingContext2D, dpr: number): CanvasPattern | null {
  const n = Math.round(6 * dpr);
  const tile = document.createElement('canvas');
  tile.width = n;
  tile.height = n;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.fillStyle = uiColor.maskLight;
  t.fillRect(0, 0, n, n);
  t.strokeStyle = uiColor.maskDark;
  t.lineWidth = n / 2.5;
  t.beginPath();
  for (const o of [-n, 0, n]) {
    t.moveTo(o, n);
    t.lineTo(o + n, 0);
  }
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}
