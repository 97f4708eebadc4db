import { describe, expect, it } from 'vitest';
import { BEAT_MS, HOLD_MS, animatesStepChange, beatAt, beatFade, beatsFor, scheduleMs, stepKindOf, stepMs } from './beats';
import { MECHANISMS } from '../core/cases';

const order = (erase: boolean, decay: boolean) => beatsFor({ erase, decay }).map((b) => b.beat);

describe('beatsFor', () => {
  it('linear attention writes, then reads', () => {
    expect(order(false, false)).toEqual(['write', 'read']);
  });
  it('RetNet and the gated forms decay first', () => {
    expect(order(false, true)).toEqual(['decay', 'write', 'read']);
  });
  it('the delta rule reads the old value and erases it before writing', () => {
    expect(order(true, false)).toEqual(['read-old', 'erase', 'write', 'read']);
    expect(order(true, true)).toEqual(['decay', 'read-old', 'erase', 'write', 'read']);
  });
  it('gives each beat its 1× duration', () => {
    for (const b of beatsFor({ erase: true, decay: true })) expect(b.ms).toBe(BEAT_MS[b.beat]);
    expect(scheduleMs(beatsFor({ erase: false, decay: false }))).toBe(BEAT_MS.write + BEAT_MS.read);
    expect(stepMs({ erase: false, decay: false })).toBe(BEAT_MS.write + BEAT_MS.read + HOLD_MS);
  });
});

describe('beatAt', () => {
  const schedule = [
    { beat: 'decay', ms: 100 },
    { beat: 'write', ms: 200 },
    { beat: 'read', ms: 100 },
  ] as const;
  it('finds the beat and the progress inside it', () => {
    expect(beatAt(50, schedule)).toEqual({ beat: 'decay', index: 0, progress: 0.5 });
    expect(beatAt(100, schedule)).toEqual({ beat: 'write', index: 1, progress: 0 });
    expect(beatAt(250, schedule)).toEqual({ beat: 'write', index: 1, progress: 0.75 });
    expect(beatAt(399, schedule)?.beat).toBe('read');
  });
  it('clamps: before the start is the first beat at 0, the end and beyond the last beat at 1', () => {
    expect(beatAt(-10, schedule)).toEqual({ beat: 'decay', index: 0, progress: 0 });
    expect(beatAt(Number.NaN, schedule)).toEqual({ beat: 'decay', index: 0, progress: 0 });
    expect(beatAt(400, schedule)).toEqual({ beat: 'read', index: 2, progress: 1 });
    expect(beatAt(Number.POSITIVE_INFINITY, schedule)).toEqual({ beat: 'read', index: 2, progress: 1 });
  });
  it('progress never leaves 0 … 1 and never goes backwards', () => {
    let last = -1;
    for (let ms = 0; ms <= 400; ms += 7) {
      const pos = beatAt(ms, schedule);
      expect(pos).not.toBeNull();
      if (!pos) continue;
      expect(pos.progress).toBeGreaterThanOrEqual(0);
      expect(pos.progress).toBeLessThanOrEqual(1);
      const where = pos.index + pos.progress;
      expect(where).toBeGreaterThanOrEqual(last);
      last = where;
    }
  });
  it('an empty schedule has no beat', () => {
    expect(beatAt(10, [])).toBeNull();
  });
});

describe('stepKindOf', () => {
  it('gives every stateful mechanism a kind and softmax attention none', () => {
    for (const m of MECHANISMS) expect(stepKindOf(m) === null).toBe(m === 'softmax_attention');
    expect(stepKindOf('linear_attention')).toEqual({ erase: false, decay: false });
    expect(stepKindOf('retnet')).toEqual({ erase: false, decay: true });
    expect(stepKindOf('deltanet')).toEqual({ erase: true, decay: false });
    expect(stepKindOf('gated_deltanet')).toEqual({ erase: true, decay: true });
  });
});

describe('animatesStepChange', () => {
  it('plays the beats for one step forward only', () => {
    expect(animatesStepChange(-1, 0)).toBe(true);
    expect(animatesStepChange(2, 3)).toBe(true);
    expect(animatesStepChange(3, 2)).toBe(false); // step back
    expect(animatesStepChange(0, 5)).toBe(false); // scrub / End
    expect(animatesStepChange(4, -1)).toBe(false); // Home, or playback wrapping to the start
    expect(animatesStepChange(2, 2)).toBe(false);
  });
});

describe('beatFade', () => {
  it('matches memoryFrame: decay and erase blend over the whole beat, the write lands in its second half', () => {
    // Hand-checked at 2×: decay 600 → 300 ms, erase 700 → 350 ms, write 900 → 225 ms after 225 ms.
    expect(beatFade('decay', 2)).toEqual({ ms: 300, delayMs: 0 });
    expect(beatFade('erase', 2)).toEqual({ ms: 350, delayMs: 0 });
    expect(beatFade('write', 2)).toEqual({ ms: 225, delayMs: 225 });
    expect(beatFade('write', 1)).toEqual({ ms: BEAT_MS.write / 2, delayMs: BEAT_MS.write / 2 });
  });
  it('the beats that leave S as it is have no fade', () => {
    expect(beatFade('read-old', 1)).toBeNull();
    expect(beatFade('read', 1)).toBeNull();
  });
});
