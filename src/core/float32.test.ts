import { describe, expect, it } from 'vitest';
import type { Case } from './cases';
import { FLOAT32_MAX, beyondFloat32, caseBeyondFloat32, firstNonFinite, float32Problem, resultNonFinite, valueAt } from './float32';

describe('what float32 can hold', () => {
  it('FLOAT32_MAX is the largest finite float32; twice it is not', () => {
    expect(Math.fround(FLOAT32_MAX)).toBe(FLOAT32_MAX);
    expect(beyondFloat32(FLOAT32_MAX)).toBe(false);
    expect(beyondFloat32(-FLOAT32_MAX)).toBe(false);
    expect(beyondFloat32(2 * FLOAT32_MAX)).toBe(true);
    expect(beyondFloat32(-1e39)).toBe(true);
    // Tiny numbers round to 0, they do not overflow; non-finite ones are another check's business.
    expect(beyondFloat32(1e-50)).toBe(false);
    expect(beyondFloat32(Infinity)).toBe(false);
  });

  it('names the first non-finite entry by its path', () => {
    expect(firstNonFinite('o', [[1, 2], [3, NaN]])).toBe('o[1][1]');
    expect(firstNonFinite('S', [[[1]], [[-Infinity]]])).toBe('S[1][0][0]');
    expect(firstNonFinite('o', [[1]])).toBeNull();
    expect(firstNonFinite('S_final', null)).toBeNull();
  });

  it('names the first input float32 cannot hold, and quotes it', () => {
    const c: Case = { mechanism: 'retnet', gamma: 0.5, q: [[1, 0]], k: [[1, 3e38]], v: [[0, 4e38]] };
    expect(caseBeyondFloat32(c)).toBe('v[0][1]');
    expect(valueAt(c, 'v[0][1]')).toBe(4e38);
    expect(valueAt(c, '__proto__')).toBeUndefined();
    expect(caseBeyondFloat32({ ...c, v: [[0, 1]] })).toBeNull();
  });

  it('tells an answer beyond float32 from a form whose products alone overflowed', () => {
    const c: Case = { mechanism: 'linear_attention', q: [[1]], k: [[1]], v: [[1]] };
    const finite = { o: [[1]], S_final: [[1]] };
    const broken = { o: [[NaN]], S_final: [[1]], M: [[Infinity]] };
    expect(resultNonFinite(broken)).toBe('o[0][0]');
    expect(resultNonFinite({ o: [[1]], S_final: [[1]], M: [[Infinity]] })).toBe('M[0][0]');
    expect(float32Problem(c, finite)).toBeNull();
    expect(float32Problem(c, broken, finite)).toEqual({ kind: 'form', field: 'o[0][0]' });
    expect(float32Problem(c, broken, broken)).toEqual({ kind: 'overflow', field: 'o[0][0]' });
    expect(float32Problem(c, broken)).toEqual({ kind: 'overflow', field: 'o[0][0]' });
  });
});
