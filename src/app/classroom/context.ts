// What the link asks of the classroom: parts an instructor hid (?hide=controls,answer) and presenter
// mode (?present=1). Components read it here; Classroom.tsx provides it.
import { createContext, useContext } from 'react';

/** Parts of a page a lecturer can hide from a link, to set an exercise. */
export const HIDEABLE = ['controls', 'answer'] as const;
export type Hideable = (typeof HIDEABLE)[number];

/** The one view presenter mode shows of a figure with several (key V or the figure's switch). */
export type PresenterView = 'parallel' | 'recurrent' | 'chunkwise';
export const TWO_VIEWS: readonly PresenterView[] = ['parallel', 'recurrent'];

/** Key V: the figure's next view, round to the first. */
export function nextView(views: readonly PresenterView[], current: PresenterView): PresenterView {
  return views[(views.indexOf(current) + 1) % views.length] ?? 'parallel';
}

export interface ClassroomState {
  hidden: Readonly<Record<Hideable, boolean>>;
  presenting: boolean;
  /** Enter or leave presenter mode; `fullScreen` asks the browser too (only from a click or a key). */
  setPresenting: (on: boolean, options?: { fullScreen?: boolean }) => void;
  presenterView: PresenterView;
  setPresenterView: (view: PresenterView) => void;
  /** The views the figure on screen offers, in the order key V steps through them (its switch sets them). */
  offerViews: (views: readonly PresenterView[]) => void;
}

export const ClassroomContext = createContext<ClassroomState>({
  hidden: { controls: false, answer: false },
  presenting: false,
  setPresenting: () => undefined,
  presenterView: 'parallel',
  setPresenterView: () => undefined,
  offerViews: () => undefined,
});

export const useClassroom = () => useContext(ClassroomContext);
