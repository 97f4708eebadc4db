// Kimi Delta Attention against a float64 loop written here from its definition, not from the code
// under test:   S' = S_{t−1} diag(gate_t),   S_t = S' + β_t (v_t − S' k_t) k_tᵀ,   o_t = S_t q_t,
// S d_v × d_k, S₀ = 0, read after write. Checked in every view and on both backends by scripts/definitionSuite.ts.
import { parseCase, type CaseOf } from '../src/core/cases';
import type { Mat } from '../src/core/linalg';
import { randomCase } from '../src/core/random';
import { describeAgainstDefinition } from './definitionSuite';

function loop(c: CaseOf<'kda'>): { o: Mat; S: Mat } {
  const dk = c.q[0].length;
  const dv = c.v[0].length;
  const S: Mat = Array.from({ length: dv }, () => new Array<number>(dk).fill(0));
  const o: Mat = [];
  c.q.forEach((q, t) => {
    const k = c.k[t];
    for (let i = 0; i < dv; i++) for (let j = 0; j < dk; j++) S[i][j] *= c.gate[t][j];
    const old = S.map((row) => row.reduce((a, s, j) => a + s * k[j], 0));
    for (let i = 0; i < dv; i++) for (let j = 0; j < dk; j++) S[i][j] += c.beta[t] * (c.v[t][i] - old[i]) * k[j];
    o.push(S.map((row) => row.reduce((a, s, j) => a + s * q[j], 0)));
  });
  return { o, S };
}

const cases = [
  randomCase('kda', { T: 9, dk: 4, dv: 3, seed: 1 }),
  randomCase('kda', { T: 17, dk: 3, dv: 5, seed: 2 }),
  // Hand-made: gates down to 0.05, β up to 2, keys not unit.
  parseCase({
    mechanism: 'kda',
    q: [[1, 0.5], [0, 1], [2, -1]],
    k: [[1, 0], [0.6, 0.8], [1, 1]],
    v: [[2], [-1], [3]],
    beta: [1, 2, 0.5],
    gate: [[1, 0.05], [0.5, 1], [0.9, 0.2]],
  }) as CaseOf<'kda'>,
];

describeAgainstDefinition('Kimi Delta Attention', cases, loop);
