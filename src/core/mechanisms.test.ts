// Hand-derived cases: every mechanism on a sequence small enough to work out on paper. The arithmetic
// is in the comments (1-based steps, as in the lecture); each case is checked in every view.
import { describe, expect, it } from 'vitest';
import type { Case } from './cases';
import { runReference } from './index';
import { expectClose, everyView } from './test-utils';

function expectOutputs(c: Case, o: number[][], S_final: number[][] | null): void {
  for (const [view, r] of everyView(c)) {
    expectClose(r.o, o, 1e-12, `${c.mechanism} ${view} o`);
    if (S_final === null) expect(r.S_final, view).toBeNull();
    else expectClose(r.S_final, S_final, 1e-12, `${c.mechanism} ${view} S_final`);
  }
}

describe('hand-derived cases', () => {
  it('linear attention: S accumulates v kᵀ; the parallel weights are tril(QKᵀ)', () => {
    // S1 = v1 k1ᵀ = 2·[1, 0] = [[2, 0]],  o1 = S1 q1 = 2·1 = 2
    // S2 = S1 + v2 k2ᵀ = [[2, 0]] + 3·[0, 1] = [[2, 3]],  o2 = S2 q2 = 2 + 3 = 5
    // QKᵀ = [[q1·k1, q1·k2], [q2·k1, q2·k2]] = [[1, 0], [1, 1]], already lower triangular.
    const c: Case = {
      mechanism: 'linear_attention',
      q: [[1, 0], [1, 1]],
      k: [[1, 0], [0, 1]],
      v: [[2], [3]],
    };
    expectOutputs(c, [[2], [5]], [[2, 3]]);
    expectClose(runReference(c, 'parallel').M, [[1, 0], [1, 1]]);
  });

  it('softmax attention: weights are the softmax of past scores', () => {
    // t=1: one key, weight 1, o1 = v1 = 4.
    // t=2: scores q2·k1 = 0, q2·k2 = ln 3 → e^0 : e^{ln 3} = 1 : 3 → weights [1/4, 3/4],
    //      o2 = 4/4 + 3·8/4 = 1 + 6 = 7.
    const c: Case = {
      mechanism: 'softmax_attention',
      q: [[0], [1]],
      k: [[0], [Math.log(3)]],
      v: [[4], [8]],
    };
    expectOutputs(c, [[4], [7]], null);
    expectClose(runReference(c, 'parallel').M, [[1, 0], [0.25, 0.75]]);
  });

  it('RetNet: the memory fades by γ each step; D_ts = γ^(t−s)', () => {
    // γ = 0.5, all keys 1.
    // S1 = 4, o1 = 1·4 = 4;  S2 = 0.5·4 + 2 = 4, o2 = 4;  S3 = 0.5·4 + 1 = 3, o3 = 2·3 = 6.
    // Parallel row 3: q3 k_s γ^(3−s) = 2·[0.25, 0.5, 1] = [0.5, 1, 2]; 0.5·4 + 1·2 + 2·1 = 6.
    const c: Case = { mechanism: 'retnet', gamma: 0.5, q: [[1], [1], [2]], k: [[1], [1], [1]], v: [[4], [2], [1]] };
    expectOutputs(c, [[4], [4], [6]], [[3]]);
    expectClose(runReference(c, 'parallel').M, [[1, 0, 0], [0.5, 1, 0], [0.5, 1, 2]]);
  });

  it('gated retention: the gate of step t decays everything written before t', () => {
    // S1 = 0.9·0 + 2·1 = 2, o1 = 2   (the first gate has nothing to decay)
    // S2 = 0.5·2 + 1·2 = 3, o2 = 3;  parallel row 2: [q2 k1 γ2, q2 k2] = [0.5, 2]; 0.5·2 + 2·1 = 3.
    const c: Case = { mechanism: 'gated_retention', gate: [0.9, 0.5], q: [[1], [1]], k: [[1], [2]], v: [[2], [1]] };
    expectOutputs(c, [[2], [3]], [[3]]);
    expectClose(runReference(c, 'parallel').M, [[1, 0], [0.5, 2]]);
  });

  it('GLA: each key dimension decays at its own rate', () => {
    // S1 = 4·[1, 1] = [[4, 4]], o1 = S1 q1 = 4.
    // S2 = S1·diag(0.5, 0.25) + 1·[0, 1] = [[2, 1 + 1]] = [[2, 2]], o2 = 2 + 2 = 4.
    // Parallel M[2][1] = Σ_j q2[j] k1[j] Γ[j] = 0.5 + 0.25 = 0.75, M[2][2] = q2·k2 = 1; 0.75·4 + 1 = 4.
    const c: Case = {
      mechanism: 'gla',
      gate: [[1, 1], [0.5, 0.25]],
      q: [[1, 0], [1, 1]],
      k: [[1, 1], [0, 1]],
      v: [[4], [1]],
    };
    expectOutputs(c, [[4], [4]], [[2, 2]]);
    expectClose(runReference(c, 'parallel').M, [[1, 0], [0.75, 1]]);
  });

  it('DeltaNet: read the old value, write a β-weighted correction', () => {
    // S1 = 0 + β1 v1 k1ᵀ = [[2, 0]], o1 = 2.
    // Step 2, same key: old value S1 k2 = 2; S2 = S1 + β2 (v2 − 2) k2ᵀ = [[2 + 0.5·3, 0]] = [[3.5, 0]], o2 = 3.5.
    // UT form: u1 = β1 v1 = 2, u2 = β2 (v2 − k2ᵀk1 u1) = 0.5·(5 − 2) = 1.5; o2 = u1 + u2 = 3.5.
    // Effective weights: (I + L)⁻¹ diag(β) = [[1, 0], [−0.5, 1]]·diag(1, 0.5) = [[1, 0], [−0.5, 0.5]];
    // M = tril(QKᵀ)·that = [[1, 0], [1, 1]]·… = [[1, 0], [0.5, 0.5]]: o2 = 0.5·2 + 0.5·5 = 3.5.
    const c: Case = {
      mechanism: 'deltanet',
      beta: [1, 0.5],
      q: [[1, 0], [1, 0]],
      k: [[1, 0], [1, 0]],
      v: [[2], [5]],
    };
    expectOutputs(c, [[2], [3.5]], [[3.5, 0]]);
    expectClose(runReference(c, 'parallel').M, [[1, 0], [0.5, 0.5]]);
  });

  it('Gated DeltaNet: decay first, then the delta correction against the decayed memory', () => {
    // S1 = [[2, 0]], o1 = 2 (gate 0.9 acts on S0 = 0).
    // Step 2: decayed 0.5·S1 = [[1, 0]], old value 1; S2 = [[1 + 0.5·(4 − 1), 0]] = [[2.5, 0]], o2 = 2.5.
    const c: Case = {
      mechanism: 'gated_deltanet',
      beta: [1, 0.5],
      gate: [0.9, 0.5],
      q: [[1, 0], [1, 0]],
      k: [[1, 0], [1, 0]],
      v: [[2], [4]],
    };
    expectOutputs(c, [[2], [2.5]], [[2.5, 0]]);
  });

  it('Mamba-2: a_t = exp(dt_t A), write dt_t x_t B_tᵀ, read C_t', () => {
    // A = −ln 2. Step 1: a1 = e^{−ln 2} = 0.5, h1 = 0.5·0 + 1·2·1 = 2, y1 = C1 h1 = 2.
    // Step 2: dt2 = 2, a2 = e^{−2 ln 2} = 0.25, h2 = 0.25·2 + 2·4·1 = 8.5, y2 = 3·8.5 = 25.5.
    const c: Case = { mechanism: 'mamba2', A: -Math.log(2), dt: [1, 2], x: [[2], [4]], B: [[1], [1]], C: [[1], [3]] };
    expectOutputs(c, [[2], [25.5]], [[8.5]]);
  });

  it('Mamba (S6): each (channel, state) entry decays by exp(dt A[d][n])', () => {
    // D = 1, N = 2, A = [[−ln 2, −ln 4]].
    // Step 1 (dt 1): h1 = dt·x·B1 = 2·[1, 1] = [2, 2], y1 = C1·h1 = 2.
    // Step 2 (dt 0.5): Ā = [e^{−0.5 ln 2}, e^{−0.5 ln 4}] = [1/√2, 1/2];
    //   h2 = [2/√2, 1] + 0.5·1·[1, 0] = [√2 + 0.5, 1], y2 = C2·h2 = √2 + 1.5.
    const c: Case = {
      mechanism: 'mamba',
      A: [[-Math.log(2), -Math.log(4)]],
      dt: [[1], [0.5]],
      x: [[2], [1]],
      B: [[1, 1], [1, 0]],
      C: [[1, 0], [1, 1]],
    };
    expectOutputs(c, [[2], [Math.SQRT2 + 1.5]], [[Math.SQRT2 + 0.5, 1]]);
    expect(runReference(c, 'parallel').M).toBeNull();
  });
});
