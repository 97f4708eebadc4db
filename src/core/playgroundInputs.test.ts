import { describe, expect, it } from 'vitest';
import { MECHANISMS, caseSizes, parseCase, type CaseOf } from './cases';
import { INPUT_PRESETS, TYPICAL_DT, mechanismKnobs, playgroundCase, type PlaygroundInputOptions } from './playgroundInputs';
import { randomCase } from './random';

const base: PlaygroundInputOptions = { T: 6, dk: 3, dv: 2, seed: 5, preset: 'random', gateLevel: 0.8, beta: 0.5 };

describe('playground inputs', () => {
  it('every mechanism and preset gives a valid case of the asked sizes', () => {
    for (const m of MECHANISMS)
      for (const preset of INPUT_PRESETS)
        for (const gateLevel of [0.05, 0.8, 1]) {
          const c = playgroundCase(m, { ...base, preset, gateLevel });
          expect(parseCase(JSON.parse(JSON.stringify(c)))).toEqual(c);
          expect(caseSizes(c)).toEqual({ T: 6, dk: 3, dv: 2 });
        }
  });

  it('is the seeded random case when the knobs are at the random case’s values (q, k, v unchanged)', () => {
    const r = randomCase('gated_deltanet', { T: 6, dk: 3, dv: 2, seed: 5 });
    const c = playgroundCase('gated_deltanet', base) as CaseOf<'gated_deltanet'>;
    expect([c.q, c.k, c.v]).toEqual([r.q, r.k, r.v]);
    expect(c.beta).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    // Moving the gate level changes the gates only.
    const d = playgroundCase('gated_deltanet', { ...base, gateLevel: 0.3 }) as CaseOf<'gated_deltanet'>;
    expect([d.q, d.k, d.v, d.beta]).toEqual([c.q, c.k, c.v, c.beta]);
    expect(d.gate).not.toEqual(c.gate);
  });

  it('gates lie in [level, 1]; RetNet’s γ is the level; level 1 forgets nothing', () => {
    const g = playgroundCase('gla', { ...base, gateLevel: 0.7 }) as CaseOf<'gla'>;
    g.gate.flat().forEach((x) => expect(x >= 0.7 && x <= 1).toBe(true));
    expect((playgroundCase('retnet', { ...base, gateLevel: 0.7 }) as CaseOf<'retnet'>).gamma).toBe(0.7);
    expect((playgroundCase('gated_retention', { ...base, gateLevel: 1 }) as CaseOf<'gated_retention'>).gate).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('Mamba-2: a typical step decays by the level; Mamba-1: A stays below 0 even at level 1', () => {
    const m2 = playgroundCase('mamba2', { ...base, gateLevel: 0.5 }) as CaseOf<'mamba2'>;
    expect(Math.exp(TYPICAL_DT * m2.A)).toBeCloseTo(0.5, 12);
    const m1 = playgroundCase('mamba', { ...base, gateLevel: 1 }) as CaseOf<'mamba'>;
    m1.A.flat().forEach((a) => expect(a).toBeLessThan(0));
  });

  it('one-hot cycles keys and queries through the axes; repeat writes one column', () => {
    const c = playgroundCase('linear_attention', { ...base, preset: 'one-hot' }) as CaseOf<'linear_attention'>;
    expect(c.k).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect(c.q).toEqual(c.k);
    const r = playgroundCase('mamba2', { ...base, preset: 'repeat' }) as CaseOf<'mamba2'>;
    r.B.forEach((row) => expect(row).toEqual([1, 0, 0]));
  });

  it('knobs per mechanism', () => {
    expect(mechanismKnobs('linear_attention')).toEqual({ gate: false, beta: false });
    expect(mechanismKnobs('gated_deltanet')).toEqual({ gate: true, beta: true });
    expect(mechanismKnobs('deltanet')).toEqual({ gate: false, beta: true });
    expect(mechanismKnobs('mamba')).toEqual({ gate: true, beta: false });
  });
});
