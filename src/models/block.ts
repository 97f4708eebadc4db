// The general rule over a block of n steps at once, from an initial memory S₀ (or none).
// The parallel view is one block over the whole sequence; the chunkwise view runs this same block
// on each chunk inside a Scan, carrying S. Derivation (src/core/parallel.ts has it in full):
//   u_t = β_t (v_t − r_t),  r_t = (S_{t−1} ⊙ G_t) k_t (erase only; otherwise u_t = β_t v_t)
//   S_t = F_t ⊙ S₀ + Σ_{s≤t} Γ_{t,s} ⊙ u_s k_sᵀ,   o_t = S_t q_t
// With W(A, B)[a][t][s] = Σ_j A_t[j] B_s[j] Γ_{t,s}[a, j] (a = value channel, or one shared matrix):
//   erase: (I + diag(β) strict(W(K, K))) U = diag(β)(V − read(S₀, K))    (the UT form)
//   O = W(Q, K) U + read(S₀, Q),    S_n = total ⊙ S₀ + Σ_s E_s ⊙ u_s k_sᵀ.
// ONNX has no triangular solve. (I + L)⁻¹ is built by doubling blocks (invertUnitLower below):
// ⌈log₂ n⌉ levels of two MatMuls each, numerically as tame as forward substitution.
import { perValue as perValueGate, type RuleGate } from './adapter';
import { decays, type Decays } from './decay';
import type { Graph } from './graph';
import { add, mm, mul, sq, sub, tr, unsq, type Positions } from './ops';

export interface BlockIn {
  q: string; // [n, d_k]
  k: string; // [n, d_k]
  v: string; // [n, d_v]
  beta?: string; // [n]
  erase: boolean;
  gate: RuleGate;
  /** The transition's low-rank part a, b [n, d_k] (lowRank below). */
  lowRank?: { a: string; b: string };
  /** The memory entering the block (d_v × d_k); absent means S₀ = 0. */
  S0?: string;
  /** Also return the T × T weights M with O = M V (only when the gate is shared by all value channels and S₀ = 0). */
  weights?: boolean;
}

export interface BlockOut {
  o: string; // [n, d_v]
  S: string; // [d_v, d_k]
  M?: string; // [n, n]
}

export function block(g: Graph, x: BlockIn, pos: Positions): BlockOut {
  if (x.lowRank) return lowRank(g, x, x.lowRank, pos);
  const d = decays(g, x.gate, pos);
  // "Channel layout": the value axis sits where a batched MatMul with W [a, n, n] wants it.
  //   shared gate (a = 1):  [1, n, d_v];   per-value gate (a = d_v):  [d_v, n, 1].
  const toChan = (X: string): string => (d.perValue ? unsq(g, tr(g, X), [2]) : unsq(g, X, [0]));
  const fromChan = (Y: string): string => (d.perValue ? tr(g, sq(g, Y, [2])) : sq(g, Y, [0]));
  // diag(β) X: row t scaled by β_t (β absent = 1).
  const scaleRows = (X: string): string => (x.beta ? mul(g, X, unsq(g, x.beta, [1])) : X);

  const Wqk = scores(g, x.q, x.k, d, pos);
  const withS0 = (X: string, fromS0: (S0: string) => string): string => (x.S0 ? add(g, X, fromS0(x.S0)) : X);

  let Uc: string; // U in channel layout
  let M: string | undefined;
  const wantM = !!x.weights && !d.perValue && !x.S0;
  if (x.erase) {
    const L = scaleRows(mul(g, scores(g, x.k, x.k, d, pos), pos.strict)); // [a, n, n], strictly lower
    const X = invertUnitLower(g, L, pos); // (I + L)⁻¹
    if (wantM) {
      // W = (I + L)⁻¹ diag(β) (β_s scales column s): U = W V and the weights on V are M = Wqk W.
      const W = x.beta ? mul(g, X, x.beta) : X;
      Uc = mm(g, W, toChan(x.v));
      M = sq(g, mm(g, Wqk, W), [0]);
    } else {
      let rhs = x.v;
      if (x.S0) rhs = sub(g, rhs, read(g, x.S0, d.F, x.k, d));
      Uc = mm(g, X, toChan(scaleRows(rhs)));
    }
  } else {
    Uc = toChan(scaleRows(x.v));
    if (wantM) M = sq(g, x.beta ? mul(g, Wqk, unsq(g, x.beta, [0, 1])) : Wqk, [0]);
  }

  const o = withS0(fromChan(mm(g, Wqk, Uc)), (S0) => read(g, S0, d.F, x.q, d));
  const S = withS0(outerSum(g, fromChan(Uc), x.k, d), (S0) => (d.total ? mul(g, S0, d.total) : S0));
  return { o, S, M };
}

/**
 * A diagonal-plus-low-rank transition S_t = S_{t−1}(diag(w_t) + a_t b_tᵀ) + v̂_t k_tᵀ (v̂ = β v), the
 * form of src/core/parallel.ts: with z_t = S_{t−1} a_t it is a per-key decayed linear attention with
 * two writes, z bᵀ and v̂ kᵀ, and z solves a unit lower-triangular system over Γ' (decay.ts):
 *   (I − Lb) Z = Lk V̂ + read'(S₀, A),   Lb_ts = Σ_j a_t[j] b_s[j] Γ'_ts[j],  Lk the same with k_s,
 *   O = W(Q, B) Z + W(Q, K) V̂ + read(S₀, Q),   S_n = total ⊙ S₀ + Σ_s E_s ⊙ (z_s b_sᵀ + v̂_s k_sᵀ).
 * The gate must be a per-key or shared log-gate (one matrix for all value channels).
 */
function lowRank(g: Graph, x: BlockIn, lr: { a: string; b: string }, pos: Positions): BlockOut {
  if (x.gate.kind !== 'log' || perValueGate(x.gate)) throw new Error('a low-rank transition needs a per-key or shared log-gate');
  const d = decays(g, x.gate, pos, true);
  const ex: Decays = { ...d, Gamma: d.GammaEx, F: d.FEx };
  const toChan = (X: string): string => unsq(g, X, [0]);
  const fromChan = (Y: string): string => sq(g, Y, [0]);
  const Vh = x.beta ? mul(g, x.v, unsq(g, x.beta, [1])) : x.v;
  const Lb = scores(g, lr.a, lr.b, ex, pos); // [1, n, n], strictly lower (Γ' is)
  const Lk = scores(g, lr.a, x.k, ex, pos);
  const X = invertUnitLower(g, g.op('Neg', [Lb]), pos); // (I − Lb)⁻¹
  let R = mm(g, Lk, toChan(Vh));
  if (x.S0) R = add(g, R, toChan(read(g, x.S0, ex.F, lr.a, ex)));
  const Zc = mm(g, X, R);
  const Qb = scores(g, x.q, lr.b, d, pos);
  const Qk = scores(g, x.q, x.k, d, pos);
  let o = fromChan(add(g, mm(g, Qb, Zc), mm(g, Qk, toChan(Vh))));
  if (x.S0) o = add(g, o, read(g, x.S0, d.F, x.q, d));
  let S = add(g, outerSum(g, fromChan(Zc), lr.b, d), outerSum(g, Vh, x.k, d));
  if (x.S0) S = add(g, S, d.total ? mul(g, x.S0, d.total) : x.S0);
  let M: string | undefined;
  if (x.weights && !x.S0) {
    // Z = (I − Lb)⁻¹ Lk V̂, so the weights on V are (Qb (I − Lb)⁻¹ Lk + Qk) diag(β).
    const W = add(g, mm(g, Qb, mm(g, X, Lk)), Qk);
    M = sq(g, x.beta ? mul(g, W, unsq(g, x.beta, [0, 1])) : W, [0]);
  }
  return { o, S, M };
}

/**
 * (I + L)⁻¹ for strictly lower-triangular L ([a, n, n]) by doubling block sizes. If X inverts the
 * diagonal blocks of size b of I + L, and C is the part of L that joins pairs of them into blocks of
 * size 2b, then (X C)² = 0 (C only maps a first half into a second half), so
 *   (blocks of 2b)⁻¹ = (I + X C)⁻¹ X = (I − X C) X = X − X C X.
 * Starting from b = 1 (X = I), ⌈log₂ n⌉ levels give the full inverse. Every X is a true inverse of
 * a sub-problem, so nothing grows and cancels: the truncated Neumann product Π (I + (−L)^{2^j}) has the
 * same cost but lost ~3 digits in float32 at T = 256 for DeltaNet.
 */
function invertUnitLower(g: Graph, L: string, pos: Positions): string {
  if (pos.factors === 0) return sub(g, pos.mask, pos.strict); // n = 1: L = 0, the inverse is I
  let X = sub(g, sub(g, pos.mask, pos.strict), mul(g, L, pos.band(0))); // level 0: I − C₀ (X = I)
  for (let j = 1; j < pos.factors; j++) {
    const C = mul(g, L, pos.band(j));
    X = sub(g, X, mm(g, mm(g, X, C), X));
  }
  return X;
}

/** W(A, B) [a, n, n]: causal, decayed inner products A_t · B_s (per value channel when a = d_v). */
function scores(g: Graph, A: string, B: string, d: Decays, pos: Positions): string {
  if (!d.Gamma) return unsq(g, mul(g, mm(g, A, tr(g, B)), pos.mask), [0]);
  // Decay shared by all key dimensions: tril(ABᵀ) ⊙ Γ.
  if (!d.perKey) return mul(g, sq(g, d.Gamma, [3]), mm(g, A, tr(g, B)));
  // Decay per key dimension j: Σ_j A_t[j] (Γ_{t,s}[j] B_s[j]) as a batched MatMul over (a, t).
  return sq(g, mm(g, mul(g, d.Gamma, B), unsq(g, A, [2])), [3]);
}

/** read(S₀)_t = (F_t ⊙ S₀) x_t for every t: [n, d_v]. */
function read(g: Graph, S0: string, F: string | undefined, X: string, d: Decays): string {
  if (!F) return mm(g, X, tr(g, S0));
  if (!d.perValue) return mm(g, mul(g, X, sq(g, F, [0])), tr(g, S0));
  const decayed = mul(g, tr(g, F, [1, 0, 2]), S0); // [n, d_v, d_k]
  return sq(g, mm(g, decayed, unsq(g, X, [2])), [2]);
}

/** Σ_s E_s ⊙ u_s k_sᵀ: [d_v, d_k]. */
function outerSum(g: Graph, U: string, K: string, d: Decays): string {
  if (!d.E) return mm(g, tr(g, U), K);
  if (!d.perValue) return mm(g, tr(g, U), mul(g, K, sq(g, d.E, [0])));
  // One row per value channel: S[i] = Σ_s u_s[i] (E_s[i] ⊙ k_s), a batched [1, n] × [n, d_k] product.
  return sq(g, mm(g, unsq(g, tr(g, U), [1]), mul(g, K, d.E)), [1]);
}
