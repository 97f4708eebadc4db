import { describe, expect, it } from 'vitest';
import {
  attentionStepMacs,
  kvCacheFloats,
  logLogSlope,
  memoryAt,
  parallelMacs,
  powerLaw,
  powersOfTwo,
  recurrentMacs,
  recurrentStepMacs,
  scoreMatrixFloats,
  stateFloats,
} from './cost';

const d16 = { dk: 16, dv: 16 };

describe('cost model', () => {
  it('counts by hand at T = 4, d_k = 2, d_v = 3', () => {
    // KV cache: 4 keys of 2 + 4 values of 3 = 20; scores 4 × 4 = 16; state 3 × 2 = 6.
    expect(kvCacheFloats(4, { dk: 2, dv: 3 })).toBe(20);
    expect(scoreMatrixFloats(4)).toBe(16);
    expect(stateFloats({ dk: 2, dv: 3 })).toBe(6);
    expect(memoryAt(4, { dk: 2, dv: 3 })).toEqual({ T: 4, kvCache: 80, scoreMatrix: 64, state: 24 });
  });

  it('chapter 0 at T = 4096, d = 16: 64 MiB of scores, 512 KiB of cache, 1 KiB of state', () => {
    const m = memoryAt(4096, d16);
    expect(m.scoreMatrix).toBe(64 * 2 ** 20);
    expect(m.kvCache).toBe(2 * 4096 * 16 * 4); // 2·T·d floats
    expect(m.kvCache).toBe(512 * 2 ** 10);
    expect(m.state).toBe(2 ** 10);
    // The predict-then-reveal answer: the score matrix is 4096² / 16² = 65 536 times the state.
    expect(scoreMatrixFloats(4096) / stateFloats(d16)).toBe(65536);
  });

  it('the state does not grow; the cache grows linearly; the scores quadratically', () => {
    const a = memoryAt(1000, d16);
    const b = memoryAt(2000, d16);
    expect(b.state).toBe(a.state);
    expect(b.kvCache).toBe(2 * a.kvCache);
    expect(b.scoreMatrix).toBe(4 * a.scoreMatrix);
  });

  it('work: parallel T²(d_k + d_v), recurrent 2 T d_k d_v; per generated token t(d_k + d_v) vs 2 d_k d_v', () => {
    expect(parallelMacs(3, { dk: 2, dv: 5 })).toBe(63);
    expect(recurrentMacs(3, { dk: 2, dv: 5 })).toBe(60);
    expect(attentionStepMacs(10, { dk: 2, dv: 5 })).toBe(70);
    expect(recurrentStepMacs({ dk: 2, dv: 5 })).toBe(20);
  });

  it('lengths: powers of two in range', () => {
    expect(powersOfTwo(16, 4096)).toEqual([16, 32, 64, 128, 256, 512, 1024, 2048, 4096]);
    expect(powersOfTwo(16, 100)).toEqual([16, 32, 64]);
    expect(powersOfTwo(3, 3)).toEqual([]);
  });

  it('a theory curve passes through its anchor with the given slope', () => {
    const f = powerLaw({ x: 1024, y: 50 }, 2);
    expect(f(1024)).toBe(50);
    expect(f(2048)).toBe(200);
    expect(f(512)).toBe(12.5);
    expect(powerLaw({ x: 10, y: 3 }, 1)(30)).toBeCloseTo(9, 12);
  });

  it('log–log slope recovers an exponent', () => {
    const pts = [16, 64, 256].map((x) => ({ x, y: 0.5 * x ** 2 }));
    expect(logLogSlope(pts)).toBeCloseTo(2, 12);
    expect(logLogSlope([{ x: 2, y: 3 }, { x: 8, y: 12 }])).toBeCloseTo(1, 12);
    expect(logLogSlope([{ x: 2, y: 3 }])).toBeNull();
    expect(logLogSlope([{ x: 2, y: 3 }, { x: 2, y: 5 }])).toBeNull();
  });
});
