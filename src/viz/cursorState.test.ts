import { describe, expect, it } from 'vitest';
import { clampStep, cursorReducer, initialCursor, keyAction, shownStep, stepHighlight, type CursorAction, type CursorState } from './cursorState';

const run = (state: CursorState, ...actions: CursorAction[]) => actions.reduce(cursorReducer, state);

describe('clampStep', () => {
  it('keeps steps in −1 … T−1 and rounds to integers', () => {
    expect(clampStep(-5, 4)).toBe(-1);
    expect(clampStep(9, 4)).toBe(3);
    expect(clampStep(1.4, 4)).toBe(1);
    expect(clampStep(Number.NaN, 4)).toBe(-1);
    expect(clampStep(Number.POSITIVE_INFINITY, 4)).toBe(3);
    expect(clampStep(2, 0)).toBe(-1);
  });
});

describe('initialCursor', () => {
  it('starts before the first step, paused, at 1×', () => {
    expect(initialCursor(8)).toEqual({ T: 8, step: -1, hoveredStep: null, playing: false, speed: 1, atEnd: 'stop' });
  });
  it('clamps the options it is given and never plays an empty sequence', () => {
    const s = initialCursor(3, { step: 10, hoveredStep: 7 });
    expect(s.step).toBe(2);
    expect(s.hoveredStep).toBeNull();
    expect(initialCursor(0, { playing: true }).playing).toBe(false);
  });
});

describe('stepping', () => {
  it('moves by one and stops at both ends', () => {
    const s = initialCursor(3);
    expect(run(s, { type: 'stepBy', delta: 1 }).step).toBe(0);
    expect(run(s, { type: 'stepBy', delta: -1 }).step).toBe(-1);
    expect(run(s, ...Array(10).fill({ type: 'stepBy', delta: 1 })).step).toBe(2);
  });
  it('a manual step pauses playback', () => {
    const s = run(initialCursor(5), { type: 'play' }, { type: 'stepBy', delta: 1 });
    expect(s.playing).toBe(false);
    expect(s.step).toBe(0);
  });
  it('seek clamps; first goes before step 1 and last to T−1', () => {
    const s = initialCursor(5);
    expect(run(s, { type: 'seek', step: 99 }).step).toBe(4);
    expect(run(s, { type: 'seek', step: 2 }, { type: 'first' }).step).toBe(-1);
    expect(run(s, { type: 'last' }).step).toBe(4);
  });
});

describe('playback', () => {
  it('ticks only while playing', () => {
    const s = initialCursor(3);
    expect(run(s, { type: 'tick' })).toBe(s);
    expect(run(s, { type: 'play' }, { type: 'tick' }, { type: 'tick' }).step).toBe(1);
  });
  it('stops at the end: the last step is shown, then playback pauses there', () => {
    const s = run(initialCursor(2), { type: 'play' }, { type: 'tick' }, { type: 'tick' });
    expect(s).toMatchObject({ step: 1, playing: true });
    expect(run(s, { type: 'tick' })).toMatchObject({ step: 1, playing: false });
  });
  it('wraps to the start and keeps playing when asked to', () => {
    const s = run(initialCursor(2, { atEnd: 'wrap' }), { type: 'play' }, { type: 'tick' }, { type: 'tick' }, { type: 'tick' });
    expect(s).toMatchObject({ step: -1, playing: true });
  });
  it('play at the last step starts over, and drops a stale hover', () => {
    const s = run(initialCursor(4, { step: 3, hoveredStep: 1 }), { type: 'play' });
    expect(s).toMatchObject({ step: -1, playing: true, hoveredStep: null });
  });
  it('toggle flips play and pause; an empty sequence cannot play', () => {
    const s = initialCursor(4);
    expect(run(s, { type: 'toggle' }).playing).toBe(true);
    expect(run(s, { type: 'toggle' }, { type: 'toggle' }).playing).toBe(false);
    expect(run(initialCursor(0), { type: 'play' }).playing).toBe(false);
  });
  it('accepts only the offered speeds', () => {
    const s = initialCursor(4);
    expect(run(s, { type: 'speed', speed: 2 }).speed).toBe(2);
    expect(run(s, { type: 'speed', speed: 0.5 }).speed).toBe(0.5);
    expect(run(s, { type: 'speed', speed: 3 }).speed).toBe(1);
  });
});

describe('hover, synced both ways', () => {
  it('a hovered row of M is the step the memory figure shows, and the other way round', () => {
    const s = run(initialCursor(6), { type: 'seek', step: 1 });
    // Hover from the parallel view (row 4) or from the recurrent view's track (step 4): same state.
    const fromParallel = run(s, { type: 'hover', step: 4 });
    const fromRecurrent = run(s, { type: 'hover', step: 4 });
    expect(fromParallel).toEqual(fromRecurrent);
    expect(shownStep(fromParallel)).toBe(4);
    expect(stepHighlight(4, fromParallel)).toEqual({ active: false, hovered: true });
    expect(stepHighlight(1, fromParallel)).toEqual({ active: true, hovered: false });
  });
  it('leaving returns every figure to the cursor', () => {
    const s = run(initialCursor(6), { type: 'seek', step: 2 }, { type: 'hover', step: 5 }, { type: 'hover', step: null });
    expect(shownStep(s)).toBe(2);
  });
  it('the cursor moving (scrub, keys) moves the highlighted row while nothing is hovered', () => {
    const s = run(initialCursor(6), { type: 'seek', step: 3 });
    expect(shownStep(s)).toBe(3);
    expect(stepHighlight(3, s).active).toBe(true);
  });
  it('ignores steps that do not exist', () => {
    const s = initialCursor(3);
    expect(run(s, { type: 'hover', step: 3 }).hoveredStep).toBeNull();
    expect(run(s, { type: 'hover', step: -1 }).hoveredStep).toBeNull();
    expect(run(s, { type: 'hover', step: 1.5 }).hoveredStep).toBeNull();
  });
});

describe('length changes', () => {
  it('clamps the cursor and the hover to a shorter sequence', () => {
    const s = run(initialCursor(8, { step: 6, hoveredStep: 7 }), { type: 'length', T: 4 });
    expect(s).toMatchObject({ T: 4, step: 3, hoveredStep: null });
  });
  it('an empty sequence stops playback', () => {
    const s = run(initialCursor(8), { type: 'play' }, { type: 'length', T: 0 });
    expect(s).toMatchObject({ T: 0, step: -1, playing: false });
  });
  it('the same length, or a hover on the step already hovered, keeps the very same state (nothing re-renders)', () => {
    const s = run(initialCursor(8, { step: 3 }), { type: 'play' }, { type: 'hover', step: 5 });
    expect(cursorReducer(s, { type: 'length', T: 8 })).toBe(s);
    expect(cursorReducer(s, { type: 'hover', step: 5 })).toBe(s);
    expect(cursorReducer(s, { type: 'length', T: 9 })).not.toBe(s);
    expect(cursorReducer(s, { type: 'hover', step: 4 })).not.toBe(s);
  });
});

describe('keyAction', () => {
  it('maps the figure keys of docs/design.md §3', () => {
    expect(keyAction(' ')).toEqual({ type: 'toggle' });
    expect(keyAction('ArrowLeft')).toEqual({ type: 'stepBy', delta: -1 });
    expect(keyAction('ArrowRight')).toEqual({ type: 'stepBy', delta: 1 });
    expect(keyAction('Home')).toEqual({ type: 'first' });
    expect(keyAction('End')).toEqual({ type: 'last' });
    expect(keyAction('a')).toBeNull();
  });
});
