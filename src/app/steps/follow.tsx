// A figure following the reading step (context.ts): one hook, so MemoryLab (and any figure with a time
// cursor) takes the step's state the same way. When the step changes, playback pauses and the cursor
// moves to the step's t; the step's beat holds the memory figure at that beat while the cursor stays
// there; the step's view is the one on show (in presenter mode, the view key V starts from it); the
// quantities it holds back are left out, the whole parallel view replaced by a note when it has
// nothing to show yet.
import { useEffect, useRef, type ReactNode } from 'react';
import type { TimeCursor } from '../../viz';
import { beatsFor, type Beat, type StepKind } from '../../viz/beats';
import type { MemoryPart } from '../../viz/MemoryStateFigure';
import { useClassroom } from '../classroom/context';
import { useLocalized } from '../i18n/define';
import { NEEDS_STEP, TERM_BEATS } from '../terms/vocabulary';
import { useLinkedTerms } from '../terms/context';
import { isHidden, useActiveStep } from './context';
import type { Quantity } from './parse';
import { stepStrings } from './steps.strings';

const MEMORY_PARTS: readonly MemoryPart[] = ['q', 'k', 'v', 'S', 'write', 'o', 'gate', 'beta'];

export interface StepFollower {
  /** Whether a reading step drives the figure (false: the overview, or no steps on this page). */
  active: boolean;
  /** Whether a quantity is on show (always, with no active step). */
  shows: (q: Quantity) => boolean;
  /** Whether the step lets a view show ('both' or that view). */
  showsView: (view: 'parallel' | 'recurrent') => boolean;
  /** The beat to hold the memory figure at, while the cursor is at the step's t. */
  beat: Beat | undefined;
  hiddenParts: MemoryPart[];
  /** data-* attributes for the figure region (tests and the highlight rings read them). */
  data: Record<`data-${string}`, string | number>;
  /** The note in place of a view whose quantities are all still held back. */
  notYet: ReactNode;
  /** The name of the folded inputs while a step drives the figure. */
  controlsLabel: string;
}

export function useStepFollower(cursor: TimeCursor, kind: StepKind | null): StepFollower {
  const step = useActiveStep();
  const ui = useLocalized(stepStrings);
  const { presenting, setPresenterView } = useClassroom();
  const moves = useRef({ cursor, presenting, setPresenterView });
  moves.current = { cursor, presenting, setPresenterView };
  const index = step?.index ?? 0;
  const t = step?.t ?? 0;
  const view = step?.view ?? 'both';
  useEffect(() => {
    if (index === 0) return;
    const { cursor: c, presenting: p, setPresenterView: setView } = moves.current;
    c.pause();
    c.seek(t - 1);
    if (p && view !== 'both') setView(view);
  }, [index, t, view]);

  const inSchedule = !!step?.beat && !!kind && beatsFor(kind).some((b) => b.beat === step.beat);
  const holdsBeat = inSchedule && step !== null && cursor.shown === step.t - 1 && !cursor.playing;
  // A term linked from a formula (src/app/terms) holds the beat that draws it, wherever the cursor
  // rests; on the empty memory the figure shows step 1 meanwhile (as the step track's hover does).
  const linked = useLinkedTerms();
  const wanted = kind && !cursor.playing ? linked.map((t) => TERM_BEATS[t]).find((b) => b !== undefined && beatsFor(kind).some((s) => s.beat === b)) : undefined;
  const termBeat = cursor.shown >= 0 ? wanted : undefined;
  const needsStep = !cursor.playing && linked.some((t) => NEEDS_STEP.includes(t));
  const peeking = useRef(false);
  const emptyMemory = cursor.step < 0 && cursor.hoveredStep === null;
  useEffect(() => {
    const { cursor: c } = moves.current;
    if (needsStep && emptyMemory && c.T > 0) {
      peeking.current = true;
      c.hover(0);
    } else if (!needsStep && peeking.current) {
      peeking.current = false;
      c.hover(null);
    }
  }, [needsStep, emptyMemory]);
  const hidden = step?.hidden ?? [];
  return {
    active: step !== null,
    shows: (q) => !isHidden(step, q),
    showsView: (v) => view === 'both' || view === v,
    beat: termBeat ?? (holdsBeat ? (step?.beat ?? undefined) : undefined),
    hiddenParts: MEMORY_PARTS.filter((p) => hidden.includes(p)),
    data: {
      'data-reading-step': index,
      'data-hidden': hidden.join(' '),
      'data-step-highlight': (step?.highlight ?? []).join(' '),
    },
    controlsLabel: ui.controls,
    notYet: (
      <p className="step-hidden-note" data-testid="step-hidden-note">
        {ui.notYet}
      </p>
    ),
  };
}
