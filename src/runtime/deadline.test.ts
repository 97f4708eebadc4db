import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { orAfter } from './deadline';

describe('orAfter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gives the work's value when it settles in time, and leaves no timer behind", async () => {
    const got = orAfter(new Promise<number>((r) => setTimeout(() => r(7), 100)), 1000, () => -1);
    await vi.advanceTimersByTimeAsync(100);
    await expect(got).resolves.toBe(7);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("passes the work's own failure on", async () => {
    const got = orAfter(Promise.reject(new Error('broken')), 1000, () => -1);
    await expect(got).rejects.toThrow('broken');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives the stand-in once the deadline passes, not a moment before', async () => {
    let settled = false;
    const got = orAfter(new Promise<number>(() => undefined), 1000, () => -1).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(got).resolves.toBe(-1);
  });

  it('rejects with what the stand-in throws', async () => {
    const got = orAfter(new Promise<number>(() => undefined), 50, () => {
      throw new Error('no answer after 50 ms');
    });
    const caught = got.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(50);
    await expect(caught).resolves.toBe('no answer after 50 ms');
  });
});
