// The staggered parts of a page take turns: one piece after each painted frame, in the order asked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeTurn } from './pageSettle';

describe('takeTurn', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  /** One painted frame: its animation callbacks, then the tasks they queued. */
  const paint = () => {
    const now = frames;
    frames = [];
    for (const f of now) f();
    vi.runOnlyPendingTimers();
  };

  it('runs one turn a frame, whoever asks, in the order asked', () => {
    const ran: string[] = [];
    takeTurn(() => ran.push('passage 2'));
    takeTurn(() => ran.push('block 1b'));
    takeTurn(() => ran.push('block 1c'));
    expect(ran).toEqual([]);
    paint();
    expect(ran).toEqual(['passage 2']);
    paint();
    expect(ran).toEqual(['passage 2', 'block 1b']);
    paint();
    paint();
    expect(ran).toEqual(['passage 2', 'block 1b', 'block 1c']);
    expect(frames).toHaveLength(0); // nothing left: no frame is asked for
  });

  it('skips a turn taken back before it came', () => {
    const ran: string[] = [];
    const cancel = takeTurn(() => ran.push('a'));
    takeTurn(() => ran.push('b'));
    cancel();
    paint();
    expect(ran).toEqual(['b']);
  });
});
