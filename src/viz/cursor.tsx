// One time cursor per page, shared by every figure on it (docs/design.md §3): the parallel view's row,
// the recurrent view's state and the controls all read and move the same step. The rules live in
// cursorState.ts; this file only wires them to React and to a playback timer.
import { createContext, useContext, useEffect, useMemo, useReducer, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { stepMs as stepMsOf } from './beats';
import {
  cursorReducer,
  initialCursor,
  keyAction,
  shownStep,
  type CursorState,
  type EndBehaviour,
  type Speed,
} from './cursorState';

export interface TimeCursor extends CursorState {
  /** The step figures draw: hovered if any, else the cursor. */
  shown: number;
  play(): void;
  pause(): void;
  toggle(): void;
  stepBy(delta: number): void;
  seek(step: number): void;
  first(): void;
  last(): void;
  hover(step: number | null): void;
  setSpeed(speed: Speed): void;
}

const CursorContext = createContext<TimeCursor | null>(null);

/** The longest step (gated delta rule: every beat) plus the hold: a safe default for any page. */
export const DEFAULT_STEP_MS = stepMsOf({ erase: true, decay: true });

export interface TimeCursorProviderProps {
  /** Number of steps in the sequence the page plays. */
  T: number;
  initialStep?: number;
  /** Milliseconds per step at 1× (use beats.stepMs(kind) so playback matches the memory figure). */
  stepMs?: number;
  atEnd?: EndBehaviour;
  /** Told when the cursor moves to another step (not on hover), e.g. to keep the step in a link. */
  onStepChange?: (step: number) => void;
  children: ReactNode;
}

export function TimeCursorProvider({ T, initialStep = -1, stepMs = DEFAULT_STEP_MS, atEnd = 'stop', onStepChange, children }: TimeCursorProviderProps) {
  const [state, dispatch] = useReducer(cursorReducer, undefined, () => initialCursor(T, { step: initialStep, atEnd }));

  const told = useRef({ step: state.step, onStepChange });
  told.current.onStepChange = onStepChange;
  useEffect(() => {
    if (state.step === told.current.step) return;
    told.current.step = state.step;
    told.current.onStepChange?.(state.step);
  }, [state.step]);

  // A new input can change T (a longer sentence); keep the cursor inside it.
  useEffect(() => dispatch({ type: 'length', T }), [T]);

  // One timeout per step: the timer restarts whenever the step, the speed or playback changes, so a
  // manual step during playback never produces a double advance.
  useEffect(() => {
    if (!state.playing) return;
    const id = setTimeout(() => dispatch({ type: 'tick' }), stepMs / state.speed);
    return () => clearTimeout(id);
  }, [state.playing, state.step, state.speed, stepMs]);

  const value = useMemo<TimeCursor>(
    () => ({
      ...state,
      shown: shownStep(state),
      play: () => dispatch({ type: 'play' }),
      pause: () => dispatch({ type: 'pause' }),
      toggle: () => dispatch({ type: 'toggle' }),
      stepBy: (delta) => dispatch({ type: 'stepBy', delta }),
      seek: (step) => dispatch({ type: 'seek', step }),
      first: () => dispatch({ type: 'first' }),
      last: () => dispatch({ type: 'last' }),
      hover: (step) => dispatch({ type: 'hover', step }),
      setSpeed: (speed) => dispatch({ type: 'speed', speed }),
    }),
    [state],
  );
  return <CursorContext.Provider value={value}>{children}</CursorContext.Provider>;
}

/** The page's cursor; a figure outside a provider is a wiring mistake, so say so plainly. */
/** The four props by which a step-picking figure (step track, weights matrix) follows and moves the cursor. */
export function cursorBindings(cursor: TimeCursor) {
  return { activeStep: cursor.step, hoveredStep: cursor.hoveredStep, onHoverStep: cursor.hover, onSelectStep: cursor.seek };
}

export function useTimeCursor(): TimeCursor {
  const cursor = useContext(CursorContext);
  if (!cursor) throw new Error('useTimeCursor: wrap the figures of this page in <TimeCursorProvider T={…}>.');
  return cursor;
}

/** Elements that handle Space and arrows themselves; the region leaves their keys alone. */
const OWN_KEYS = new Set(['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'A']);

/** Keyboard handler for a focusable figure region: Space, ←/→, Home/End drive the shared cursor. */
export function useCursorKeys(): (event: KeyboardEvent<HTMLElement>) => void {
  const cursor = useTimeCursor();
  return (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement; // a KeyboardEvent's target is always an element
    if (target !== event.currentTarget && (OWN_KEYS.has(target.tagName) || target.isContentEditable)) return;
    const action = keyAction(event.key);
    if (!action) return;
    event.preventDefault(); // Space would scroll the page, Home/End would jump it
    switch (action.type) {
      case 'toggle':
        return cursor.toggle();
      case 'stepBy':
        return cursor.stepBy(action.delta);
      case 'first':
        return cursor.first();
      case 'last':
        return cursor.last();
    }
  };
}
