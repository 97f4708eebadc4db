import { describe, expect, it } from 'vitest';
import { MECHANISMS, caseSizes, parseCase } from './cases';
import { randn, randomCase, randomMatrix, rng, unitRows } from './random';

describe('seeded randomness', () => {
  it('the same seed gives the same numbers; another seed does not', () => {
    const a = rng(42);
    const b = rng(42);
    const c = rng(43);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
    xs.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });

  it('randn looks standard normal (mean ≈ 0, variance ≈ 1 over 20 000 draws)', () => {
    const r = rng(7);
    const xs = Array.from({ length: 20000 }, () => randn(r));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('unitRows gives rows of length 1 and leaves a zero row alone', () => {
    const U = unitRows([...randomMatrix(rng(1), 4, 3, 5), [0, 0, 0]]);
    U.slice(0, 4).forEach((row) => expect(Math.abs(Math.hypot(...row) - 1)).toBeLessThan(1e-15));
    expect(U[4]).toEqual([0, 0, 0]);
  });

  it.each(MECHANISMS)('randomCase(%s) is a valid case of the requested size, reproducibly', (m) => {
    const c = randomCase(m, { T: 5, dk: 3, dv: 2, seed: 9 });
    expect(c.mechanism).toBe(m);
    expect(parseCase(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(caseSizes(c)).toEqual({ T: 5, dk: 3, dv: 2 });
    expect(randomCase(m, { T: 5, dk: 3, dv: 2, seed: 9 })).toEqual(c);
    if (c.mechanism === 'deltanet' || c.mechanism === 'gated_deltanet') {
      c.k.forEach((k) => expect(Math.abs(Math.hypot(...k) - 1)).toBeLessThan(1e-15));
      c.beta.forEach((b) => expect(b > 0 && b < 1).toBe(true));
    }
    if ('gate' in c) c.gate.flat().forEach((g) => expect(g >= 0.5 && g < 1).toBe(true));
    if (c.mechanism === 'mamba2') c.dt.forEach((dt) => expect(dt >= 0.05 && dt < 0.5).toBe(true));
    if (c.mechanism === 'mamba') c.A.flat().forEach((a) => expect(a).toBeLessThan(0));
  });
});
