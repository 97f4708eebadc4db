// RWKV-7 against a float64 loop written here from its definition, not from the code under test:
//   S_t = S_{t−1}(diag(w_t) + a_t b_tᵀ) + v_t k_tᵀ,   o_t = S_t q_t,
// S d_v × d_k, S₀ = 0, read after write. Checked in every view and on both backends by scripts/definitionSuite.ts.
import { parseCase, type CaseOf } from '../src/core/cases';
import type { Mat } from '../src/core/linalg';
import { randomCase } from '../src/core/random';
import { describeAgainstDefinition } from './definitionSuite';

function loop(c: CaseOf<'rwkv7'>): { o: Mat; S: Mat } {
  const dk = c.q[0].length;
  const dv = c.v[0].length;
  let S: Mat = Array.from({ length: dv }, () => new Array<number>(dk).fill(0));
  const o: Mat = [];
  c.q.forEach((q, t) => {
    // (S P)[i][j] = Σ_l S[i][l] P[l][j] with P = diag(w) + a bᵀ, then + v kᵀ.
    const P = Array.from({ length: dk }, (_, l) => Array.from({ length: dk }, (_, j) => (l === j ? c.w[t][j] : 0) + c.a[t][l] * c.b[t][j]));
    S = S.map((row, i) => P[0].map((_, j) => row.reduce((acc, s, l) => acc + s * P[l][j], 0) + c.v[t][i] * c.k[t][j]));
    o.push(S.map((row) => row.reduce((acc, s, j) => acc + s * q[j], 0)));
  });
  return { o, S };
}

const cases = [
  randomCase('rwkv7', { T: 9, dk: 4, dv: 3, seed: 1 }),
  randomCase('rwkv7', { T: 17, dk: 3, dv: 5, seed: 2 }),
  // Hand-made: a and b not tied to the key, gates down to 0.05.
  parseCase({
    mechanism: 'rwkv7',
    q: [[1, 0.5], [0, 1], [2, -1]],
    k: [[1, 0], [0.6, 0.8], [1, 1]],
    v: [[2], [-1], [3]],
    w: [[1, 0.05], [0.5, 1], [0.9, 0.2]],
    a: [[-0.5, 0.2], [0.3, -0.7], [0, 0.4]],
    b: [[0.4, 0.1], [-0.2, 0.6], [0.5, 0.5]],
  }) as CaseOf<'rwkv7'>,
];

describeAgainstDefinition('RWKV-7', cases, loop);
