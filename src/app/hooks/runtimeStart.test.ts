// When a page starts its model runtime: at the learner's first input, or once the page has been open
// IDLE_START_MS and the browser is idle — never before, so the first read is not held up by it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The warm-up (src/runtime/warm.ts) loads onnxruntime: here it only counts its calls.
const warmed = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../runtime/warm', () => ({ warmRuntime: async () => void warmed.calls++ }));

/** A window with listeners and, if asked, requestIdleCallback (its callbacks run when `idle()` is called). */
function fakeWindow(withIdle: boolean) {
  const listeners = new Map<string, Set<() => void>>();
  const idleQueue: Array<() => void> = [];
  const win = {
    addEventListener: (type: string, fn: () => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(fn),
    removeEventListener: (type: string, fn: () => void) => void listeners.get(type)?.delete(fn),
  };
  // The idle moment is asked of the global scope (src/runtime/idle.ts), which in a browser is the window.
  if (withIdle) {
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => idleQueue.push(fn));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
  }
  return {
    win,
    fire: (type: string) => [...(listeners.get(type) ?? [])].forEach((fn) => fn()),
    idle: () => idleQueue.splice(0).forEach((fn) => fn()),
    listening: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

/** A fresh module (its promise is per page) and a flag that turns true when it resolves. */
async function start() {
  vi.resetModules();
  const mod = await import('./runtimeStart');
  const state = { started: false };
  void mod.runtimeMayStart().then(() => (state.started = true));
  return { state, IDLE_START_MS: mod.IDLE_START_MS, again: mod.runtimeMayStart };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('runtimeMayStart', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('resolves at once where there is no window (Node, the trace CLI)', async () => {
    vi.stubGlobal('window', undefined);
    const { state } = await start();
    await flush();
    expect(state.started).toBe(true);
  });

  it('waits for the first input, then stops listening', async () => {
    const w = fakeWindow(true);
    vi.stubGlobal('window', w.win);
    const { state } = await start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.started).toBe(false);
    w.fire('pointerdown');
    await flush();
    expect(state.started).toBe(true);
    expect(w.listening()).toBe(0);
  });

  it('without input, starts only after IDLE_START_MS and an idle moment', async () => {
    const w = fakeWindow(true);
    vi.stubGlobal('window', w.win);
    const { state, IDLE_START_MS, again } = await start();
    await vi.advanceTimersByTimeAsync(IDLE_START_MS - 1);
    w.idle();
    await flush();
    expect(state.started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.started).toBe(false);
    w.idle();
    await flush();
    expect(state.started).toBe(true);
    // One start per page: a later task does not wait again.
    let later = false;
    void again().then(() => (later = true));
    await flush();
    expect(later).toBe(true);
  });

  it('without requestIdleCallback, starts after IDLE_START_MS', async () => {
    const w = fakeWindow(false);
    vi.stubGlobal('window', w.win);
    const { state, IDLE_START_MS } = await start();
    await vi.advanceTimersByTimeAsync(IDLE_START_MS - 1);
    expect(state.started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1); // the stand-in for an idle moment: a timer
    expect(state.started).toBe(true);
  });
});

describe('warmRuntimeWhenMayStart', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    warmed.calls = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('warms the runtime at the first input, not before', async () => {
    const w = fakeWindow(true);
    vi.stubGlobal('window', w.win);
    vi.resetModules();
    const { warmRuntimeWhenMayStart } = await import('./runtimeStart');
    warmRuntimeWhenMayStart();
    await vi.advanceTimersByTimeAsync(1000);
    expect(warmed.calls).toBe(0);
    w.fire('keydown');
    await flush();
    expect(warmed.calls).toBe(1);
  });
});
