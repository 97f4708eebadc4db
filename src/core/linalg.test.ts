import { describe, expect, it } from 'vitest';
import { identity, matMul, solve, solveUnitLower } from './linalg';
import { randomMatrix, rng } from './random';
import { expectClose } from './test-utils';

describe('linear solves', () => {
  it('solve: A X = B for a random well-conditioned A', () => {
    const r = rng(1);
    const A = randomMatrix(r, 5, 5).map((row, i) => row.map((a, j) => (i === j ? a + 5 : a)));
    const B = randomMatrix(r, 5, 2);
    const X = solve(A, B);
    expect(X).not.toBeNull();
    expectClose(matMul(A, X ?? []), B, 1e-13);
  });

  it('solve needs pivoting: [[0, 1], [1, 0]] X = I', () => {
    expectClose(solve([[0, 1], [1, 0]], identity(2)), [[0, 1], [1, 0]]);
  });

  it('solve returns null for a singular matrix', () => {
    expect(solve([[1, 2], [2, 4]], [[1], [1]])).toBeNull();
    expect(solve([[0]], [[1]])).toBeNull();
  });

  it('solveUnitLower: (I + L) X = B by forward substitution, ignoring L on and above the diagonal', () => {
    // (I + L) = [[1, 0], [2, 1]], B = [[1], [5]] → x1 = 1, x2 = 5 − 2·1 = 3.
    expect(solveUnitLower([[99, 99], [2, 99]], [[1], [5]])).toEqual([[1], [3]]);
  });
});
