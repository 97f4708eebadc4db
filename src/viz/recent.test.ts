import { describe, expect, it } from 'vitest';
import { rememberRecent } from './recent';

describe('rememberRecent', () => {
  it('computes a key once while it is among the last `size` used, least recently used out first', () => {
    const calls: string[] = [];
    const f = rememberRecent(2, (k) => (calls.push(k), k.toUpperCase()));
    expect([f('a'), f('b'), f('a'), f('c')]).toEqual(['A', 'B', 'A', 'C']); // c pushes out b, not a
    expect(f('a')).toBe('A');
    expect(f('b')).toBe('B');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });
});
