import { describe, expect, it } from 'vitest';
import { listenAll } from './listen';

describe('listenAll', () => {
  it('adds every listener of the table, and its clean-up removes them all', () => {
    const target = new EventTarget();
    const heard: string[] = [];
    const stop = listenAll(target, [
      ['a', () => heard.push('a')],
      ['b', () => heard.push('b')],
    ]);
    target.dispatchEvent(new Event('a'));
    target.dispatchEvent(new Event('b'));
    stop();
    target.dispatchEvent(new Event('a'));
    target.dispatchEvent(new Event('b'));
    expect(heard).toEqual(['a', 'b']);
  });
});
