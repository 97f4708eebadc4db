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
import { StepPartContext, isHidden, useActiveStep, useReadingStep, useStepPartProps } from './context';
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

/** What any figure needs from the step that drives it (null step: the overview, everything on show). */
export interface StepState {
  active: boolean;
  shows: (q: Quantity) => boolean;
  showsView: (view: 'parallel' | 'recurrent') => boolean;
  highlights: (q: Quantity) => boolean;
  /** data-* attributes for the figure region (tests and the highlight rings read them). */
  data: Record<`data-${string}`, string | number>;
}

/**
 * The step's state, for a figure without a time cursor, or with one that another hook moves. The view and
 * what is held back are the page's step's, whichever part it drives (a later part must not show what the
 * text has not brought in); the highlight and data-reading-step belong to the part it drives.
 */
export function useStepState(): StepState {
  const step = useActiveStep();
  const page = useReadingStep();
  const view = page?.view ?? 'both';
  const hidden = page?.hidden ?? [];
  const highlight = step?.highlight ?? [];
  return {
    active: step !== null,
    shows: (q) => !isHidden(page, q),
    showsView: (v) => view === 'both' || view === v,
    highlights: (q) => highlight.includes(q),
    data: {
      'data-reading-step': step?.index ?? 0,
      'data-hidden': hidden.join(' '),
      'data-step-highlight': highlight.join(' '),
    },
  };
}

/**
 * A time cursor following the driving step: when the step changes, playback pauses and the cursor
 * moves to the step's t (in presenter mode the step's view becomes the one on show). One call per cursor.
 */
export function useStepCursor(cursor: TimeCursor): void {
  const step = useActiveStep();
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
}

/**
 * A figure setting a step may put in place (set=C:1): when the driving step changes and sets it, the
 * figure takes the value, as the cursor takes t; the reader can change it afterwards.
 */
export function useStepSetting(name: string, apply: (value: number) => void): number | undefined {
  const step = useActiveStep();
  const value = step?.set[name];
  const latest = useRef(apply);
  latest.current = apply;
  const index = step?.index ?? 0;
  useEffect(() => {
    if (index > 0 && value !== undefined) latest.current(value);
  }, [index, value]);
  return value;
}

/** A part of a figure a step may name (part=…) without being a figure of its own for embeds. */
export function StepPart({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div {...useStepPartProps(name)}>
      <StepPartContext.Provider value={name}>{children}</StepPartContext.Provider>
    </div>
  );
}

export function useStepFollower(cursor: TimeCursor, kind: StepKind | null): StepFollower {
  const step = useActiveStep();
  const ui = useLocalized(stepStrings);
  useStepCursor(cursor);
  const state = useStepState();
  const reading = useReadingStep();
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;

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
    const c = cursorRef.current;
    if (needsStep && emptyMemory && c.T > 0) {
      peeking.current = true;
      c.hover(0);
    } else if (!needsStep && peeking.current) {
      peeking.current = false;
      c.hover(null);
    }
  }, [needsStep, emptyMemory]);
  const hidden = reading?.hidden ?? [];
  return {
    active: state.active,
    shows: state.shows,
    showsView: state.showsView,
    beat: termBeat ?? (holdsBeat ? (step?.beat ?? undefined) : undefined),
    hiddenParts: MEMORY_PARTS.filter((p) => hidden.includes(p)),
    data: state.data,
    controlsLabel: ui.controls,
    notYet: <StepNotYet />,
  };
}

/** The note in place of a figure part whose quantities a step still holds back. */
export function StepNotYet() {
  const ui = useLocalized(stepStrings);
  return (
    <p className="step-hidden-note" data-testid="step-hidden-note">
      {ui.notYet}
    </p>
  );
}

/** Drives the page's time cursor from the steps (for a chapter whose figures share one cursor). */
export function FollowStepsCursor({ cursor }: { cursor: TimeCursor }) {
  useStepCursor(cursor);
  return null;
}
