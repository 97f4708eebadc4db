// The generalized rule's parallel form (diagonal-plus-low-rank transitions, parallel.ts) against the
// recurrent walk: the delta rule with per-key gates, and explicit a bᵀ transitions.
import { describe, expect, it } from 'vitest';
import { chunkwise } from './chunkwise';
import { matMul, maxAbs, maxAbsDiff, type Mat } from './linalg';
import { parallel } from './parallel';
import { randomMatrix, rng, uniform, unitRows } from './random';
import { recurrent, type MemoryProgram } from './rule';

function program(seed: number, kind: 'column-erase' | 'scalar-as-column' | 'low-rank', T = 7, dk = 3, dv = 2): MemoryProgram {
  const r = rng(seed);
  const q = randomMatrix(r, T, dk);
  const k = unitRows(randomMatrix(r, T, dk));
  const v = randomMatrix(r, T, dv);
  const a = randomMatrix(r, T, dk, 0.4);
  const b = randomMatrix(r, T, dk, 0.4);
  return {
    dk,
    dv,
    erase: kind !== 'low-rank',
    steps: q.map((qt, t) => {
      const g = uniform(r, 0.3, 1);
      const column = kind === 'scalar-as-column' ? new Array<number>(dk).fill(g) : Array.from({ length: dk }, () => uniform(r, 0.3, 1));
      return {
        q: qt,
        k: k[t],
        v: v[t],
        beta: kind === 'low-rank' ? 1 : uniform(r, 0.1, 1),
        gate: { shape: 'column', value: column },
        lowRank: kind === 'low-rank' ? { a: a[t], b: b[t] } : undefined,
      };
    }),
  };
}

const close = (a: Mat, b: Mat, tol = 1e-9) => expect(maxAbsDiff(a, b)).toBeLessThanOrEqual(tol * Math.max(1, maxAbs(b)));

describe('diagonal-plus-low-rank transitions, parallel = recurrent', () => {
  for (const kind of ['column-erase', 'scalar-as-column', 'low-rank'] as const)
    it(kind, () => {
      for (const seed of [1, 2, 3]) {
        const p = program(seed, kind);
        const rec = recurrent(p);
        const par = parallel(p);
        close(par.o, rec.o);
        close(par.S_final, rec.S);
        close(matMul(par.M ?? [], p.steps.map((x) => x.v)), rec.o);
        for (const C of [1, 2, 3, 7]) {
          const ch = chunkwise(p, C);
          close(ch.o, rec.o);
          close(ch.S_final, rec.S);
        }
      }
    });

  it('a scalar gate given per key gives the scalar UT form’s answer', () => {
    const p = program(5, 'scalar-as-column');
    const scalar: MemoryProgram = { ...p, steps: p.steps.map((x) => ({ ...x, gate: { shape: 'scalar', value: (x.gate as { value: number[] }).value[0] } })) };
    close(parallel(p).o, parallel(scalar).o);
  });
});
