// The run hook's two promises, tested on its pure parts: a state is shown only for the inputs it was
// computed from, and any failure (thrown or rejected) becomes a RuntimeError the page can word.
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../runtime/errors';
import { settle, stateFor } from './useRuntimeTask';

describe('stateFor', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const done = { status: 'done', value: 42 } as const;
  it('shows a landed state for its own inputs (same objects, same order)', () => {
    expect(stateFor({ inputs: [a, 'parallel', 3], state: done }, [a, 'parallel', 3])).toBe(done);
  });
  it('shows loading when the inputs moved on: an old answer never passes for the new input', () => {
    expect(stateFor({ inputs: [a, 'parallel'], state: done }, [b, 'parallel'])).toEqual({ status: 'loading' });
    // Equal contents are not the same input: cases are compared by identity, as React's effects do.
    expect(stateFor({ inputs: [{ id: 'a' }], state: done }, [a])).toEqual({ status: 'loading' });
    expect(stateFor(null, [a])).toEqual({ status: 'loading' });
  });
});

describe('settle', () => {
  it('lands a value', async () => {
    expect(await settle(() => Promise.resolve('ok'), 'load')).toEqual({ status: 'done', value: 'ok' });
  });
  it('turns a rejection into a RuntimeError of the given kind, keeping the message as its detail', async () => {
    const s = await settle(() => Promise.reject(new Error('wasm missing')), 'run');
    if (s.status !== 'error') throw new Error(`expected an error, got ${s.status}`);
    expect(s.error).toBeInstanceOf(RuntimeError);
    expect(s.error.kind).toBe('run');
    expect(s.error.detail).toBe('wasm missing');
  });
  it('catches a task that throws before it returns a promise', async () => {
    const s = await settle(() => {
      throw new TypeError('bad case');
    }, 'input');
    expect(s.status === 'error' && s.error.detail).toBe('bad case');
  });
  it('keeps a RuntimeError as it is', async () => {
    const original = new RuntimeError('session', 'The model file is damaged.');
    const s = await settle(() => Promise.reject(original), 'load');
    expect(s.status === 'error' && s.error).toBe(original);
  });
});
