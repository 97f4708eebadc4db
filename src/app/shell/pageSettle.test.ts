// The staggered parts of a page take turns: one piece after each painted frame, in the order asked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLING_ATTRIBUTE, takeTurn, whenPageSettled } from './pageSettle';

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

describe('whenPageSettled', () => {
  let attrs: Set<string>;
  let observers: { callback: () => void; connected: boolean }[];
  beforeEach(() => {
    attrs = new Set();
    observers = [];
    vi.stubGlobal('document', { documentElement: { hasAttribute: (name: string) => attrs.has(name) } });
    vi.stubGlobal(
      'MutationObserver',
      class {
        entry: { callback: () => void; connected: boolean };
        constructor(callback: () => void) {
          this.entry = { callback, connected: false };
          observers.push(this.entry);
        }
        observe() {
          this.entry.connected = true;
        }
        disconnect() {
          this.entry.connected = false;
        }
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());
  /** The gate changes <html>'s attribute: every connected observer hears of it. */
  const setSettling = (on: boolean) => {
    if (on) attrs.add(SETTLING_ATTRIBUTE);
    else attrs.delete(SETTLING_ATTRIBUTE);
    for (const o of observers) if (o.connected) o.callback();
  };

  it('runs at once where no page is coming in', () => {
    const run = vi.fn();
    whenPageSettled(run);
    expect(run).toHaveBeenCalledTimes(1);
    expect(observers).toEqual([]);
  });

  it('waits while the page comes in, runs once when it is shown, then stops listening', () => {
    attrs.add(SETTLING_ATTRIBUTE);
    const run = vi.fn();
    whenPageSettled(run);
    setSettling(true);
    expect(run).not.toHaveBeenCalled();
    setSettling(false);
    expect(run).toHaveBeenCalledTimes(1);
    setSettling(true);
    setSettling(false);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled', () => {
    attrs.add(SETTLING_ATTRIBUTE);
    const run = vi.fn();
    whenPageSettled(run)();
    setSettling(false);
    expect(run).not.toHaveBeenCalled();
  });
});
