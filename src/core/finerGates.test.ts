// Chapter 7's gate table: each model's gate has the shape the lecture's table gives it, the live case
// is exactly the model's program, and the factors follow each parameterisation.
import { describe, expect, it } from 'vitest';
import { parseCase } from './cases';
import {
  CLOSED,
  FINER_SIZES,
  GATE_MODELS,
  GATE_MODEL_SPECS,
  HGRN2_FLOOR,
  finerGateExample,
  gateFrames,
  gateMatrix,
  observedShape,
  softplus,
} from './finerGates';
import { runReference } from './index';
import { toProgram } from './mechanisms';
import { parallel } from './parallel';
import { recurrent } from './rule';
import { expectClose } from './test-utils';

const { T, dk, dv } = FINER_SIZES;

describe('gate matrices', () => {
  it('spell out each shape by hand', () => {
    expect(gateMatrix({ shape: 'scalar', value: 0.5 }, 2, 2)).toEqual([[0.5, 0.5], [0.5, 0.5]]);
    expect(gateMatrix({ shape: 'column', value: [0.1, 0.9] }, 2, 2)).toEqual([[0.1, 0.9], [0.1, 0.9]]);
    expect(gateMatrix({ shape: 'row', value: [0.1, 0.9] }, 2, 2)).toEqual([[0.1, 0.1], [0.9, 0.9]]);
    expect(gateMatrix({ shape: 'full', value: [[1, 2], [3, 4]] }, 2, 2)).toEqual([[1, 2], [3, 4]]);
    expect(gateMatrix({ shape: 'none' }, 1, 2)).toEqual([[1, 1]]);
  });
  it('observedShape reads the shape back off the numbers', () => {
    expect(observedShape([[0.5, 0.5], [0.5, 0.5]])).toBe('scalar');
    expect(observedShape([[0.1, 0.9], [0.1, 0.9]])).toBe('column');
    expect(observedShape([[0.1, 0.1], [0.9, 0.9]])).toBe('row');
    expect(observedShape([[1, 2], [3, 4]])).toBe('full');
  });
});

describe.each(GATE_MODELS)('%s', (model) => {
  const e = finerGateExample(model);
  const spec = GATE_MODEL_SPECS[model];
  it('has T steps of the table’s gate shape, every factor in (0, 1]', () => {
    expect(e.gates).toHaveLength(T);
    for (const g of e.gates) {
      expect(g.shape).toBe(spec.shape);
      const G = gateMatrix(g, dv, dk);
      for (const x of G.flat()) {
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
    // The numbers really have that shape (and are not a simpler one by accident).
    expect(observedShape(gateMatrix(e.gates[4], dv, dk))).toBe(spec.shape);
  });
  it('its live case (if any) is a valid case whose program is exactly the model’s', () => {
    if (!e.live) {
      expect(spec.live).toBeNull();
      return;
    }
    expect(e.live.mechanism).toBe(spec.live);
    expect(parseCase(JSON.parse(JSON.stringify(e.live)))).toEqual(e.live);
    if (e.live.mechanism === 'softmax_attention') throw new Error('no softmax here');
    expect(toProgram(e.live).steps.map((s) => s.gate)).toEqual(e.gates);
    expectClose(runReference(e.live, 'recurrent').o, recurrent(e.program).o, 1e-12);
  });
  it('its parallel form equals its recurrent form', () => {
    expectClose(parallel(e.program).o, recurrent(e.program).o, 1e-12);
  });
  it('is deterministic and seed-dependent', () => {
    expect(finerGateExample(model)).toEqual(e);
    expect(finerGateExample(model, { seed: 2 }).gates).not.toEqual(e.gates);
  });
});

describe('parameterisations', () => {
  it('Mamba: G_t[i][j] = exp(Δ_t[i] A[i][j]) with Δ = softplus(·) > 0 and A < 0', () => {
    const e = finerGateExample('mamba');
    if (e.live?.mechanism !== 'mamba') throw new Error('mamba runs on the mamba graph');
    const { dt, A } = e.live;
    const G = gateMatrix(e.gates[3], dv, dk);
    expect(G[2][1]).toBeCloseTo(Math.exp(dt[3][2] * A[2][1]), 15);
    // One Δ per value channel: within a row, the exponents are Δ times A's row.
    expect(Math.log(G[1][0]) / A[1][0]).toBeCloseTo(Math.log(G[1][3]) / A[1][3], 12);
  });
  it('Mamba-2: one γ_t = exp(Δ_t A) for the whole memory', () => {
    const e = finerGateExample('mamba2');
    if (e.live?.mechanism !== 'mamba2') throw new Error('mamba2 runs on the mamba2 graph');
    const g = e.gates[0];
    expect(g).toEqual({ shape: 'scalar', value: Math.exp(e.live.dt[0] * e.live.A) });
  });
  it('gated retention is σ(·)^{1/τ}: closer to 1 than the plain sigmoid of mLSTM would be', () => {
    const e = finerGateExample('gated_retention');
    for (const g of e.gates) if (g.shape === 'scalar') expect(g.value).toBeGreaterThan(0.5 ** 0.5 - 0.3);
  });
  it('DFW: G_t = β_t α_tᵀ is rank one (a row factor times a column factor)', () => {
    const G = gateMatrix(finerGateExample('dfw').gates[2], dv, dk);
    for (let i = 0; i < dv; i++) for (let j = 0; j < dk; j++) expect(G[i][j] * G[0][0]).toBeCloseTo(G[i][0] * G[0][j], 14);
  });
  it('HGRN-2: α never drops below its floor γ, and the key is 1 − α', () => {
    const e = finerGateExample('hgrn2');
    if (e.live?.mechanism !== 'gla') throw new Error('hgrn2 runs on the gla graph');
    e.live.gate.forEach((a, t) =>
      a.forEach((x, j) => {
        expect(x).toBeGreaterThanOrEqual(HGRN2_FLOOR[j]);
        expect(e.live?.mechanism === 'gla' && e.live.k[t][j]).toBeCloseTo(1 - x, 15);
      }),
    );
  });
  it('RWKV-6 and softplus behave at the edges', () => {
    expect(softplus(0)).toBeCloseTo(Math.log(2), 15);
    expect(softplus(50)).toBe(50);
    const e = finerGateExample('rwkv6');
    for (const g of e.gates) if (g.shape === 'column') for (const a of g.value) expect(a).toBeLessThan(1);
  });
});

describe('closing one key dimension', () => {
  it('a column gate of ≈ 0 in column 2 wipes what key dimension 2 stored and nothing else', () => {
    const step = 4;
    const dim = 1;
    const open = finerGateExample('gla');
    const closed = finerGateExample('gla', { closeColumn: { step, dim } });
    const before = recurrent(closed.program).steps[step - 1].S;
    const after = recurrent(closed.program).steps[step].decayed;
    const G = gateMatrix(closed.gates[step], dv, dk);
    for (let i = 0; i < dv; i++) {
      expect(G[i][dim]).toBe(CLOSED);
      expect(Math.abs(after[i][dim])).toBeLessThanOrEqual(CLOSED * Math.abs(before[i][dim]) + 1e-15);
      for (let j = 0; j < dk; j++) if (j !== dim) expect(after[i][j]).toBeCloseTo(before[i][j] * G[i][j], 15);
    }
    // Steps before the closed one are untouched.
    expectClose(recurrent(closed.program).steps[step - 1].S, recurrent(open.program).steps[step - 1].S, 0);
  });
  it('is ignored by models whose gate has no columns of its own', () => {
    expect(finerGateExample('mamba2', { closeColumn: { step: 1, dim: 1 } })).toEqual(finerGateExample('mamba2'));
  });
});

describe('gate frames', () => {
  it('after = before ⊙ G, entry by entry, with S₀ = 0 before step 1', () => {
    for (const model of GATE_MODELS) {
      const f = gateFrames(finerGateExample(model));
      expect(f.before[0].flat().every((x) => x === 0)).toBe(true);
      f.after.forEach((A, t) => A.forEach((row, i) => row.forEach((a, j) => expect(a).toBeCloseTo(f.before[t][i][j] * f.G[t][i][j], 14))));
      expect(f.limit).toBeGreaterThan(0);
    }
  });
});
