// Legends for the figures' tints. The value scale shows the diverging colours with the numbers of the
// figure's fixed limit (white at 0); the decay legend shows the γ-coloured hatching at a few strengths,
// so the decay can never be mistaken for a value.
import { memo, type ReactNode } from 'react';
import { rgb } from 'd3-color';
import { DECAY_HATCH, decayHatchAlpha } from './attentionImage';
import { formatNumber } from './format';
import { divergingColor, symbolColor, uiColor } from './theme';
import './Legend.css';

/** The numbers printed under the value scale: −limit, −limit/2, 0, limit/2, limit. */
export function valueLegendTicks(limit: number): number[] {
  const m = limit > 0 && Number.isFinite(limit) ? limit : 1;
  return [-m, -m / 2, 0, m / 2, m];
}

/** The colour bar as a CSS gradient, sampled from the same palette the cells use. */
export function valueGradient(): string {
  const stops = Array.from({ length: 11 }, (_, i) => divergingColor(-1 + i / 5, 1));
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

export interface ValueLegendProps {
  limit: number;
  /** What the colour shows, e.g. "Colour = value (negative ↔ positive, white = 0)". */
  label: string;
  digits?: number;
  testId?: string;
}

/** Memoised: the memory figure re-renders on each animation frame; its scale does not change. */
export const ValueLegend = memo(function ValueLegend({ limit, label, digits = 2, testId }: ValueLegendProps) {
  const ticks = valueLegendTicks(limit);
  return (
    <div className="legend value-legend" data-testid={testId} data-limit={limit}>
      <span className="legend-label">{label}</span>
      <span className="value-legend-scale">
        <span className="value-legend-bar" style={{ background: valueGradient() }} aria-hidden="true" />
        <span className="value-legend-ticks">
          {ticks.map((x, i) => (
            <span key={i} className="value-legend-tick" data-tick={x} style={{ left: `${(100 * i) / (ticks.length - 1)}%` }}>
              {formatNumber(x, digits)}
            </span>
          ))}
        </span>
      </span>
    </div>
  );
});

/** The stripes of a cell decayed to d, as CSS (the canvas draws the same lines, DECAY_HATCH). */
export function hatchBackground(d: number): string {
  const c = rgb(symbolColor.gamma);
  const a = decayHatchAlpha(d).toFixed(2);
  const line = `rgba(${c.r}, ${c.g}, ${c.b}, ${a})`;
  const w = DECAY_HATCH.lineWidthPx;
  const gap = DECAY_HATCH.gapPx;
  return `repeating-linear-gradient(45deg, ${line} 0 ${w}px, transparent ${w}px ${gap}px)`;
}

/** Strengths shown in the decay legend. */
export const DECAY_LEGEND_STEPS = [1, 0.5, 0.1] as const;

export interface DecayLegendProps {
  /** What the hatching shows, e.g. "Hatching = the decay γ^{t−s} inside M". */
  label: ReactNode;
  testId?: string;
}

export function DecayLegend({ label, testId }: DecayLegendProps) {
  return (
    <div className="legend decay-legend" data-testid={testId}>
      <span className="legend-label">{label}</span>
      <span className="decay-legend-swatches">
        {DECAY_LEGEND_STEPS.map((d) => (
          <span key={d} className="decay-legend-entry" data-decay={d}>
            <span className="decay-legend-swatch" style={{ backgroundImage: hatchBackground(d) }} aria-hidden="true" />
            {formatNumber(d, 1)}
          </span>
        ))}
      </span>
    </div>
  );
}

/** The causal mask's swatch: the same light stripes the canvas draws above the diagonal. */
export function MaskLegend({ label, testId }: { label: string; testId?: string }) {
  const stripes = `repeating-linear-gradient(135deg, ${uiColor.maskLight} 0 3px, ${uiColor.maskDark} 3px 6px)`;
  return (
    <div className="legend mask-legend" data-testid={testId}>
      <span className="decay-legend-entry">
        <span className="decay-legend-swatch" style={{ backgroundImage: stripes }} aria-hidden="true" />
        {label}
      </span>
    </div>
  );
}
