// One step as a listbox option (a row of M, a mark on the step track). Memoised with stable handlers
// so that hovering one of 256 rows re-renders two options, not all of them.
import { memo, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface StepOptionEvents {
  onHoverStep?: (step: number | null) => void;
  onSelectStep?: (step: number) => void;
  /** ArrowUp / ArrowDown on option t (rows move focus); return true when handled. */
  onArrow?: (step: number, key: 'ArrowUp' | 'ArrowDown') => boolean;
  onFocusChange?: (step: number | null) => void;
}

export interface StepOptionHandlers {
  enter(t: number): void;
  focus(t: number): void;
  blur(): void;
  click(t: number): void;
  key(t: number, e: KeyboardEvent<HTMLDivElement>): void;
}

/** Handlers that never change identity but always call the latest callbacks. */
export function useStepOptionHandlers(events: StepOptionEvents): StepOptionHandlers {
  const latest = useRef(events);
  latest.current = events; // read only inside event handlers, after the render that set it

  return useMemo<StepOptionHandlers>(
    () => ({
      enter: (t) => latest.current.onHoverStep?.(t),
      focus: (t) => {
        latest.current.onFocusChange?.(t);
        latest.current.onHoverStep?.(t);
      },
      blur: () => {
        latest.current.onFocusChange?.(null);
        latest.current.onHoverStep?.(null);
      },
      click: (t) => latest.current.onSelectStep?.(t),
      key: (t, e) => {
        if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && latest.current.onArrow?.(t, e.key)) {
          e.preventDefault();
          e.stopPropagation(); // ←/→ still reach the figure region and step the cursor
        } else if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          latest.current.onSelectStep?.(t);
        }
      },
    }),
    [],
  );
}

export interface StepOptionProps {
  t: number;
  active: boolean;
  hovered: boolean;
  tabbable: boolean;
  label: string;
  className: string;
  handlers: StepOptionHandlers;
  /** Position among T rows laid over a canvas; omitted for options in normal flow. */
  rowOf?: number;
  /** Set when only some of the rows are in the DOM: T, so t reads as "t + 1 of T" (aria-posinset). */
  setSize?: number;
  /** Raw numbers for tests (comma-separated), set on the rows that matter. */
  values?: string;
  setRef?: (t: number, el: HTMLDivElement | null) => void;
  children?: ReactNode;
}

export const StepOption = memo(function StepOption({ t, active, hovered, tabbable, label, className, handlers, rowOf, setSize, values, setRef, children }: StepOptionProps) {
  const style: CSSProperties | undefined = rowOf ? { top: `${(100 * t) / rowOf}%`, height: `${100 / rowOf}%` } : undefined;
  return (
    <div
      ref={setRef ? (el) => setRef(t, el) : undefined}
      role="option"
      className={`${className}${active ? ' active' : ''}${hovered ? ' hovered' : ''}`}
      style={style}
      tabIndex={tabbable ? 0 : -1}
      aria-selected={active}
      aria-label={label}
      aria-setsize={setSize}
      aria-posinset={setSize === undefined ? undefined : t + 1}
      data-row={rowOf ? t : undefined}
      data-step={rowOf ? undefined : t}
      data-active={active || undefined}
      data-hovered={hovered || undefined}
      data-values={values}
      onPointerEnter={() => handlers.enter(t)}
      onFocus={() => handlers.focus(t)}
      onBlur={handlers.blur}
      onClick={() => handlers.click(t)}
      onKeyDown={(e) => handlers.key(t, e)}
    >
      {children}
    </div>
  );
});

/**
 * While one of these options has focus and the cursor moves (←/→, playback), focus follows the
 * cursor: otherwise the focused option would keep hovering its old step and the figures would not
 * move when the learner steps.
 */
export function useFocusFollowsCursor(refs: RefObject<(HTMLDivElement | null)[]>, focused: number | null, activeStep: number): void {
  useEffect(() => {
    if (focused !== null && activeStep >= 0 && activeStep !== focused) refs.current[activeStep]?.focus();
    // Only a cursor move should pull focus; a focus move alone must not snap it back.
  }, [activeStep]);
}
