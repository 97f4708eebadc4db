// Motion hooks: the reader's prefers-reduced-motion setting, and a clock that plays one step's beats.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { animatesStepChange } from './beats';

const QUERY = '(prefers-reduced-motion: reduce)';

// One query list for the page: the snapshot is read on every render of every animated figure (each
// frame while one plays), and matchMedia builds a new list per call.
let query: MediaQueryList | null = null;
const queryList = (): MediaQueryList | null => (typeof window !== 'undefined' && window.matchMedia ? (query ??= window.matchMedia(QUERY)) : null);

function subscribe(onChange: () => void): () => void {
  const mq = queryList();
  if (!mq) return () => {};
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const snapshot = () => queryList()?.matches ?? false;

/** True when the reader asked the system for less motion; follows changes live. */
export function usePrefersReducedMotion(): boolean {
  // The server snapshot is false: a static render shows end states anyway (see useBeatClock).
  return useSyncExternalStore(subscribe, snapshot, () => false);
}

export interface BeatClockOptions {
  /** Whether a step forward should animate at all (false: show the end state at once). */
  animate: boolean;
  speed: number;
  /** Length of the schedule at 1×; the clock stops there. */
  totalMs: number;
}

/**
 * Milliseconds (at 1×) since the step last moved forward by one, advanced on animation frames while
 * below `totalMs`. It starts at Infinity (the end state), so a first render, a static render, a jump
 * (scrub, step back, Home/End) and a non-animated change all show finished steps; only a step
 * forward — playback or → — rewinds it to 0 and plays the beats.
 */
export function useBeatClock(step: number, { animate, speed, totalMs }: BeatClockOptions): number {
  const [elapsed, setElapsed] = useState(Number.POSITIVE_INFINITY);
  const [lastStep, setLastStep] = useState(step);
  // Rewind during render when the step changes (React's "adjust state on prop change" pattern), so
  // the new step never flashes its end state for one frame.
  if (step !== lastStep) {
    setLastStep(step);
    setElapsed(animate && animatesStepChange(lastStep, step) ? 0 : Number.POSITIVE_INFINITY);
  }
  const running = elapsed < totalMs;
  useEffect(() => {
    if (!running || typeof requestAnimationFrame === 'undefined') return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const dt = Math.max(0, now - last) * speed;
      last = now;
      setElapsed((e) => e + dt);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [running, speed, step]);
  return elapsed;
}
