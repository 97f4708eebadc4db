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
import type { RuleGate } from './adapter';
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
