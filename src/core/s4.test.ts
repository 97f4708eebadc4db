import { describe, expect, it } from 'vitest';
import { type Mat, matMul } from './linalg';
import { randomMatrix, randomVector, rng } from './random';
import {
  causalConvolution,
  discretizeZOH,
  expm,
  s4dReal,
  ssmConvolution,
  ssmKernel,
  ssmRecurrent,
} from './s4';
import { expectClose } from './test-utils';

describe('matrix exponential', () => {
  it.each([0.3, 1.3, 20])('the rotation generator [[0, −θ], [θ, 0]] with θ = %f exponentiates to a rotation', (θ) => {
    expectClose(
      expm([
        [0, -θ],
        [θ, 0],
      ]),
      [
        [Math.cos(θ), -Math.sin(θ)],
        [Math.sin(θ), Math.cos(θ)],
      ],
      1e-13,
    );
  });

  it('a diagonal matrix exponentiates entry by entry', () => {
    expectClose(expm([[1, 0, 0], [0, -2, 0], [0, 0, -30]]), [[Math.E, 0, 0], [0, Math.exp(-2), 0], [0, 0, Math.exp(-30)]], 1e-14);
  });

  it('a nilpotent matrix: exp([[0, t], [0, 0]]) = [[1, t], [0, 1]]', () => {
    expectClose(expm([[0, 5], [0, 0]]), [[1, 5], [0, 1]], 1e-15);
  });

  it('exp(X) exp(−X) = I for a random X', () => {
    const X = randomMatrix(rng(3), 4, 4, 2);
    expectClose(matMul(expm(X), expm(X.map((r) => r.map((x) => -x)))), [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], 1e-11);
  });
});

describe('zero-order hold', () => {
  it('1-D by hand: A = −1, Δ = 1, B = 1 → Ā = e⁻¹, B̄ = (−1)⁻¹(e⁻¹ − 1)·1 = 1 − e⁻¹', () => {
    const d = discretizeZOH({ A: [[-1]], B: [1], C: [1] }, 1);
    expectClose(d.Abar, [[Math.exp(-1)]], 1e-15);
    expectClose(d.Bbar, [1 - Math.exp(-1)], 1e-15);
    expect(d.method).toBe('inverse');
    // Kernel K_j = C Āʲ B̄ = e^{−j}(1 − e^{−1}); input [1, 2] → y1 = B̄, y2 = e⁻¹B̄ + 2B̄.
    const Bbar = 1 - Math.exp(-1);
    expectClose(ssmKernel(d, 3), [Bbar, Math.exp(-1) * Bbar, Math.exp(-2) * Bbar], 1e-15);
    expectClose(ssmConvolution(d, [1, 2]), [Bbar, Math.exp(-1) * Bbar + 2 * Bbar], 1e-15);
    expectClose(ssmRecurrent(d, [1, 2]).y, [Bbar, Math.exp(-1) * Bbar + 2 * Bbar], 1e-15);
  });

  it('singular ΔA uses the series: an integrator A = 0 gives B̄ = ΔB', () => {
    const d = discretizeZOH({ A: [[0]], B: [3], C: [1] }, 2);
    expect(d.method).toBe('series');
    expectClose(d.Abar, [[1]]);
    expectClose(d.Bbar, [6]);
  });

  it('singular ΔA: the double integrator gets B̄ = [Δ²/2, Δ] (exact ZOH of a constant input)', () => {
    const Δ = 0.7;
    const d = discretizeZOH({ A: [[0, 1], [0, 0]], B: [0, 1], C: [1, 0] }, Δ);
    expect(d.method).toBe('series');
    expectClose(d.Abar, [[1, Δ], [0, 1]], 1e-15);
    expectClose(d.Bbar, [(Δ * Δ) / 2, Δ], 1e-15);
  });

  it('B̄ agrees with the block exponential exp([[ΔA, ΔB], [0, 0]]) = [[Ā, B̄], [0, 1]]', () => {
    const r = rng(4);
    const N = 4;
    const A = randomMatrix(r, N, N).map((row, i) => row.map((a, j) => (i === j ? a - 3 : a)));
    const B = randomVector(r, N);
    const Δ = 0.4;
    const d = discretizeZOH({ A, B, C: randomVector(r, N) }, Δ);
    const block: Mat = [...A.map((row, i) => [...row.map((a) => Δ * a), Δ * B[i]]), new Array<number>(N + 1).fill(0)];
    const E = expm(block);
    expectClose(d.Bbar, E.slice(0, N).map((row) => row[N]), 1e-12);
    expectClose(d.Abar, E.slice(0, N).map((row) => row.slice(0, N)), 1e-12);
  });
});

describe('S4: convolution view = recurrent view', () => {
  it('dense random A (shifted to be stable), 50 steps', () => {
    const r = rng(5);
    const N = 4;
    const A = randomMatrix(r, N, N, 0.5).map((row, i) => row.map((a, j) => (i === j ? a - 1 : a)));
    const d = discretizeZOH({ A, B: randomVector(r, N), C: randomVector(r, N) }, 0.1);
    const x = randomVector(r, 50);
    expectClose(ssmConvolution(d, x), ssmRecurrent(d, x).y, 1e-12);
  });

  it('S4D-real: the kernel has the closed form K_j = Σ_n C_n e^{jΔa_n} (e^{Δa_n} − 1)/a_n B_n', () => {
    const a = [-0.5, -1, -2];
    const B = [1, -2, 0.5];
    const C = [0.3, 1, -1];
    const Δ = 0.25;
    const d = discretizeZOH(s4dReal(a, B, C), Δ);
    const closed = Array.from({ length: 20 }, (_, j) =>
      a.reduce((s, an, n) => s + C[n] * Math.exp(j * Δ * an) * ((Math.exp(Δ * an) - 1) / an) * B[n], 0),
    );
    expectClose(ssmKernel(d, 20), closed, 1e-14);
    const x = randomVector(rng(6), 20);
    expectClose(ssmRecurrent(d, x).y, ssmConvolution(d, x), 1e-13);
  });

  it('causal convolution by hand: K = [1, 10, 100], x = [1, 2, 3] → [1, 12, 123]', () => {
    expect(causalConvolution([1, 10, 100], [1, 2, 3])).toEqual([1, 12, 123]);
  });
});
