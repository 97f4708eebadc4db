// What the link asks of the classroom: parts an instructor hid (?hide=controls,answer) and presenter
// mode (?present=1). Components read it here; Classroom.tsx provides it.
import { createContext, useContext } from 'react';

/** Parts of a page a lecturer can hide from a link, to set an exercise. */
export const HIDEABLE = ['controls', 'answer'] as const;
export type Hideable = (typeof HIDEABLE)[number];

/** The one view presenter mode shows of a two-view figure (key V or the figure's switch). */
export type PresenterView = 'parallel' | 'recurrent';

export interface ClassroomState {
  hidden: Readonly<Record<Hideable, boolean>>;
  presenting: boolean;
  /** Enter or leave presenter mode; `fullScreen` asks the browser too (only from a click or a key). */
  setPresenting: (on: boolean, options?: { fullScreen?: boolean }) => void;
  presenterView: PresenterView;
  setPresenterView: (view: PresenterView) => void;
}

export const ClassroomContext = createContext<ClassroomState>({
  hidden: { controls: false, answer: false },
  presenting: false,
  setPresenting: () => undefined,
  presenterView: 'parallel',
  setPresenterView: () => undefined,
});

export const useClassroom = () => useContext(ClassroomContext);
