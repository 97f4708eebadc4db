// recurrent = parallel = chunkwise on seeded random cases, for every mechanism and several lengths,
// and all of them against a direct transcription of each mechanism's formula (docs/trace-cli.md) that
// does not go through rule.ts, so a shared mistake in the rule would still be caught. The mechanisms
// transcribed here are the course's first nine; a mechanism added later brings its own transcription
// in its own test and is checked here view against view.
import { describe, expect, it } from 'vitest';
import { type Case, type Mechanism, MECHANISMS } from './cases';
import { type Mat, matMul } from './linalg';
import { runReference } from './index';
import { randomCase } from './random';
import { expectClose } from './test-utils';

const LENGTHS = [1, 7, 64, 256];
const TOL = 1e-10;

/** The textbook loop for each mechanism, written from the formulas only. */
function direct(c: Case): { o: Mat; S: Mat | null } {
  if (c.mechanism === 'softmax_attention') {
    const o = c.q.map((q, t) => {
      const s = c.k.slice(0, t + 1).map((k) => q.reduce((a, qj, j) => a + qj * k[j], 0));
      const m = Math.max(...s);
      const w = s.map((x) => Math.exp(x - m));
      const z = w.reduce((a, b) => a + b, 0);
      return c.v[0].map((_, i) => w.reduce((a, ws, n) => a + (ws / z) * c.v[n][i], 0));
    });
    return { o, S: null };
  }
  if (c.mechanism === 'mamba' || c.mechanism === 'mamba2') {
    const D = c.x[0].length;
    const N = c.B[0].length;
    const h = Array.from({ length: D }, () => new Array<number>(N).fill(0));
    const o = c.x.map((x, t) =>
      x.map((xd, d) => {
        const dt = c.mechanism === 'mamba' ? c.dt[t][d] : c.dt[t];
        let y = 0;
        for (let n = 0; n < N; n++) {
          const a = c.mechanism === 'mamba' ? c.A[d][n] : c.A;
          h[d][n] = Math.exp(dt * a) * h[d][n] + dt * xd * c.B[t][n];
          y += h[d][n] * c.C[t][n];
        }
        return y;
      }),
    );
    return { o, S: h };
  }
  const dk = c.q[0].length;
  const dv = c.v[0].length;
  const S = Array.from({ length: dv }, () => new Array<number>(dk).fill(0));
  const o = c.q.map((q, t) => {
    const k = c.k[t];
    const v = c.v[t];
    for (let i = 0; i < dv; i++)
      for (let j = 0; j < dk; j++) {
        if (c.mechanism === 'retnet') S[i][j] *= c.gamma;
        if (c.mechanism === 'gated_retention' || c.mechanism === 'gated_deltanet') S[i][j] *= c.gate[t];
        if (c.mechanism === 'gla') S[i][j] *= c.gate[t][j];
      }
    if (c.mechanism === 'deltanet' || c.mechanism === 'gated_deltanet') {
      // S ← S − β (S k − v) kᵀ
      const beta = c.beta[t];
      const err = S.map((row, i) => row.reduce((a, s, j) => a + s * k[j], 0) - v[i]);
      for (let i = 0; i < dv; i++) for (let j = 0; j < dk; j++) S[i][j] -= beta * err[i] * k[j];
    } else {
      for (let i = 0; i < dv; i++) for (let j = 0; j < dk; j++) S[i][j] += v[i] * k[j];
    }
    return S.map((row) => row.reduce((a, s, j) => a + s * q[j], 0));
  });
  return { o, S };
}

const TRANSCRIBED: readonly Mechanism[] = [
  'linear_attention',
  'softmax_attention',
  'retnet',
  'gated_retention',
  'gla',
  'deltanet',
  'gated_deltanet',
  'mamba2',
  'mamba',
];

describe.each(MECHANISMS)('%s: every view agrees', (mechanism) => {
  it.each(LENGTHS)('T = %i', (T) => {
    const c = randomCase(mechanism, { T, dk: 3, dv: 2, seed: 1000 + T });
    const ref = TRANSCRIBED.includes(mechanism) ? direct(c) : ((r) => ({ o: r.o, S: r.S_final }))(runReference(c, 'recurrent'));
    const chunks = [1, 2, 3, T];
    const views = [
      ['recurrent', runReference(c, 'recurrent')],
      ['parallel', runReference(c, 'parallel')],
      ...chunks.map((n) => [`chunkwise(${n})`, runReference(c, 'chunkwise', n)] as const),
    ] as const;
    for (const [name, r] of views) {
      expect(r.o).toHaveLength(T);
      expectClose(r.o, ref.o, TOL, `${name} o`);
      if (ref.S === null) expect(r.S_final).toBeNull();
      else expectClose(r.S_final, ref.S, TOL, `${name} S_final`);
    }
  });
});

describe('the parallel weights M', () => {
  it.each(MECHANISMS)('%s: O = M V whenever M is given', (mechanism) => {
    const c = randomCase(mechanism, { T: 9, dk: 3, dv: 2, seed: 77 });
    const r = runReference(c, 'parallel');
    const hasM = !['mamba'].includes(mechanism);
    expect(r.M != null, 'M presence').toBe(hasM);
    if (!r.M) return;
    const V = c.mechanism === 'mamba2' ? c.x.map((x, t) => x.map((xi) => c.dt[t] * xi)) : 'v' in c ? c.v : [];
    expectClose(matMul(r.M, V), r.o, 1e-12, 'M V');
    // Causal: nothing above the diagonal.
    r.M.forEach((row, t) => row.forEach((m, s) => s > t && expect(m).toBe(0)));
  });

  it('RetNet: M = tril(QKᵀ) ⊙ γ^(t−s), entry by entry', () => {
    const c = randomCase('retnet', { T: 12, dk: 4, dv: 2, seed: 5 });
    const M = runReference(c, 'parallel').M ?? [];
    c.q.forEach((q, t) =>
      c.k.forEach((k, s) => {
        const expected = s <= t ? q.reduce((a, qj, j) => a + qj * k[j], 0) * c.gamma ** (t - s) : 0;
        expect(Math.abs(M[t][s] - expected)).toBeLessThan(1e-14);
      }),
    );
  });
});
