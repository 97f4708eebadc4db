import { describe, expect, it } from 'vitest';
import { embed, lstmRun, lstmStep, lstmWeights, sigmoid, tokenize, type GateWeights, type LstmWeights } from './lstm';
import { expectClose } from './test-utils';

/** A 1-unit, 1-input LSTM from scalars: w (input weight), r (recurrent weight), b (bias) per gate. */
function scalarLstm(p: Partial<Record<'i' | 'f' | 'o' | 'g', { w?: number; r?: number; b?: number }>>): LstmWeights {
  const gate = (q: { w?: number; r?: number; b?: number } = {}): GateWeights => ({ W: [[q.w ?? 0]], R: [[q.r ?? 0]], b: [q.b ?? 0] });
  return { i: gate(p.i), f: gate(p.f), o: gate(p.o), g: gate(p.g) };
}

const LN2 = Math.log(2); // tanh(ln 2) = (4 − 1)/(4 + 1) = 0.6
const LN3 = Math.log(3); // σ(ln 3) = 3/4, σ(−ln 3) = 1/4

describe('LSTM (float64)', () => {
  it('all-zero weights: every gate is ½ and nothing is written', () => {
    const s = lstmStep(scalarLstm({}), [5], [0], [0]);
    expectClose([s.i, s.f, s.o, s.g, s.c, s.h], [[0.5], [0.5], [0.5], [0], [0], [0]]);
  });

  it('two steps by hand: half kept, half written', () => {
    // i = f = o = ½; g = tanh(x) = 0.6 for x = ln 2.
    // c₁ = ½·0 + ½·0.6 = 0.3, h₁ = ½ tanh 0.3;  c₂ = ½·0.3 + ½·0.6 = 0.45, h₂ = ½ tanh 0.45.
    const steps = lstmRun(scalarLstm({ g: { w: 1 } }), [[LN2], [LN2]]);
    expectClose(steps.map((s) => s.g), [[0.6], [0.6]], 1e-15);
    expectClose(steps.map((s) => s.c), [[0.3], [0.45]], 1e-15);
    expectClose(steps.map((s) => s.h), [[0.5 * Math.tanh(0.3)], [0.5 * Math.tanh(0.45)]], 1e-15);
  });

  it('gates from biases: c = f c₋₁ + i g, h = o tanh c', () => {
    // i = σ(ln 3) = ¾, f = σ(−ln 3) = ¼, o = ½, g = 0.6; from c₋₁ = 1: c = ¼ + ¾·0.6 = 0.7.
    const w = scalarLstm({ i: { b: LN3 }, f: { b: -LN3 }, g: { w: 1 } });
    const s = lstmStep(w, [LN2], [0], [1]);
    expectClose([s.i[0], s.f[0], s.o[0], s.g[0]], [0.75, 0.25, 0.5, 0.6], 1e-15);
    expectClose(s.c, [0.7], 1e-15);
    expectClose(s.h, [0.5 * Math.tanh(0.7)], 1e-15);
  });

  it('the recurrent weights read h₋₁: the same x gives a different step after a different past', () => {
    // Only R_g is non-zero: g = tanh(h₋₁), so h₋₁ = ln 2 gives g = 0.6 and h₋₁ = 0 gives g = 0.
    const w = scalarLstm({ g: { r: 1 } });
    expectClose(lstmStep(w, [3], [LN2], [0]).g, [0.6], 1e-15);
    expectClose(lstmStep(w, [3], [0], [0]).g, [0], 1e-15);
  });

  it('a closed input gate and an open forget gate keep the memory as it was', () => {
    const w = scalarLstm({ i: { b: -40 }, f: { b: 40 }, g: { w: 1 } });
    const s = lstmStep(w, [1], [0], [2]);
    expect(s.c[0]).toBeCloseTo(2, 12);
    expect(s.h[0]).toBeCloseTo(0.5 * Math.tanh(2), 12);
  });

  it('a wider case equals the formulas written out entry by entry', () => {
    const w = lstmWeights({ inputSize: 3, hiddenSize: 2, seed: 4 });
    const xs = [[0.5, -1, 0.25], [1, 0, -0.5]];
    const steps = lstmRun(w, xs);
    let h = [0, 0];
    let c = [0, 0];
    xs.forEach((x, t) => {
      const pre = (g: GateWeights, j: number) => g.b[j] + g.W[j].reduce((a, wj, k) => a + wj * x[k], 0) + g.R[j].reduce((a, rj, k) => a + rj * h[k], 0);
      const i = [0, 1].map((j) => sigmoid(pre(w.i, j)));
      const f = [0, 1].map((j) => sigmoid(pre(w.f, j)));
      const o = [0, 1].map((j) => sigmoid(pre(w.o, j)));
      const g = [0, 1].map((j) => Math.tanh(pre(w.g, j)));
      c = [0, 1].map((j) => f[j] * c[j] + i[j] * g[j]);
      h = [0, 1].map((j) => o[j] * Math.tanh(c[j]));
      const s = steps[t];
      expectClose([s.i, s.f, s.o, s.g, s.c, s.h], [i, f, o, g, c, h], 1e-15, `step ${t + 1}`);
    });
  });

  it('seeded weights: reproducible, sized, forget bias 1', () => {
    const a = lstmWeights({ inputSize: 4, hiddenSize: 3, seed: 7 });
    expect(a).toEqual(lstmWeights({ inputSize: 4, hiddenSize: 3, seed: 7 }));
    expect(a).not.toEqual(lstmWeights({ inputSize: 4, hiddenSize: 3, seed: 8 }));
    expect(a.i.W).toHaveLength(3);
    expect(a.i.W[0]).toHaveLength(4);
    expect(a.g.R[2]).toHaveLength(3);
    expect(a.f.b).toEqual([1, 1, 1]);
    expect(a.i.b).toEqual([0, 0, 0]);
  });
});

describe('tokens', () => {
  it('characters without spaces, words with them', () => {
    expect(tokenize('大家好，我是')).toEqual(['大', '家', '好', '，', '我', '是']);
    expect(tokenize('  Joe went  to the garden ')).toEqual(['Joe', 'went', 'to', 'the', 'garden']);
    expect(tokenize('   ')).toEqual([]);
  });

  it('an embedding depends only on the token and the seed', () => {
    const x = embed('好', 4, 1);
    expect(x).toHaveLength(4);
    expect(embed('好', 4, 1)).toEqual(x);
    expect(embed('家', 4, 1)).not.toEqual(x);
    expect(embed('好', 4, 2)).not.toEqual(x);
    x.forEach((v) => expect(Math.abs(v)).toBeLessThanOrEqual(1));
  });
});
