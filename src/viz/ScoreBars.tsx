// Scores over a small vocabulary (chapter 8: how strongly a read points at each place) as labelled
// horizontal bars around a zero line. It draws the numbers it is given; ranking happens in the core.
import type { ReactNode } from 'react';
import { valuesText } from './aria';
import { formatNumber } from './format';
import { divergingColor, symbolColor, type SymbolName } from './theme';
import './scoreBars.css';

export interface ScoreBarsProps {
  /** One name per score, e.g. the places. */
  labels: readonly string[];
  values: readonly number[];
  /** Fixed scale: bars reach the end of the track at |value| = limit. */
  limit: number;
  /** Leave room left of zero for negative scores (use the same choice for bars compared side by side). */
  signed?: boolean;
  /** Indices to mark as the answer (several: a tie). */
  marked?: readonly number[];
  /** Visible title (may hold a <Formula>). */
  title: ReactNode;
  /** Accessible name of the chart, e.g. "Linear attention's scores". */
  label: string;
  /** Words beside a marked bar, e.g. "answer" (an arrow is drawn before them). */
  markText?: string;
  digits?: number;
  /** Colour of the chart's frame: the symbol the scores come from. */
  symbol?: SymbolName;
  testId?: string;
}

export function ScoreBars({ labels, values, limit, signed = false, marked = [], title, label, markText = '', digits = 2, symbol = 'v', testId }: ScoreBarsProps) {
  const lim = limit > 0 ? limit : 1;
  // Track positions in percent: zero sits at the middle when signed, at the left edge otherwise.
  const zero = signed ? 50 : 0;
  const span = signed ? 50 : 100;
  const spoken = `${label}: ${labels
    .map((name, i) => `${name} ${valuesText([values[i]], digits)}${markText && marked.includes(i) ? ` (${markText})` : ''}`)
    .join('; ')}`;
  return (
    <figure className="score-bars" data-testid={testId} style={{ borderColor: symbolColor[symbol] }}>
      <figcaption className="score-title">{title}</figcaption>
      <div className="score-list" role="img" aria-label={spoken}>
        {labels.map((name, i) => {
          const x = values[i];
          const reach = (Math.min(Math.abs(x), lim) / lim) * span;
          const left = x < 0 ? zero - reach : zero;
          const isMarked = marked.includes(i);
          return (
            <div key={name} className={isMarked ? 'score-row marked' : 'score-row'} data-index={i} data-label={name} data-value={String(x)} data-marked={isMarked}>
              <span className="score-label">{name}</span>
              <span className="score-track">
                {signed && <span className="score-zero" style={{ left: `${zero}%` }} />}
                {reach > 0 && <span className="score-bar" style={{ left: `${left}%`, width: `${reach}%`, background: divergingColor(x, lim) }} />}
              </span>
              <span className="score-value">{formatNumber(x, digits)}</span>
              <span className="score-mark">{isMarked && markText ? `← ${markText}` : ''}</span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
