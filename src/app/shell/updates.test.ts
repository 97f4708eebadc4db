import { afterEach, describe, expect, it, vi } from 'vitest';

// The page's clock for the worker's registration, driven by hand: when the runtime may start, the
// runtime's own start (if the page began one), and idle moments (a timer here).
const state = vi.hoisted(() => ({
  mayStart: () => undefined as void,
  warming: undefined as Promise<void> | undefined,
}));
vi.mock('../hooks/runtimeStart', () => ({ runtimeMayStart: () => new Promise<void>((resolve) => (state.mayStart = resolve)) }));
vi.mock('../../runtime/warm', () => ({ runtimeWarming: () => state.warming }));
vi.mock('../../runtime/idle', () => ({
  whenIdle: (run: () => void) => {
    const id = setTimeout(run, 0);
    return () => clearTimeout(id);
  },
}));

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Asks for the worker's registration on a page with a stubbed navigator; returns the navigator's register. */
async function askToRegister() {
  const register = vi.fn(() => Promise.resolve(undefined));
  vi.stubGlobal('navigator', { serviceWorker: { register, controller: null, addEventListener: vi.fn() } });
  const { registerServiceWorker } = await import('./updates');
  registerServiceWorker('./sw.js');
  return register;
}

/** askToRegister, then: nothing is registered before the runtime may start. */
async function registerOnPage() {
  const register = await askToRegister();
  await settle();
  expect(register).not.toHaveBeenCalled();
  return register;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
  state.warming = undefined;
});

describe('registerServiceWorker', () => {
  it('waits for the moment the runtime may start, then for the runtime’s own start', async () => {
    let warmed!: () => void;
    state.warming = new Promise<void>((resolve) => (warmed = resolve));
    const register = await registerOnPage();
    state.mayStart();
    await settle();
    expect(register).not.toHaveBeenCalled();
    warmed();
    await settle();
    expect(register).toHaveBeenCalledWith('./sw.js');
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('on a page that starts no runtime, registers once the runtime may start', async () => {
    const register = await registerOnPage();
    state.mayStart();
    await settle();
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a runtime start that stalls longer than 15 s', async () => {
    vi.useFakeTimers();
    state.warming = new Promise<void>(() => undefined);
    const register = await askToRegister();
    state.mayStart();
    await vi.advanceTimersByTimeAsync(14_000);
    expect(register).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(register).toHaveBeenCalledTimes(1);
  });
});
