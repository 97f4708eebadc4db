import { describe, expect, it } from 'vitest';
import { runReference } from '../../../../core';
import { formCosts } from '../../../../core/formCost';
import { CHUNK_MECHANISMS, CHUNK_SIZES, COST_HEAD, chunkCase, chunkCount, chunkOf, chunkSpan, crossoverT } from './presets';

describe('chunkwise figure presets', () => {
  it('offers the mechanisms that train in chunks, linear attention and DeltaNet among them, not softmax or Mamba-1', () => {
    expect(CHUNK_MECHANISMS).toContain('linear_attention');
    expect(CHUNK_MECHANISMS).toContain('deltanet');
    expect(CHUNK_MECHANISMS).not.toContain('softmax_attention');
    expect(CHUNK_MECHANISMS).not.toContain('mamba');
  });

  it('cuts T = 8 into ⌈T/C⌉ spans that cover every step once', () => {
    const { T } = CHUNK_SIZES;
    for (let C = 1; C <= T; C++) {
      const n = chunkCount(T, C);
      expect(n).toBe(Math.ceil(T / C));
      const steps = Array.from({ length: n }, (_, b) => chunkSpan(b, C, T)).flatMap(({ start, end }) => Array.from({ length: end - start }, (_, i) => start + i));
      expect(steps).toEqual(Array.from({ length: T }, (_, i) => i));
      for (const t of steps) expect(chunkSpan(chunkOf(t, C), C, T).start).toBeLessThanOrEqual(t);
    }
    expect(chunkSpan(2, 3, 8)).toEqual({ start: 6, end: 8 });
  });

  it('the crossover is the first T from which chunkwise needs fewer multiply–adds than parallel', () => {
    for (const C of [16, 64, 256]) {
      const T = crossoverT(C);
      expect(T).not.toBeNull();
      const cost = (t: number) => formCosts(t, C, COST_HEAD);
      expect(cost(T!).chunkwise.flops).toBeLessThan(cost(T!).parallel.flops);
      expect(cost(T! - 1).chunkwise.flops).toBeGreaterThanOrEqual(cost(T! - 1).parallel.flops);
      for (const t of [T! + 1, 2 * T!, 64 * T!]) expect(cost(t).chunkwise.flops).toBeLessThan(cost(t).parallel.flops);
    }
  });

  it('linear attention: chunkwise at C ∈ {1, 3, T} equals an independent float64 loop on the figure’s case', () => {
    const c = chunkCase('linear_attention', 1);
    if (c.mechanism !== 'linear_attention') throw new Error('case');
    const { T, dk, dv } = CHUNK_SIZES;
    const S = Array.from({ length: dv }, () => new Array<number>(dk).fill(0));
    const o: number[][] = [];
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < dv; i++) for (let j = 0; j < dk; j++) S[i][j] += c.v[t][i] * c.k[t][j];
      o.push(S.map((row) => row.reduce((a, x, j) => a + x * c.q[t][j], 0)));
    }
    for (const C of [1, 3, T]) {
      const r = runReference(c, 'chunkwise', C);
      r.o.forEach((row, t) => row.forEach((x, i) => expect(x).toBeCloseTo(o[t][i], 12)));
    }
  });
});
