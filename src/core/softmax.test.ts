import { describe, expect, it } from 'vitest';
import { randomCase } from './random';
import { checkChunk, softmax, softmaxChunkwise, softmaxParallel, softmaxRecurrent } from './softmax';
import { expectClose } from './test-utils';

describe('softmax attention', () => {
  it('three steps by hand', () => {
    // Scores at t=3: q3·k = [0, ln 2, ln 5] → e^s = [1, 2, 5], sum 8 → weights [1/8, 2/8, 5/8];
    // o3 = (8 + 2·16 + 5·0)/8 = 40/8 = 5.   t=2: scores [0, ln 2] → [1/3, 2/3], o2 = (8 + 32)/3.
    const c = { q: [[1], [1], [1]], k: [[0], [Math.log(2)], [Math.log(5)]], v: [[8], [16], [0]] };
    const expected = [[8], [40 / 3], [5]];
    expectClose(softmaxRecurrent(c).o, expected);
    expectClose(softmaxParallel(c).o, expected);
    for (const chunk of [1, 2, 3, 4]) expectClose(softmaxChunkwise(c, chunk).o, expected, 1e-12, `chunk ${chunk}`);
    expectClose(softmaxParallel(c).M, [[1, 0, 0], [1 / 3, 2 / 3, 0], [1 / 8, 2 / 8, 5 / 8]]);
  });

  it('huge scores do not overflow (the running max is subtracted)', () => {
    // Scores 1000 and 1000 + ln 3: weights 1/4, 3/4 even though e^1000 is Infinity.
    const c = { q: [[1000], [1000]], k: [[1], [1 + Math.log(3) / 1000]], v: [[4], [8]] };
    for (const r of [softmaxRecurrent(c), softmaxParallel(c), softmaxChunkwise(c, 1)]) expectClose(r.o, [[4], [7]], 1e-9);
    expect(Math.exp(1000)).toBe(Infinity);
  });

  it('the weights are causal rows of a probability matrix', () => {
    const c = randomCase('softmax_attention', { T: 10, dk: 4, dv: 3, seed: 8 });
    const M = softmaxParallel(c).M ?? [];
    M.forEach((row, t) => {
      expectClose(row.reduce((a, b) => a + b, 0), 1, 1e-14);
      row.forEach((w, s) => (s > t ? expect(w).toBe(0) : expect(w).toBeGreaterThan(0)));
    });
  });

  it('softmax of a vector sums to 1 and is shift-invariant', () => {
    const p = softmax([1, 2, 3]);
    expectClose(p, softmax([101, 102, 103]), 1e-15);
    const e = [1, Math.E, Math.E ** 2];
    expectClose(p, e.map((x) => x / (1 + Math.E + Math.E ** 2)), 1e-15);
  });

  it('chunk sizes must be whole numbers ≥ 1', () => {
    expect(() => checkChunk(0)).toThrow(/chunk/);
    expect(() => checkChunk(2.5)).toThrow(/chunk/);
    expect(() => checkChunk(3)).not.toThrow();
  });
});
