// The delta rule as learning: one step is one SGD step on ½‖S k − v‖², and with β = 1 and orthonormal
// keys a repeated key overwrites its value, where linear attention can only add.
import { describe, expect, it } from 'vitest';
import type { Case } from './cases';
import { type Mat, type Vec } from './linalg';
import { parallel } from './parallel';
import { runReference } from './index';
import { randomMatrix, randomVector, rng, unitRows } from './random';
import { type MemoryProgram, recurrent, step } from './rule';
import { expectClose } from './test-utils';

/** L(S) = ½‖S k − v‖². */
function loss(S: Mat, k: Vec, v: Vec): number {
  return 0.5 * S.reduce((a, row, i) => a + (row.reduce((b, s, j) => b + s * k[j], 0) - v[i]) ** 2, 0);
}

/** ∂L/∂S by central differences: independent of any formula for the gradient. */
function numericGradient(S: Mat, k: Vec, v: Vec, h = 1e-6): Mat {
  return S.map((row, i) =>
    row.map((_, j) => {
      const plus = S.map((r) => r.slice());
      const minus = S.map((r) => r.slice());
      plus[i][j] += h;
      minus[i][j] -= h;
      return (loss(plus, k, v) - loss(minus, k, v)) / (2 * h);
    }),
  );
}

describe('DeltaNet as online learning', () => {
  const r = rng(11);
  const dk = 4;
  const dv = 3;
  const S0 = randomMatrix(r, dv, dk);
  const [k] = unitRows([randomVector(r, dk)]);
  const v = randomVector(r, dv);
  const q = randomVector(r, dk);
  const beta = 0.3;

  it('the gradient of ½‖S k − v‖² is (S k − v) kᵀ', () => {
    const analytic = S0.map((row, i) => row.map((_, j) => (row.reduce((a, s, n) => a + s * k[n], 0) - v[i]) * k[j]));
    expectClose(numericGradient(S0, k, v), analytic, 1e-7);
  });

  it('one step equals S − β ∇L(S), in the recurrent and the parallel form', () => {
    const grad = numericGradient(S0, k, v);
    const sgd = S0.map((row, i) => row.map((s, j) => s - beta * grad[i][j]));
    const program: MemoryProgram = { dk, dv, erase: true, steps: [{ q, k, v, beta, gate: { shape: 'none' } }] };
    expectClose(step(S0, program.steps[0], true).S, sgd, 1e-8);
    expectClose(recurrent(program, S0).S, sgd, 1e-8);
    expectClose(parallel(program, { S0 }).S_final, sgd, 1e-8);
    expect(loss(sgd, k, v)).toBeLessThan(loss(S0, k, v));
  });

  it('with β = 1 and orthonormal keys, re-writing a key replaces its value; linear attention adds', () => {
    // Orthonormal keys e1, e2 (rotated so they are not axis-aligned), values a, b, then c under e1 again.
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const e1 = [c, s, 0];
    const e2 = [-s, c, 0];
    const [a, b, cNew] = [[1, 2], [-3, 0.5], [4, -1]];
    const keys = [e1, e2, e1];
    const values = [a, b, cNew];
    // Query e1 and e2 after the last write (query rows 1, 2 only read; the last row asks about e1).
    const base = { q: [e2, e1, e1], k: keys, v: values };
    const delta: Case = { mechanism: 'deltanet', beta: [1, 1, 1], ...base };
    const linear: Case = { mechanism: 'linear_attention', ...base };
    for (const view of ['recurrent', 'parallel', 'chunkwise'] as const) {
      const d = runReference(delta, view).o;
      const l = runReference(linear, view).o;
      expectClose(d[2], cNew, 1e-12, `${view} delta overwrites`);
      expectClose(l[2], [a[0] + cNew[0], a[1] + cNew[1]], 1e-12, `${view} linear attention sums`);
      // At step 2 the other key still reads exactly its own value in both: orthogonal keys do not collide.
      expectClose(d[1], a, 1e-12, `${view} delta reads a`);
      expectClose(l[1], a, 1e-12, `${view} linear reads a`);
    }
  });
});
