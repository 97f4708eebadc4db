// The step the reader is on, for the figure to follow. StepReading provides it; MemoryLab (and any
// figure that wants to) reads it. null: no step is active (the chapter has no steps, or the reader has
// not started them), and the figure is free.
import { createContext, useContext } from 'react';
import type { Quantity, ResolvedStep } from './parse';

export const ActiveStepContext = createContext<ResolvedStep | null>(null);

/**
 * The named figure part around a figure (embed/context.tsx's FigurePart provides it): a step that names
 * a part (part=chunkwise) drives the figures in that part and leaves the others as they are.
 */
export const StepPartContext = createContext<string | null>(null);

/** The step the reader is on, whatever part it drives: what it holds back is held back on the whole page. */
export const useReadingStep = (): ResolvedStep | null => useContext(ActiveStepContext);

/** The step, if it drives the figure calling this: no part named, no part around it, or the same part. */
export function useActiveStep(): ResolvedStep | null {
  const step = useContext(ActiveStepContext);
  const part = useContext(StepPartContext);
  return drives(step, part) ? step : null;
}

export function drives(step: ResolvedStep | null, part: string | null): step is ResolvedStep {
  return step !== null && (step.part === null || part === null || step.part === part);
}

/**
 * Attributes for a named figure part (part=…): data-step-part, and data-part-away while the reader's step
 * names another part. On a phone (steps.css) an away part is not shown, so the part the step is about
 * sits right above its passage instead of below the other parts (chapter 10's three run several screens).
 */
export function useStepPartProps(name: string): { 'data-step-part': string; 'data-part-away'?: '' } {
  const step = useContext(ActiveStepContext);
  return step?.part && step.part !== name ? { 'data-step-part': name, 'data-part-away': '' } : { 'data-step-part': name };
}

/** Whether the active step holds a quantity back (always false with no active step). */
export function isHidden(step: ResolvedStep | null, q: Quantity): boolean {
  return step !== null && step.hidden.includes(q);
}

/**
 * Presenter mode's PageDown / PageUp ask the page's steps first (Classroom.tsx): a page with steps
 * moves one step and says it took the key; at either end (or with no steps) the clicker changes chapter.
 */
const STEP_KEY = 'memorylane:step';

export function offerStepKey(delta: 1 | -1): boolean {
  const event = new CustomEvent(STEP_KEY, { detail: { delta }, cancelable: true });
  return !window.dispatchEvent(event);
}

export function onStepKey(take: (delta: 1 | -1) => boolean): () => void {
  const listener = (event: Event) => {
    const delta = (event as CustomEvent<{ delta: 1 | -1 }>).detail.delta;
    if (take(delta)) event.preventDefault();
  };
  window.addEventListener(STEP_KEY, listener);
  return () => window.removeEventListener(STEP_KEY, listener);
}
