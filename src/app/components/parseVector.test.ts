import { describe, expect, it } from 'vitest';
import { parseVector } from './parseVector';

describe('parseVector', () => {
  it('reads commas, spaces, brackets, full-width commas and typographic minus signs', () => {
    expect(parseVector('0.5, -1, 2', 3)).toEqual({ ok: true, value: [0.5, -1, 2] });
    expect(parseVector('[1 2]', 2)).toEqual({ ok: true, value: [1, 2] });
    expect(parseVector('1，−0.25', 2)).toEqual({ ok: true, value: [1, -0.25] });
    expect(parseVector('1e-3, .5', 2)).toEqual({ ok: true, value: [0.001, 0.5] });
  });
  it('names what is wrong', () => {
    expect(parseVector('', 2)).toEqual({ ok: false, problem: 'empty' });
    expect(parseVector('1, two', 2)).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseVector('NaN, 1', 2)).toEqual({ ok: false, problem: 'not-finite' });
    expect(parseVector('inf, 1', 2)).toEqual({ ok: false, problem: 'not-finite' });
    expect(parseVector('1e30, 1', 2)).toEqual({ ok: false, problem: 'too-large' });
    expect(parseVector('1, 2, 3', 2)).toEqual({ ok: false, problem: 'wrong-length' });
    expect(parseVector('0x10, 1', 2)).toEqual({ ok: false, problem: 'not-a-number' });
  });
});
