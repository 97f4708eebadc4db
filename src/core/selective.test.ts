import { describe, expect, it } from 'vitest';
import { parseCase } from './cases';
import { runReference } from './index';
import { randomMatrix, rng } from './random';
import { hillisSteeleScan, sequentialScan } from './scan';
import { entryRecurrence, fixedStepCase, keepFactor, selectiveCase, softplus, type SelectiveWeights } from './selective';
import { expectClose } from './test-utils';

describe('softplus', () => {
  it('by hand: softplus(0) = ln 2, softplus(z) ≈ z for large z, ≈ e^z for very negative z', () => {
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus(50)).toBe(50);
    expect(softplus(800)).toBe(800); // no overflow
    expect(softplus(-30)).toBeCloseTo(Math.exp(-30), 25);
    expect(softplus(-800)).toBe(0);
  });
  it('is always positive for finite inputs down to the float range and increasing', () => {
    const zs = [-20, -5, -1, 0, 1, 5, 20];
    const ys = zs.map(softplus);
    ys.forEach((y, i) => {
      expect(y).toBeGreaterThan(0);
      if (i > 0) expect(y).toBeGreaterThan(ys[i - 1]);
    });
  });
});

// One channel, one state entry, embeddings [value, salience]: Δ = softplus(4·salience − 2).
const tiny: SelectiveWeights = {
  Wx: [[1, 0]],
  Wdt: [[0, 4]],
  bdt: [-2],
  WB: [[0, 1]],
  WC: [[1, 1]],
  A: [[-1]],
};

describe('selective Δ, B, C from token embeddings', () => {
  it('by hand: e = [3, 1] gives x = 3, Δ = softplus(2), B = 1, C = 4', () => {
    const c = selectiveCase([[3, 1]], tiny);
    expect(c.x).toEqual([[3]]);
    expect(c.dt[0][0]).toBeCloseTo(Math.log(1 + Math.exp(2)), 14);
    expect(c.B).toEqual([[1]]);
    expect(c.C).toEqual([[4]]);
    // h_1 = Δ B x = 3 softplus(2); y_1 = C h_1.
    const o = runReference(c, 'recurrent').o;
    expect(o[0][0]).toBeCloseTo(4 * 3 * softplus(2), 12);
  });

  it('is a valid mamba case', () => {
    const c = selectiveCase(randomMatrix(rng(1), 6, 2), tiny);
    expect(parseCase(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it('Δ → 0 skips the token: the memory is kept as it was', () => {
    // Step 2 has salience −10: Δ = softplus(−42) ≈ 6e−19.
    const c = selectiveCase([[3, 1], [5, -10]], tiny);
    expect(keepFactor(c, 1, 0, 0)).toBeGreaterThan(1 - 1e-15);
    const steps = runReference(c, 'recurrent').steps ?? [];
    expectClose(steps[1].S, steps[0].S, 1e-15);
  });

  it('large Δ resets: the old memory is all but gone and the new token fills it', () => {
    // Salience 5: Δ = softplus(18) ≈ 18, exp(−18) ≈ 1.5e−8.
    const c = selectiveCase([[3, 1], [-2, 5]], tiny);
    const S = runReference(c, 'recurrent').steps?.[1].S ?? [];
    expect(keepFactor(c, 1, 0, 0)).toBeLessThan(2e-8);
    expect(S[0][0]).toBeCloseTo(c.dt[1][0] * 5 * -2, 5); // Δ B x with B = 5
  });

  it('fixedStepCase: one Δ everywhere, everything else unchanged', () => {
    const c = selectiveCase(randomMatrix(rng(2), 4, 2), tiny);
    const f = fixedStepCase(c, 0.5);
    expect(f.dt).toEqual([[0.5], [0.5], [0.5], [0.5]]);
    expect({ ...f, dt: c.dt }).toEqual(c);
  });
});

describe('one state entry is a scalar recurrence h_t = a_t h_{t−1} + b_t', () => {
  const w: SelectiveWeights = {
    Wx: [[1, 0, 0.5], [0, -1, 1]],
    Wdt: [[0, 3, 0], [1, 0, -1]],
    bdt: [-1, 0.5],
    WB: [[1, 0, 0], [0.5, 1, 0], [0, 0, 1]],
    WC: [[1, 1, 0], [0, 1, 1], [1, 0, 1]],
    A: [[-1, -2, -3], [-0.5, -1, -1.5]],
  };
  const c = selectiveCase(randomMatrix(rng(3), 8, 3), w);
  const steps = runReference(c, 'recurrent').steps ?? [];
  it.each([[0, 0], [0, 2], [1, 1]])('entry (%i, %i): sequential recurrence and the scan both equal S_t[d][n]', (d, n) => {
    const pairs = entryRecurrence(c, d, n);
    const fromMemory = steps.map((s) => s.S[d][n]);
    expectClose(sequentialScan(pairs), fromMemory, 1e-13);
    expectClose(hillisSteeleScan(pairs).h, fromMemory, 1e-13);
  });
});
