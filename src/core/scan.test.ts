import { describe, expect, it } from 'vitest';
import { randn, rng, uniform } from './random';
import { combine, hillisSteeleScan, IDENTITY, scanDepth, sequentialScan, sequentialWork, workUpTo, type Affine } from './scan';
import { expectClose } from './test-utils';

const randomPairs = (T: number, seed: number): Affine[] => {
  const r = rng(seed);
  return Array.from({ length: T }, () => ({ a: uniform(r, 0, 1), b: randn(r) }));
};

describe('the associative operator (a₁, b₁) ∘ (a₂, b₂) = (a₁a₂, a₂b₁ + b₂)', () => {
  it('by hand: (2, 1) then (3, 4) maps h to 3(2h + 1) + 4 = 6h + 7', () => {
    expect(combine({ a: 2, b: 1 }, { a: 3, b: 4 })).toEqual({ a: 6, b: 7 });
  });

  it('is associative (so any grouping of the prefix gives the same map)', () => {
    const [p, q, s] = randomPairs(3, 1);
    const left = combine(combine(p, q), s);
    const right = combine(p, combine(q, s));
    expectClose([left.a, left.b], [right.a, right.b], 1e-15);
  });

  it('is not commutative: order is time', () => {
    expect(combine({ a: 2, b: 1 }, { a: 3, b: 4 })).not.toEqual(combine({ a: 3, b: 4 }, { a: 2, b: 1 }));
  });

  it('has the identity (1, 0) on both sides', () => {
    const p = { a: 0.3, b: -2 };
    expect(combine(IDENTITY, p)).toEqual(p);
    expect(combine(p, IDENTITY)).toEqual(p);
  });
});

describe('sequential recurrence', () => {
  it('by hand: a = [0.5, 0.5, 0], b = [2, 2, 7] → h = [2, 3, 7] (a = 0 resets)', () => {
    expect(sequentialScan([{ a: 0.5, b: 2 }, { a: 0.5, b: 2 }, { a: 0, b: 7 }])).toEqual([2, 3, 7]);
  });
});

describe('Hillis–Steele scan', () => {
  it('T = 8: three levels reaching back 1, 2, 4 positions; 7 + 6 + 4 = 17 combines', () => {
    const s = hillisSteeleScan(randomPairs(8, 2));
    expect(s.depth).toBe(3);
    expect(s.levels.map((l) => l.offset)).toEqual([0, 1, 2, 4]);
    expect(s.levels.map((l) => l.combines)).toEqual([0, 7, 6, 4]);
    expect(s.work).toBe(17);
    expect(s.levels[2].from).toEqual([null, null, 0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3].map((j) => workUpTo(s, j))).toEqual([0, 7, 13, 17]);
    expect(sequentialWork(8)).toBe(7);
  });

  it('by hand, T = 4: after level 1 position 2 holds e₁ ∘ e₂; after level 2 position 4 holds e₁∘e₂∘e₃∘e₄', () => {
    const e = [{ a: 0.5, b: 1 }, { a: 2, b: 0 }, { a: 1, b: 3 }, { a: 0, b: 5 }];
    const s = hillisSteeleScan(e);
    expect(s.levels[1].pairs[1]).toEqual({ a: 1, b: 2 });
    expect(s.levels[2].pairs[3]).toEqual({ a: 0, b: 5 });
    expect(s.h).toEqual([1, 2, 5, 5]);
  });

  it.each([1, 2, 3, 5, 8, 13, 16, 31, 64])('T = %i: the scan equals the step-by-step recurrence', (T) => {
    const pairs = randomPairs(T, 100 + T);
    const s = hillisSteeleScan(pairs);
    expectClose(s.h, sequentialScan(pairs), 1e-13);
    expect(s.depth).toBe(scanDepth(T));
    expect(s.work).toBe(s.levels.slice(1).reduce((w, l) => w + T - l.offset, 0));
  });

  it('every level holds prefixes: position t at level j covers steps max(1, t − 2^j + 1) … t', () => {
    const pairs = randomPairs(8, 9);
    const s = hillisSteeleScan(pairs);
    for (const level of s.levels) {
      const span = 2 ** level.level;
      level.pairs.forEach((p, t) => {
        const first = Math.max(0, t - span + 1);
        const expected = pairs.slice(first, t + 1).reduce(combine, IDENTITY);
        expectClose([p.a, p.b], [expected.a, expected.b], 1e-14, `level ${level.level} position ${t}`);
      });
    }
  });

  it('depth: ⌈log₂ T⌉', () => {
    expect([1, 2, 3, 4, 5, 8, 9, 1024].map(scanDepth)).toEqual([0, 1, 2, 2, 3, 3, 4, 10]);
  });
});
