// Chapter 6's toy layer, checked by hand: the gate is σ(w·x + b), ⟲ closes it and writes nothing, so
// the memory after ⟲ is (almost exactly) empty and later reads ignore everything before it.
import { describe, expect, it } from 'vitest';
import { runReference } from './index';
import { decayMask } from './parallel';
import { expectClose, everyView } from './test-utils';
import {
  CLEAR,
  GATE_BIAS,
  SEQUENCE_LIMITS,
  TOKENS,
  W_GATE,
  gatedRetentionCase,
  gatesPreset,
  insertClear,
  readAfterClear,
  removeAt,
  replaceAt,
  sigmoid,
  tokenFeatures,
  type Token,
} from './tokenGates';
import { parseCase } from './cases';
import { dot, outer, add, scale, matVec } from './linalg';

describe('token features', () => {
  it('the gate of ● is σ(w·x + b), worked out by hand', () => {
    // x = [1, 0.3, −0.2, 0.1, 0], w = [1.4, 2.2, −1.6, 0.9, −16], b = 1.5:
    // w·x + b = 1.4 + 0.66 + 0.32 + 0.09 + 1.5 = 3.97, σ(3.97) = 1 / (1 + e^{−3.97}) ≈ 0.98148
    const f = tokenFeatures('●');
    expect(f.logit).toBeCloseTo(3.97, 12);
    expect(f.gate).toBeCloseTo(1 / (1 + Math.exp(-3.97)), 12);
    expect(f.gate).toBeCloseTo(0.98148, 4);
  });

  it('⟲ closes the gate and writes, reads and stores nothing', () => {
    const f = tokenFeatures(CLEAR);
    expect(f.logit).toBe(-16 + GATE_BIAS);
    expect(f.gate).toBeGreaterThan(0); // the graphs take log γ, so a gate of exactly 0 is not allowed
    expect(f.gate).toBeLessThan(1e-6);
    for (const x of [...f.q, ...f.k, ...f.v]) expect(Math.abs(x)).toBe(0);
  });

  it('every other token keeps a real share of the memory, and the gates differ by token', () => {
    const gates = TOKENS.filter((t) => t !== CLEAR).map((t) => tokenFeatures(t).gate);
    for (const g of gates) expect(g).toBeGreaterThan(0.4);
    expect(Math.max(...gates) - Math.min(...gates)).toBeGreaterThan(0.3);
  });

  it('the sigmoid is stable and symmetric for large |z|', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(40) + sigmoid(-40)).toBeCloseTo(1, 15);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(dot(W_GATE, [0, 0, 0, 0, 1])).toBe(-16);
  });
});

describe('the gated-retention case of a token sequence', () => {
  it('● ⟲ ▲ by hand: S₂ = γ⟲ v●k●ᵀ, S₃ = γ▲ S₂ + v▲k▲ᵀ, in every view', () => {
    const a = tokenFeatures('●');
    const c = tokenFeatures(CLEAR);
    const b = tokenFeatures('▲');
    const S1 = outer(a.v, a.k);
    const S2 = scale(S1, c.gate);
    const S3 = add(scale(S2, b.gate), outer(b.v, b.k));
    const o = [matVec(S1, a.q), matVec(S2, c.q), matVec(S3, b.q)];
    const k = gatedRetentionCase(['●', CLEAR, '▲']);
    expect(parseCase(JSON.parse(JSON.stringify(k)))).toEqual(k);
    for (const [view, r] of everyView(k)) expectClose(r.o, o, 1e-12, view);
    const rec = runReference(k, 'recurrent').steps ?? [];
    expectClose(rec[1].S, S2);
    expectClose(rec[2].S, S3);
  });

  it('the memory right after ⟲ is ≈ 0, and later outputs ignore every token before it', () => {
    const tokens = gatesPreset('one-clear');
    const at = tokens.indexOf(CLEAR);
    const r = runReference(gatedRetentionCase(tokens), 'recurrent');
    const S = r.steps?.[at].S ?? [];
    expect(Math.max(...S.flat().map(Math.abs))).toBeLessThan(1e-5);
    // Change every token before ⟲: the outputs after it move by at most γ⟲ · (old memory) ≈ 1e-6.
    const changed = tokens.map((t, i): Token => (i < at ? (t === '●' ? '★' : '●') : t));
    const r2 = runReference(gatedRetentionCase(changed), 'recurrent');
    expectClose(r2.o.slice(at), r.o.slice(at), 1e-5);
    expect(Math.max(...r2.o.slice(0, at).flat().map((x, i) => Math.abs(x - r.o.slice(0, at).flat()[i])))).toBeGreaterThan(0.1);
  });

  it('the parallel weights are tril(QKᵀ) ⊙ D with D_ts = γ_{s+1} ⋯ γ_t', () => {
    const c = gatedRetentionCase(gatesPreset('one-clear'));
    const D = decayMask(c.gate);
    const M = runReference(c, 'parallel').M ?? [];
    // Row 7 (code 6), column 2 (code 1): γ₃ γ₄ γ₅ γ₆ γ₇ (q₇·k₂), and γ₅ is ⟲'s.
    const g = c.gate;
    expect(D[6][1]).toBeCloseTo(g[2] * g[3] * g[4] * g[5] * g[6], 15);
    expect(M[6][1]).toBeCloseTo(D[6][1] * dot(c.q[6], c.k[1]), 15);
    expect(D[6][1]).toBeLessThan(1e-6);
    expect(D[6][5]).toBeCloseTo(g[6], 15);
  });
});

describe('editing the sequence', () => {
  const base: Token[] = ['●', '▲', '■'];
  it('inserts ⟲ after a step, or at the start', () => {
    expect(insertClear(base, 0)).toEqual(['●', CLEAR, '▲', '■']);
    expect(insertClear(base, -1)).toEqual([CLEAR, '●', '▲', '■']);
    expect(insertClear(base, 2)).toEqual(['●', '▲', '■', CLEAR]);
    const full = new Array<Token>(SEQUENCE_LIMITS.max).fill('●');
    expect(insertClear(full, 3)).toEqual(full);
  });
  it('removes and replaces a step, never below one token', () => {
    expect(removeAt(base, 1)).toEqual(['●', '■']);
    expect(removeAt(['●'], 0)).toEqual(['●']);
    expect(removeAt(base, 7)).toEqual(base);
    expect(replaceAt(base, 2, CLEAR)).toEqual(['●', '▲', CLEAR]);
  });
  it('the presets have the advertised clears', () => {
    expect(gatesPreset('one-clear').filter((t) => t === CLEAR)).toHaveLength(1);
    expect(gatesPreset('no-clear').filter((t) => t === CLEAR)).toHaveLength(0);
    expect(gatesPreset('two-clears').filter((t) => t === CLEAR)).toHaveLength(2);
  });
});

describe('the read right after ⟲', () => {
  it('is the next token’s own term (kᵀq) v, up to γ⟲ times the old memory', () => {
    const tokens = gatesPreset('one-clear');
    const o = runReference(gatedRetentionCase(tokens), 'recurrent').o;
    const r = readAfterClear(tokens, o);
    expect(r?.step).toBe(5);
    expect(r?.token).toBe('★');
    const f = tokenFeatures('★');
    expectClose(r?.own, f.v.map((x) => dot(f.k, f.q) * x), 1e-15);
    expectClose(r?.o, r?.own, 1e-5);
    expect(readAfterClear(gatesPreset('no-clear'), o)).toBeNull();
    expect(readAfterClear(['●', CLEAR], [[0], [0]])).toBeNull();
  });
});
