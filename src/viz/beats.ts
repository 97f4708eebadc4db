// The beat schedule of one step (docs/design.md §3): what happens to the memory, in order, and for how
// long at 1×. Pure data so the order and the timing are tested without a browser.
import { fades, keepsCache, solvesTriangular, type Mechanism } from '../core/cases';

export const BEATS = ['decay', 'read-old', 'erase', 'write', 'read'] as const;
export type Beat = (typeof BEATS)[number];

/** Which optional terms a mechanism's step has. */
export interface StepKind {
  /** The delta rule's read-old → erase (DeltaNet family). */
  erase: boolean;
  /** A forget gate fades S before the write (RetNet, gated forms, Mamba). */
  decay: boolean;
}

export interface ScheduledBeat {
  beat: Beat;
  ms: number;
}

export type BeatSchedule = readonly ScheduledBeat[];

/** Milliseconds per beat at 1×: the write and the read carry the story, so they get the most time. */
export const BEAT_MS: Readonly<Record<Beat, number>> = {
  decay: 600,
  'read-old': 700,
  erase: 700,
  write: 900,
  read: 900,
};

/** Time the finished step stays on screen before playback moves on, at 1×. */
export const HOLD_MS = 400;

export function beatsFor({ erase, decay }: StepKind): ScheduledBeat[] {
  const order: Beat[] = [
    ...(decay ? (['decay'] as const) : []),
    ...(erase ? (['read-old', 'erase'] as const) : []),
    'write',
    'read',
  ];
  return order.map((beat) => ({ beat, ms: BEAT_MS[beat] }));
}

/** Total length of a schedule at 1×. */
export function scheduleMs(schedule: BeatSchedule): number {
  return schedule.reduce((sum, b) => sum + b.ms, 0);
}

/** How long one step lasts during playback at 1×: its beats plus a short hold on the result. */
export function stepMs(kind: StepKind): number {
  return scheduleMs(beatsFor(kind)) + HOLD_MS;
}

export interface BeatPosition {
  beat: Beat;
  /** Position in the schedule. */
  index: number;
  /** 0 … 1 within the beat. */
  progress: number;
}

/**
 * Where `elapsedMs` (at 1×) falls in the schedule. Before the start is the first beat at 0; at or
 * after the end is the last beat at 1, so a finished (or never animated) step shows its end state.
 */
export function beatAt(elapsedMs: number, schedule: BeatSchedule): BeatPosition | null {
  if (schedule.length === 0) return null;
  if (!(elapsedMs > 0)) return { beat: schedule[0].beat, index: 0, progress: 0 };
  let start = 0;
  for (let index = 0; index < schedule.length; index++) {
    const { beat, ms } = schedule[index];
    if (elapsedMs < start + ms) return { beat, index, progress: ms > 0 ? (elapsedMs - start) / ms : 1 };
    start += ms;
  }
  const last = schedule.length - 1;
  return { beat: schedule[last].beat, index: last, progress: 1 };
}

/** The step kind of each mechanism; softmax attention keeps no memory matrix, so it has none. */
export function stepKindOf(mechanism: Mechanism): StepKind | null {
  return keepsCache(mechanism) ? null : { erase: solvesTriangular(mechanism), decay: fades(mechanism) };
}

/**
 * Whether moving from step `prev` to `next` plays the beats: only a single step forward does
 * (playback, →). A jump — scrub, step back, Home/End, hover — shows the new step's end state, since
 * the beats of step t start from S_{t−1} and would otherwise show a state the learner never passed.
 */
export function animatesStepChange(prev: number, next: number): boolean {
  return next === prev + 1 && next >= 0;
}

/**
 * How the memory's colours move during a beat when the browser plays the fade (MatrixHeatmap's
 * fade) rather than a render per frame, in real milliseconds at `speed`: decay and erase blend over
 * the whole beat, the write lands in its second half (memoryFrame.ts); the other beats leave S as it is.
 */
export function beatFade(beat: Beat, speed: number): { ms: number; delayMs: number } | null {
  const ms = BEAT_MS[beat] / (speed > 0 ? speed : 1);
  if (beat === 'decay' || beat === 'erase') return { ms, delayMs: 0 };
  if (beat === 'write') return { ms: ms / 2, delayMs: ms / 2 };
  return null;
}
