// RWKV-7 against a float64 loop written here from its definition, not from the code under test:
//   S_t = S_{t−1}(diag(w_t) + a_t b_tᵀ) + v_t k_tᵀ,   o_t = S_t q_t,
// S d_v × d_k, S₀ = 0, read after write. Every view of the float64 core (to 1e-9), of the ONNX
// graphs (float32, to 1e-5·max(1, ‖ref‖∞)) and of the `trace` command on both backends.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCase, type CaseOf } from '../src/core/cases';
import { runReference } from '../src/core/index';
import { maxAbs, maxAbsDiff, type Mat } from '../src/core/linalg';
import { randomCase } from '../src/core/random';
import { VIEWS } from '../src/core/views';
import { decodeOutputs, prepareModel } from '../src/models/index';
import { runInNode } from '../src/models/run-node';

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

const close = (got: unknown, ref: Mat, tol: number, label: string) => {
  const bound = tol * Math.max(1, maxAbs(ref));
  expect(maxAbsDiff(got, ref), label).toBeLessThanOrEqual(bound);
};

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

describe('RWKV-7 = its definition, in every view', () => {
  it.each(cases.map((c, i) => [i, c] as const))('case %i: float64 core, all three views (1e-9)', (_, c) => {
    const ref = loop(c);
    for (const view of VIEWS)
      for (const chunk of view === 'chunkwise' ? [1, 2, 4] : [2]) {
        const r = runReference(c, view, chunk);
        close(r.o, ref.o, 1e-9, `${view} C=${chunk} o`);
        close(r.S_final, ref.S, 1e-9, `${view} C=${chunk} S`);
      }
  });

  it.each(cases.map((c, i) => [i, c] as const))('case %i: ONNX graphs, all three views (float32)', async (_, c) => {
    const ref = loop(c);
    for (const view of VIEWS)
      for (const chunk of view === 'chunkwise' ? [1, 2, 4] : [2]) {
        const model = prepareModel(c, view, { chunk });
        const r = decodeOutputs(c, view, (await runInNode(model)).outputs);
        close(r.o, ref.o, 1e-5, `${view} C=${chunk} o`);
        close(r.S_final, ref.S, 1e-5, `${view} C=${chunk} S`);
      }
  });

  it('the trace command, both backends, all three views', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rwkv7-'));
    const file = join(dir, 'case.json');
    const c = cases[0];
    writeFileSync(file, JSON.stringify(c));
    const ref = loop(c);
    for (const backend of ['reference', 'wasm'])
      for (const view of VIEWS) {
        const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/trace.ts', '--input', file, '--view', view, '--backend', backend], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout) as { o: Mat; S_final: Mat };
        const tol = backend === 'reference' ? 1e-9 : 1e-5;
        close(out.o, ref.o, tol, `${backend} ${view} o`);
        close(out.S_final, ref.S, tol, `${backend} ${view} S`);
      }
  });
});
