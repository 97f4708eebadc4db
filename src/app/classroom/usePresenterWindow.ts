// Presenter mode shows one view of a figure at a time (key V) and a window of steps around the cursor,
// so numbers can be large enough for the back row and the figure still fits the screen. Shared by the
// chapters' MemoryLab and the playground's three views.
import { useSyncExternalStore } from 'react';
import { stepWindow } from '../../viz/stepWindow';
import { fill } from '../i18n';
import { useClassroom, type PresenterView } from './context';
import { classroomStrings } from './classroom.strings';
import { useLocalized } from '../i18n/define';

/** Steps of the weights and outputs shown at once (more on a tall screen), and marks on the step track. */
const MATRIX_STEPS = 5;
const MATRIX_STEPS_TALL = 8;
const TRACK_STEPS = 8;
const TALL = '(min-height: 1000px)';

const subscribeTall = (onChange: () => void) => {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const mq = window.matchMedia(TALL);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
};
const isTall = () => typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(TALL).matches;

export interface PresenterWindow {
  presenting: boolean;
  /** Steps [from, to) of the matrices on show: all of them outside presenter mode. */
  win: { from: number; to: number };
  /** The step track's window while presenting. */
  track?: { from: number; to: number };
  windowed: boolean;
  /** "Steps 4–8 of 12" while a window of steps shows: the table view's rows, or the recurrent view's step track. */
  note: string | null;
  /** Whether a view is on show: all of them outside presenter mode, the chosen one while presenting. */
  show: (view: PresenterView) => boolean;
}

/** `withTrack`: the figure's recurrent view has a step track (the chapters' lab; the playground's has none). */
export function usePresenterWindow(T: number, shown: number, withTrack = false): PresenterWindow {
  const classroom = useLocalized(classroomStrings);
  const { presenting, presenterView } = useClassroom();
  const tall = useSyncExternalStore(subscribeTall, isTall, () => false);
  const win = presenting ? stepWindow(T, shown, tall ? MATRIX_STEPS_TALL : MATRIX_STEPS) : { from: 0, to: T };
  const windowed = presenting && win.to - win.from < T;
  const track = presenting && withTrack ? stepWindow(T, shown, TRACK_STEPS) : undefined;
  // The recurrent view's window is its step track's: without the note, 8 marks of 12 steps read as 8 steps.
  const noted = presenterView === 'recurrent' ? track : windowed ? win : undefined;
  return {
    presenting,
    win,
    track,
    windowed,
    note: noted && noted.to - noted.from < T ? fill(classroom.present.stepsWindow, { from: String(noted.from + 1), to: String(noted.to), T: String(T) }) : null,
    show: (view) => !presenting || presenterView === view,
  };
}
