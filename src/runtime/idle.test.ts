import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './idle';

type IdleScope = { requestIdleCallback?: unknown; cancelIdleCallback?: unknown };
const scope = globalThis as IdleScope;

afterEach(() => {
  delete scope.requestIdleCallback;
  delete scope.cancelIdleCallback;
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('asks requestIdleCallback with the timeout, and its cancel cancels that request', () => {
    const asked: { timeout?: number }[] = [];
    const cancelled: number[] = [];
    scope.requestIdleCallback = (_run: () => void, o?: { timeout: number }) => (asked.push(o ?? {}), 7);
    scope.cancelIdleCallback = (id: number) => cancelled.push(id);
    const cancel = whenIdle(() => undefined, { timeout: 1234, fallbackMs: 50 });
    expect(asked).toEqual([{ timeout: 1234 }]);
    cancel();
    expect(cancelled).toEqual([7]);
  });

  it('without requestIdleCallback, runs after fallbackMs, and not once cancelled', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    whenIdle(() => ran.push('a'), { timeout: 1000, fallbackMs: 50 });
    const cancel = whenIdle(() => ran.push('b'), { timeout: 1000, fallbackMs: 50 });
    cancel();
    vi.advanceTimersByTime(49);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);
  });
});
