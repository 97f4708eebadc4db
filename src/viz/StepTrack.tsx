// The recurrent view's timeline: one mark per step (optionally the token it reads). Hovering or
// focusing a mark hovers that step for every figure — the "vice versa" of hovering a row of M.
// ←/→ on a mark are left to the figure region (they step the cursor), so the keys mean one thing.
import { useCallback, useRef, useState } from 'react';
import { fillTemplate } from './aria';
import { StepOption, useFocusFollowsCursor, useStepOptionHandlers } from './StepOption';
import './viz.css';

/** Marks show their token (or number) up to this many steps; beyond it they are thin ticks. */
const COMPACT_ABOVE = 32;

export interface StepTrackLabels {
  /** Accessible name, e.g. "Steps". */
  track: string;
  /** A mark's name, e.g. "step {t}" (t is 1-based); the token, if any, follows it. */
  step: string;
}

export interface StepTrackProps {
  T: number;
  labels: StepTrackLabels;
  /** The text each step reads (e.g. the characters of "大家好，我是"). */
  tokens?: readonly string[];
  activeStep?: number;
  hoveredStep?: number | null;
  onHoverStep?: (step: number | null) => void;
  onSelectStep?: (step: number) => void;
  /** Only the marks of steps [from, to) (presenter mode: a few large marks around the cursor). */
  window?: { from: number; to: number };
  testId?: string;
}

export function StepTrack({ T, labels, tokens, activeStep = -1, hoveredStep = null, onHoverStep, onSelectStep, window, testId = 'step-track' }: StepTrackProps) {
  const [focused, setFocused] = useState<number | null>(null);
  const tabStep = focused ?? Math.max(0, Math.min(T - 1, activeStep));
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const setRef = useCallback((t: number, el: HTMLDivElement | null) => {
    refs.current[t] = el;
  }, []);
  useFocusFollowsCursor(refs, focused, activeStep);
  const handlers = useStepOptionHandlers({ onHoverStep, onSelectStep, onFocusChange: setFocused });
  // Long sequences become a thin bar of ticks; the tokens stay in each tick's accessible name.
  const from = window?.from ?? 0;
  const to = window?.to ?? T;
  const compact = to - from > COMPACT_ABOVE;
  // A window's cut edges show "…": 8 marks of 12 steps must not read as all the steps there are.
  const more = (edge: 'before' | 'after') => (
    <span className="step-track-more" aria-hidden="true" data-edge={edge} data-testid={`${testId}-more-${edge}`}>
      …
    </span>
  );
  return (
    <div
      className={compact ? 'step-track compact' : 'step-track'}
      role="listbox"
      aria-orientation="horizontal"
      aria-label={labels.track}
      data-testid={testId}
      onPointerLeave={() => onHoverStep?.(null)}
    >
      {from > 0 && more('before')}
      {Array.from({ length: to - from }, (_, i) => {
        const t = from + i;
        const name = fillTemplate(labels.step, { t: t + 1 });
        return (
          <StepOption
            key={t}
            t={t}
            className={t < activeStep ? 'step-mark past' : 'step-mark'}
            active={t === activeStep}
            hovered={t === hoveredStep}
            tabbable={t === tabStep}
            label={tokens?.[t] ? `${name}: ${tokens[t]}` : name}
            handlers={handlers}
            setRef={setRef}
          >
            {compact ? null : <span data-num={tokens?.[t] && !/^\d/.test(tokens[t]) ? undefined : ''}>{tokens?.[t] || t + 1}</span>}
          </StepOption>
        );
      })}
      {to < T && more('after')}
    </div>
  );
}
