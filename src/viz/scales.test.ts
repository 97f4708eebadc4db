import { describe, expect, it } from 'vitest';
import { attentionLimit, figureLimit, inputLimit, limitOf, maxAbsOf } from './scales';
import { runReference } from '../core';
import { randomCase } from '../core/random';
import { makeTrace } from '../trace/trace';

describe('maxAbsOf / limitOf', () => {
  it('takes the largest finite magnitude over vectors and matrices', () => {
    expect(maxAbsOf([1, -3], [[2], [-0.5]])).toBe(3);
    expect(maxAbsOf([Number.NaN, Number.POSITIVE_INFINITY, -2])).toBe(2);
    expect(maxAbsOf(null, undefined, [])).toBe(0);
  });
  it('never returns 0, so an empty memory still has a scale', () => {
    expect(limitOf([[0, 0]])).toBe(1);
    expect(limitOf([0.25])).toBe(0.25);
  });
});

describe('figureLimit', () => {
  it('covers S, the write, the erase term and o over every step', () => {
    const input = randomCase('deltanet', { T: 6, dk: 3, dv: 2, seed: 3 });
    const trace = makeTrace(input, runReference(input, 'recurrent'), { view: 'recurrent', backend: 'reference', ms: 0 });
    const lim = figureLimit(trace);
    for (const s of trace.steps ?? []) {
      for (const m of [s.S, s.write, s.erase, s.decayed]) for (const row of m) for (const x of row) expect(Math.abs(x)).toBeLessThanOrEqual(lim);
      for (const x of [...s.o, ...s.recalled]) expect(Math.abs(x)).toBeLessThanOrEqual(lim);
    }
    // …and is attained by one of them (tight, not padded).
    const all = (trace.steps ?? []).flatMap((s) => [...s.S.flat(), ...s.write.flat(), ...s.erase.flat(), ...s.decayed.flat(), ...s.o, ...s.recalled]);
    expect(Math.max(...all.map(Math.abs))).toBe(lim);
  });
  it('falls back to S_T and O without per-step records', () => {
    expect(figureLimit({ S_final: [[1, -4]], o: [[2]] })).toBe(4);
    expect(figureLimit({ S_final: null, o: [[0]] })).toBe(1);
  });
  it('is one number for the whole figure, so the colours of a step never jump', () => {
    const input = randomCase('retnet', { T: 5, dk: 2, dv: 2, seed: 1 });
    const trace = makeTrace(input, runReference(input, 'recurrent'), { view: 'recurrent', backend: 'reference', ms: 0 });
    const whole = figureLimit(trace);
    const firstOnly = figureLimit({ ...trace, steps: trace.steps?.slice(0, 1) });
    expect(whole).toBeGreaterThanOrEqual(firstOnly);
  });
});

describe('inputLimit / attentionLimit', () => {
  it('reads q, k, v (or Mamba x, B, C) from the case', () => {
    const input = randomCase('linear_attention', { T: 4, dk: 2, dv: 2, seed: 2 });
    expect(inputLimit({ input })).toBe(maxAbsOf(input.q, input.k, input.v));
    const mamba = randomCase('mamba2', { T: 4, dk: 2, dv: 2, seed: 2 });
    expect(inputLimit({ input: mamba })).toBe(maxAbsOf(mamba.x, mamba.B, mamba.C));
  });
  it('uses M (and O when given)', () => {
    expect(attentionLimit([[1, 0], [-2, 0.5]])).toBe(2);
    expect(attentionLimit([[1]], [[3]])).toBe(3);
    expect(attentionLimit(null)).toBe(1);
  });
});
