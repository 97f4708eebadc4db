// The shared time cursor as a pure reducer, so its rules (clamping, the end of the sequence, hover)
// are tested without React. Steps are 0-based in code; −1 means "before the first step" (S₀ = 0),
// which is where a chapter starts and what Home returns to.

export const SPEEDS = [0.5, 1, 2] as const;
export type Speed = (typeof SPEEDS)[number];

/** What playback does after the last step: stop there, or wrap to the start and keep going. */
export type EndBehaviour = 'stop' | 'wrap';

export interface CursorState {
  /** Number of steps in the sequence. */
  T: number;
  /** The cursor: −1 … T−1. */
  step: number;
  /** A step the pointer or focus rests on (any figure); it is shown instead of `step` while set. */
  hoveredStep: number | null;
  playing: boolean;
  speed: Speed;
  atEnd: EndBehaviour;
}

export type CursorAction =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'toggle' }
  | { type: 'stepBy'; delta: number }
  | { type: 'seek'; step: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'tick' }
  | { type: 'hover'; step: number | null }
  | { type: 'speed'; speed: number }
  | { type: 'length'; T: number };

export function isSpeed(x: number): x is Speed {
  return (SPEEDS as readonly number[]).includes(x);
}

/** An integer step in −1 … T−1 (NaN → −1, so a bad URL value starts at the beginning). */
export function clampStep(step: number, T: number): number {
  if (!Number.isFinite(step)) return Number.isNaN(step) ? -1 : step > 0 ? Math.max(-1, T - 1) : -1;
  return Math.max(-1, Math.min(Math.max(-1, T - 1), Math.round(step)));
}

/** A hovered step must name a real step (0 … T−1); anything else means "nothing hovered". */
function clampHover(step: number | null, T: number): number | null {
  if (step === null || !Number.isInteger(step) || step < 0 || step >= T) return null;
  return step;
}

export function initialCursor(T: number, options: Partial<Omit<CursorState, 'T'>> = {}): CursorState {
  const t = Math.max(0, Math.floor(T));
  return {
    T: t,
    step: clampStep(options.step ?? -1, t),
    hoveredStep: clampHover(options.hoveredStep ?? null, t),
    playing: t > 0 && (options.playing ?? false),
    speed: options.speed ?? 1,
    atEnd: options.atEnd ?? 'stop',
  };
}

export function cursorReducer(state: CursorState, action: CursorAction): CursorState {
  const { T } = state;
  switch (action.type) {
    case 'play':
      if (T === 0) return state;
      // Playing from the last step would stop at once; start over instead. Hover is dropped so the
      // learner sees the playback rather than the row under a forgotten pointer.
      return { ...state, playing: true, hoveredStep: null, step: state.step >= T - 1 ? -1 : state.step };
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'toggle':
      return cursorReducer(state, { type: state.playing ? 'pause' : 'play' });
    case 'stepBy':
      // A manual step takes over from playback.
      return { ...state, playing: false, step: clampStep(state.step + action.delta, T) };
    case 'seek':
      return { ...state, step: clampStep(action.step, T) };
    case 'first':
      return { ...state, playing: false, step: -1 };
    case 'last':
      return { ...state, playing: false, step: clampStep(T - 1, T) };
    case 'tick':
      if (!state.playing) return state;
      if (state.step < T - 1) return { ...state, step: state.step + 1 };
      return state.atEnd === 'wrap' ? { ...state, step: -1 } : { ...state, playing: false };
    case 'hover': {
      const hoveredStep = clampHover(action.step, T);
      return hoveredStep === state.hoveredStep ? state : { ...state, hoveredStep };
    }
    case 'speed':
      return isSpeed(action.speed) ? { ...state, speed: action.speed } : state;
    case 'length': {
      const t = Math.max(0, Math.floor(action.T));
      // The same length (every figure's first render tells it): the same state, so nothing re-renders.
      if (t === state.T && (t > 0 || !state.playing) && clampStep(state.step, t) === state.step && clampHover(state.hoveredStep, t) === state.hoveredStep) return state;
      return {
        ...state,
        T: t,
        step: clampStep(state.step, t),
        hoveredStep: clampHover(state.hoveredStep, t),
        playing: state.playing && t > 0,
      };
    }
  }
}

/** The step every figure draws: the hovered one while something is hovered, else the cursor. */
export function shownStep(state: Pick<CursorState, 'step' | 'hoveredStep'>): number {
  return state.hoveredStep ?? state.step;
}

/** How a figure marks step t: the cursor's step is active; a hovered step is hovered. */
export function stepHighlight(t: number, state: Pick<CursorState, 'step' | 'hoveredStep'>): { active: boolean; hovered: boolean } {
  return { active: t === state.step, hovered: t === state.hoveredStep };
}

/** The figure region's keys (docs/design.md §3): Space = play/pause, ←/→ = step, Home/End = first/last. */
export function keyAction(key: string): CursorAction | null {
  switch (key) {
    case ' ':
    case 'Spacebar': // old Edge / IE name
      return { type: 'toggle' };
    case 'ArrowLeft':
      return { type: 'stepBy', delta: -1 };
    case 'ArrowRight':
      return { type: 'stepBy', delta: 1 };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    default:
      return null;
  }
}
