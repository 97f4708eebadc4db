// The lecture's claim that these mechanisms are one family: switch a knob off and one becomes another.
import { describe, expect, it } from 'vitest';
import type { Case } from './cases';
import { randomCase } from './random';
import { expectClose, everyView } from './test-utils';

const T = 20;
const dims = { T, dk: 3, dv: 2 };

function expectSameInEveryView(a: Case, b: Case): void {
  const left = everyView(a);
  const right = everyView(b);
  left.forEach(([view, r], n) => {
    expectClose(r.o, right[n][1].o, 1e-12, `${view} o`);
    expectClose(r.S_final, right[n][1].S_final, 1e-12, `${view} S_final`);
  });
}

/** Σ_{s≤t} (q_t·k_s) v_s, straight from the definition of linear attention. */
function linearAttention(q: number[][], k: number[][], v: number[][]): number[][] {
  return q.map((qt, t) =>
    v[0].map((_, i) => k.slice(0, t + 1).reduce((a, ks, s) => a + qt.reduce((b, x, j) => b + x * ks[j], 0) * v[s][i], 0)),
  );
}

describe('reductions', () => {
  it('RetNet with γ = 1 is linear attention', () => {
    const { q, k, v } = randomCase('linear_attention', { ...dims, seed: 1 });
    expectSameInEveryView({ mechanism: 'retnet', gamma: 1, q, k, v }, { mechanism: 'linear_attention', q, k, v });
  });

  it('GLA with every gate 1 is linear attention', () => {
    const { q, k, v } = randomCase('linear_attention', { ...dims, seed: 2 });
    const gate = q.map((row) => row.map(() => 1));
    expectSameInEveryView({ mechanism: 'gla', gate, q, k, v }, { mechanism: 'linear_attention', q, k, v });
  });

  it('Gated DeltaNet with every gate 1 is DeltaNet', () => {
    const { q, k, v, beta } = randomCase('deltanet', { ...dims, seed: 3 });
    const gate = beta.map(() => 1);
    expectSameInEveryView({ mechanism: 'gated_deltanet', gate, beta, q, k, v }, { mechanism: 'deltanet', beta, q, k, v });
  });

  it('Mamba-2 with A = 0 and dt = 1 is linear attention with q = C, k = B, v = x', () => {
    const { x, B, C } = randomCase('mamba2', { ...dims, seed: 4 });
    const m2: Case = { mechanism: 'mamba2', A: 0, dt: x.map(() => 1), x, B, C };
    expectSameInEveryView(m2, { mechanism: 'linear_attention', q: C, k: B, v: x });
    for (const [view, r] of everyView(m2)) expectClose(r.o, linearAttention(C, B, x), 1e-12, view);
  });

  it('a reduction that should not hold does not: RetNet with γ < 1 differs from linear attention', () => {
    const { q, k, v } = randomCase('linear_attention', { ...dims, seed: 1 });
    const [, r] = everyView({ mechanism: 'retnet', gamma: 0.9, q, k, v })[0];
    const gap = Math.max(...r.o.flat().map((x, n) => Math.abs(x - linearAttention(q, k, v).flat()[n])));
    expect(gap).toBeGreaterThan(1e-3);
  });
});
