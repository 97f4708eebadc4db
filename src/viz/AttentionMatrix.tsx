// The parallel view's T × T matrix M (O = M V): cells on a canvas (T = 256 is 65,536 cells, too many
// for DOM nodes), rows as a listbox of thin focusable elements laid over it, so pointer, keyboard
// and screen reader all reach row t, and the cursor's row is highlighted without a redraw. Up to 64
// rows each is an option; beyond, only the rows near the cursor, the focus and the pointer are (each
// says "t of T"), and the pointer finds its row from its height, so the DOM stays the same size at
// any T. A caption
// names the quantity, the axes carry step numbers, and legends explain the value colours and the
// decay hatching (the decay never tints a cell: colour is always the value).
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { causalRowText, fillTemplate, valuesText } from './aria';
import { attentionImage, decayHatchAlpha, DECAY_HATCH } from './attentionImage';
import { formatNumber } from './format';
import { DecayLegend, MaskLegend, ValueLegend } from './Legend';
import { limitOf } from './scales';
import { StepOption, useFocusFollowsCursor, useStepOptionHandlers } from './StepOption';
import { divergingColor, symbolColor, textOn, uiColor } from './theme';
import './viz.css';

export interface AttentionLabels {
  /** Accessible name of the matrix, e.g. "Weights M = tril(QKᵀ) ⊙ D". */
  matrix: string;
  /** A row's name, e.g. "step {t}" (t is 1-based). */
  row: string;
  /** Prefix of the decay weights in a row's read-out, e.g. "decay D". */
  decay?: string;
  /** Title of the row axis, e.g. "t (query step)". */
  rowAxis?: string;
  /** Title of the column axis, e.g. "s (key step)". */
  colAxis?: string;
  /** The value scale's label, e.g. "Colour = value of M (white = 0)". */
  valueLegend?: string;
  /** The causal mask's label, e.g. "Grey stripes: s > t, masked" (shown only when causal). */
  maskLegend?: string;
  /** The decay hatching's label, e.g. "Hatching = decay D = γ^{t−s}" (shown only with a decay mask). */
  decayLegend?: ReactNode;
}

export interface AttentionMatrixProps {
  /** T × T weights, row t = query step, column s = key step. */
  values: readonly (readonly number[])[];
  labels: AttentionLabels;
  /** Decay mask D (T × T), hatched in γ's colour over decayed cells (denser where D is smaller). */
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
  /** One line naming the quantity, shown above the matrix; defaults to labels.matrix. */
  caption?: ReactNode;
}

/** Rows above this count read out their numbers only when focused or active (keeps the DOM small). */
const FULL_LABELS_UP_TO = 32;
/** Up to this many rows every row is an option in the DOM; beyond, only rows near the cursor and focus. */
export const ALL_ROWS_UP_TO = 64;
/** How many rows on each side of the cursor (and of the focused row) stay in the DOM beyond that. */
export const ROW_REACH = 8;

/** The rows (0-based, ascending) that are options in the DOM: all of them, or those near the anchors. */
export function rowsInDom(T: number, anchors: readonly (number | null)[]): number[] {
  if (T <= ALL_ROWS_UP_TO) return Array.from({ length: T }, (_, i) => i);
  const keep = new Set<number>();
  for (const a of anchors) {
    if (a === null || a < 0 || a >= T) continue;
    for (let t = Math.max(0, a - ROW_REACH); t <= Math.min(T - 1, a + ROW_REACH); t++) keep.add(t);
  }
  if (keep.size === 0) for (let t = 0; t <= Math.min(T - 1, ROW_REACH); t++) keep.add(t);
  return [...keep].sort((a, b) => a - b);
}

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
  caption,
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
  const pixels = useMemo(() => attentionImage(values, lim, { causal }), [values, lim, causal]);
  const ticks = useMemo(() => stepTicks(T), [T]);

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
    if (canvas && size > 0 && T > 0) draw(canvas, size, pixels, values, lim, causal, numbersAsText ? null : digits, decay);
  }, [size, pixels, values, lim, causal, digits, T, numbersAsText, decay]);

  const tabRow = focused ?? Math.max(0, Math.min(T - 1, activeRow));
  const partial = T > ALL_ROWS_UP_TO;
  const shownRows = useMemo(() => rowsInDom(T, [activeRow, tabRow, focused, hoveredRow]), [T, activeRow, tabRow, focused, hoveredRow]);
  // With only some rows in the DOM the pointer finds its row from its height over the box (the
  // options let the pointer through, so a row under it never disagrees by a rounded pixel).
  const rowAt = (e: ReactPointerEvent<HTMLDivElement> | ReactMouseEvent<HTMLDivElement>): number | null => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.height <= 0) return null;
    return Math.max(0, Math.min(T - 1, Math.floor(((e.clientY - box.top) / box.height) * T)));
  };
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
    <figure className="attention" style={{ maxWidth: `min(38rem, ${Math.max(T, 4) * 3.4 + 3}rem)` }} data-testid={testId} data-t={T} data-offset={offset} data-active-step={activeStep} data-hovered-step={hoveredStep ?? ''}>
      <figcaption className="attention-caption">{caption ?? labels.matrix}</figcaption>
      <div className="attention-plot">
        {labels.colAxis && <span className="attention-col-title">{labels.colAxis} →</span>}
        <div className="attention-col-ticks" aria-hidden="true" data-axis="s">
          {ticks.map((s) => (
            <span key={s} className="attention-tick" data-tick={s + 1} style={{ left: `${(100 * (s + 0.5)) / T}%` }}>
              {s + offset + 1}
            </span>
          ))}
        </div>
        {labels.rowAxis && <span className="attention-row-title">{labels.rowAxis} →</span>}
        <div className="attention-row-ticks" aria-hidden="true" data-axis="t">
          {ticks.map((t) => (
            <span key={t} className="attention-tick" data-tick={t + 1} style={{ top: `${(100 * (t + 0.5)) / T}%` }}>
              {t + offset + 1}
            </span>
          ))}
        </div>
        <div className="attention-box" ref={boxRef}>
          <canvas ref={canvasRef} className="attention-canvas" aria-hidden="true" />
          {numbersAsText && <CellNumbers values={values} limit={lim} causal={causal} digits={digits} />}
          <div
            className={partial ? 'attention-rows partial' : 'attention-rows'}
            role="listbox"
            aria-label={labels.matrix}
            data-rows-in-dom={shownRows.length}
            onPointerLeave={() => onHoverStep?.(null)}
            onPointerMove={
              partial && onHoverStep
                ? (e) => {
                    const t = rowAt(e);
                    if (t !== null && t !== hoveredRow) onHoverStep(t + offset);
                  }
                : undefined
            }
            onClick={
              partial && onSelectStep
                ? (e) => {
                    const t = rowAt(e);
                    if (t !== null) onSelectStep(t + offset);
                  }
                : undefined
            }
          >
            {shownRows.map((t) => {
              const row = values[t];
              const active = t === activeRow;
              const hovered = t === hoveredRow;
              const full = T <= FULL_LABELS_UP_TO || active || t === focused;
              return (
                <StepOption
                  key={t}
                  t={t}
                  rowOf={T}
                  setSize={partial ? T : undefined}
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
      {labels.valueLegend && <ValueLegend limit={lim} label={labels.valueLegend} digits={digits} testId={testId && `${testId}-value-legend`} />}
      {causal && labels.maskLegend && <MaskLegend label={labels.maskLegend} testId={testId && `${testId}-mask-legend`} />}
      {decay && labels.decayLegend && <DecayLegend label={labels.decayLegend} testId={testId && `${testId}-decay-legend`} />}
    </figure>
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

/** The steps (0-based) whose numbers the axes print: every one up to 32, else 1 and round multiples. */
export function stepTicks(T: number): number[] {
  if (T <= FULL_LABELS_UP_TO) return Array.from({ length: T }, (_, i) => i);
  const every = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((k) => T / k <= 16) ?? Math.ceil(T / 16);
  const out = [0];
  for (let n = every; n <= T; n += every) out.push(n - 1);
  return out;
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

/** Paint cells (scaled from one pixel per cell), hatch the mask and the decay, add gaps and numbers when they fit (digits null: no numbers). */
function draw(
  canvas: HTMLCanvasElement,
  size: number,
  pixels: Uint8ClampedArray,
  values: readonly (readonly number[])[],
  limit: number,
  causal: boolean,
  digits: number | null,
  decay: readonly (readonly number[])[] | null,
) {
  const T = values.length;
  const dpr = window.devicePixelRatio || 1;
  const px = Math.round(size * dpr);
  // Resized only when the size changes: a resize reallocates the canvas's pixels (every draw clears or fills it all anyway).
  if (canvas.width !== px) canvas.width = px;
  if (canvas.height !== px) canvas.height = px;
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

  // The decay as stripes over the cell (one pattern, so stripes run on across cells), never a tint.
  const stripes = decay ? decayStripes(ctx, dpr) : null;
  if (decay && stripes) {
    ctx.fillStyle = stripes;
    values.forEach((row, t) =>
      row.forEach((_, s) => {
        if (causal && s > t) return;
        const a = decayHatchAlpha(decay[t]?.[s] ?? 1);
        if (a <= 0) return;
        ctx.globalAlpha = a;
        ctx.fillRect(Math.round(s * cell), Math.round(t * cell), Math.round((s + 1) * cell) - Math.round(s * cell), Math.round((t + 1) * cell) - Math.round(t * cell));
      }),
    );
    ctx.globalAlpha = 1;
  }

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
        const text = formatNumber(x, digits);
        if (decay && decayHatchAlpha(decay[t]?.[s] ?? 1) > 0) {
          // A halo in the cell's own colour keeps the number readable over the stripes.
          ctx.strokeStyle = divergingColor(x, limit);
          ctx.lineWidth = 4 * dpr;
          ctx.lineJoin = 'round';
          ctx.strokeText(text, (s + 0.5) * cell, (t + 0.5) * cell);
        }
        ctx.fillStyle = textOn(x, limit);
        ctx.fillText(text, (s + 0.5) * cell, (t + 0.5) * cell);
      }),
    );
  }
}

// Stripe tiles kept between draws: a fresh canvas and 2D context for each, at every draw, was the largest
// piece of a draw's script (getContext) while the training lab refreshed its probe.
/** Stripe tiles by their size and colours (a colour token that changes makes a new one). */
const tiles = new Map<string, HTMLCanvasElement | null>();

function cachedTile(key: string, n: number, paint: (t: CanvasRenderingContext2D) => void): HTMLCanvasElement | null {
  const kept = tiles.get(key);
  if (kept !== undefined) return kept;
  const tile = document.createElement('canvas');
  tile.width = n;
  tile.height = n;
  const t = tile.getContext('2d');
  if (t) paint(t);
  tiles.set(key, t ? tile : null);
  return t ? tile : null;
}

/** Diagonal stripes in the mask tokens, the same look as a masked heatmap cell. */
function hatch(ctx: CanvasRenderingContext2D, dpr: number): CanvasPattern | null {
  const n = Math.round(6 * dpr);
  const tile = cachedTile(`mask ${n} ${uiColor.maskLight} ${uiColor.maskDark}`, n, (t) => paintHatch(t, n));
  return tile && ctx.createPattern(tile, 'repeat');
}

function paintHatch(t: CanvasRenderingContext2D, n: number): void {
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
}

/** Diagonal stripes (\) in γ's colour on a transparent tile: the decay hatching (DECAY_HATCH). */
function decayStripes(ctx: CanvasRenderingContext2D, dpr: number): CanvasPattern | null {
  const n = Math.round(DECAY_HATCH.gapPx * dpr);
  const tile = cachedTile(`decay ${n} ${symbolColor.gamma}`, n, (t) => paintDecayStripes(t, n, dpr));
  return tile && ctx.createPattern(tile, 'repeat');
}

function paintDecayStripes(t: CanvasRenderingContext2D, n: number, dpr: number): void {
  t.strokeStyle = symbolColor.gamma;
  t.lineWidth = DECAY_HATCH.lineWidthPx * dpr;
  t.beginPath();
  for (const o of [-n, 0, n]) {
    t.moveTo(o, 0);
    t.lineTo(o + n, n);
  }
  t.stroke();
}
