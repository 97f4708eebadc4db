import { describe, expect, it } from 'vitest';
import { parallelMacs, recurrentMacs } from './cost';
import { LIVE_TENSOR_BUDGET, chunkCount, fitsBudget, formCosts, largestTensor } from './formCost';
import type { Widths } from './cost';

/** Multiply–adds of linear attention's chunkwise form (half its FLOPs). */
const chunkwiseMacs = (T: number, C: number, w: Widths) => formCosts(T, C, w).chunkwise.flops / 2;

describe('form costs', () => {
  it('counts by hand at T = 4, C = 2, d_k = 2, d_v = 3', () => {
    // Parallel: QKᵀ 4·4·2 = 32 and M V 4·4·3 = 48 multiply–adds → 160 FLOPs; scores 4 × 4.
    // Recurrent: per step write 3·2 and read 3·2 → 4·12 = 48 multiply–adds → 96 FLOPs; state 3 × 2.
    // Chunkwise: 2 chunks × (2·2·(2+3) = 20 inside + 2·2·2·3 = 24 across) = 88 → 176 FLOPs; 2×2 + 3×2.
    const c = formCosts(4, 2, { dk: 2, dv: 3 });
    expect(c.parallel).toEqual({ flops: 160, memory: 16, sequentialSteps: 1 });
    expect(c.recurrent).toEqual({ flops: 96, memory: 6, sequentialSteps: 4 });
    expect(c.chunkwise).toEqual({ flops: 176, memory: 10, sequentialSteps: 2 });
  });

  it('pads the last chunk: T = 5, C = 2 is three chunks of two', () => {
    expect(chunkCount(5, 2)).toBe(3);
    expect(chunkwiseMacs(5, 2, { dk: 1, dv: 1 })).toBe(3 * 4 * 2 + 3 * 2 * 2);
  });

  it('C = 1 is the recurrent count plus T(d_k + d_v); C = T the parallel count plus 2 T d_k d_v', () => {
    const w = { dk: 8, dv: 16 };
    for (const T of [1, 7, 64, 1024]) {
      expect(chunkwiseMacs(T, 1, w)).toBe(recurrentMacs(T, w) + T * (w.dk + w.dv));
      expect(chunkwiseMacs(T, T, w)).toBe(parallelMacs(T, w) + 2 * T * w.dk * w.dv);
    }
  });

  it('grows like T² (parallel), T (recurrent) and T·C (chunkwise, fixed C)', () => {
    const w = { dk: 16, dv: 16 };
    const a = formCosts(256, 16, w);
    const b = formCosts(512, 16, w);
    expect(b.parallel.flops / a.parallel.flops).toBe(4);
    expect(b.recurrent.flops / a.recurrent.flops).toBe(2);
    expect(b.chunkwise.flops / a.chunkwise.flops).toBe(2);
    expect(b.parallel.memory / a.parallel.memory).toBe(4);
    expect(b.recurrent.memory).toBe(a.recurrent.memory);
    expect(b.chunkwise.memory).toBe(a.chunkwise.memory);
    expect(b.chunkwise.sequentialSteps).toBe(32);
  });

  it('clamps the chunk size into 1..T', () => {
    const w = { dk: 2, dv: 2 };
    expect(formCosts(4, 99, w).chunkwise).toEqual(formCosts(4, 4, w).chunkwise);
    expect(formCosts(4, 0, w).chunkwise).toEqual(formCosts(4, 1, w).chunkwise);
  });

  it('GLA and Mamba-1 carry gate axes on the scores; softmax attention keeps a growing cache', () => {
    const w = { dk: 2, dv: 3 };
    const lin = formCosts(4, 2, w);
    const gla = formCosts(4, 2, w, 'gla');
    expect(gla.parallel).toEqual({ ...lin.parallel, memory: 16 * 2 });
    expect(gla.chunkwise).toEqual({ ...lin.chunkwise, memory: 4 * 2 + 6 });
    expect(gla.recurrent).toEqual(lin.recurrent);
    // Mamba-1 at T = 4: per channel 16 pairs × (2 + 1) → 3 · 48 = 144 multiply–adds.
    const mamba = formCosts(4, 2, w, 'mamba');
    expect(mamba.parallel).toEqual({ flops: 2 * 144, memory: 16 * 6, sequentialSteps: 1 });
    expect(mamba.chunkwise).toEqual({ flops: 2 * (2 * 4 * 3 * 3 + 2 * 2 * 2 * 6), memory: 4 * 6 + 6, sequentialSteps: 2 });
    // Softmax at T = 4: the recurrent form reads 1 + 2 + 3 + 4 = 10 cached pairs of (k, v).
    const soft = formCosts(4, 2, w, 'softmax_attention');
    expect(soft.parallel).toEqual(lin.parallel);
    expect(soft.recurrent).toEqual({ flops: 2 * 10 * 5, memory: 4 * 5, sequentialSteps: 4 });
    expect(soft.chunkwise).toEqual({ flops: 2 * 4 * 4 * 5, memory: 4 * 2 + 4 * 3, sequentialSteps: 2 });
  });

  it('the largest tensor: T² for most, T² d_k for GLA, T² d_v d_k for Mamba-1', () => {
    const w = { dk: 4, dv: 8 };
    expect(largestTensor('deltanet', 'parallel', 10, 2, w)).toBe(100);
    expect(largestTensor('gla', 'parallel', 10, 2, w)).toBe(400);
    expect(largestTensor('mamba', 'parallel', 10, 2, w)).toBe(3200);
    expect(largestTensor('mamba', 'chunkwise', 10, 2, w)).toBe(4 * 32);
    expect(largestTensor('retnet', 'recurrent', 10, 2, w)).toBe(320);
  });

  it('keeps Mamba-1 at T = 1024, d = 64 off the live budget, but not linear attention', () => {
    const w = { dk: 64, dv: 64 };
    expect(fitsBudget('linear_attention', 'parallel', 1024, 1, w)).toBe(true);
    expect(fitsBudget('mamba', 'parallel', 1024, 1, w)).toBe(false);
    expect(fitsBudget('mamba', 'chunkwise', 1024, 64, w)).toBe(true); // 64² · 64² = 2²⁴
    expect(fitsBudget('gla', 'parallel', 1024, 1, { dk: 32, dv: 64 })).toBe(true); // exactly 2²⁵
    expect(LIVE_TENSOR_BUDGET).toBe(33554432);
  });
});
