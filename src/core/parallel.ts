// The parallel form of the one rule: every output at once, no step waits for the previous one.
//
// Notation (1-based, as in the lecture; the code's index t is step t+1). The gates' cumulative product
//   Γ_{t,s} = G_{s+1} ⊙ … ⊙ G_t   (Γ_{t,t} = 1),      Γ_{t,0} = G_1 ⊙ … ⊙ G_t,
// is built by multiplying the gates directly (no logs, no division), so a gate of exactly 0 works.
//
// Without erase the rule S_t = S_{t−1} ⊙ G_t + β_t v_t k_tᵀ unrolls to
//   S_t = Γ_{t,0} ⊙ S₀ + Σ_{s≤t} Γ_{t,s} ⊙ (β_s v_s k_sᵀ),
//   o_t[i] = Σ_j Γ_{t,0}[i,j] S₀[i,j] q_t[j] + Σ_{s≤t} Σ_j q_t[j] k_s[j] β_s v_s[i] Γ_{t,s}[i,j].
// When Γ does not depend on the value channel i (gate none / scalar / column), the s-sum is a matrix
// product O = M V with M[t][s] = β_s Σ_j q_t[j] k_s[j] Γ_{t,s}[j]; for none / scalar this is
// M = (tril(QKᵀ) ⊙ D) diag(β) with the decay mask D_{ts} = Γ_{t,s} = γ_{s+1} ⋯ γ_t.
//
// With erase (delta family, scalar gate γ_t): expand the product,
//   S_t = γ_t S_{t−1}(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ = γ_t S_{t−1} + u_t k_tᵀ,
//   u_t = β_t (v_t − γ_t S_{t−1} k_t)                                  (the "pseudo-value")
// so S_t = Γ_{t,0} S₀ + Σ_{s≤t} Γ_{t,s} u_s k_sᵀ, a plain decayed linear attention over U. Putting
// that S_{t−1} back into u_t (γ_t Γ_{t−1,s} = Γ_{t,s}):
//   u_t + Σ_{s<t} β_t Γ_{t,s} (k_tᵀ k_s) u_s = β_t (v_t − Γ_{t,0} S₀ k_t),
// i.e. (I + L) U = diag(β)(V − Γ_{·,0} ⊙ K S₀ᵀ) with L strictly lower triangular (the UT / WY form).
// Solve it by forward substitution, then O = Γ_{·,0} ⊙ Q S₀ᵀ + (tril(QKᵀ) ⊙ D) U.
import type { Mat, Vec } from './linalg';
import { dot, matMul, solveUnitLower, transpose, zeros } from './linalg';
import type { Gate, MemoryProgram, MemoryStep } from './rule';
import { gateAt } from './rule';

/** Longest sequence for which the delta family's O(T³) effective weights are formed by default (≈ 1 s). */
export const DELTA_WEIGHTS_MAX_T = 1024;

export interface ParallelOptions {
  /** Initial memory S₀ (d_v × d_k); zeros when absent. The chunkwise form passes the carried state. */
  S0?: Mat;
  /**
   * Delta family only: also form the effective T × T weights M = (tril(QKᵀ) ⊙ D)(I + L)⁻¹ diag(β),
   * which costs O(T³). Default: only when T ≤ DELTA_WEIGHTS_MAX_T; the chunkwise form turns it off.
   */
  weights?: boolean;
}

export interface ParallelResult {
  /** T × d_v outputs. */
  o: Mat;
  /** S_T. */
  S_final: Mat;
  /**
   * T × T weights with O = M V + (the part of O that comes from S₀). Null when the gate depends on the
   * value channel (row / full gates: each channel has its own matrix), and for the delta family when
   * `weights` is off.
   */
  M: Mat | null;
  /** Delta family: the pseudo-values U (T × d_v), O = (tril(QKᵀ) ⊙ D) U when S₀ = 0. */
  U?: Mat;
}

/** γ of a gate that is the same for every entry of S, or null for a vector / matrix gate. */
export function scalarGate(gate: Gate): number | null {
  if (gate.shape === 'none') return 1;
  if (gate.shape === 'scalar') return gate.value;
  return null;
}

/** The decay mask D (T × T): D[t][s] = γ_{s+1} ⋯ γ_t for s ≤ t (1 on the diagonal), 0 above it. */
export function decayMask(gamma: Vec): Mat {
  const T = gamma.length;
  const D = zeros(T, T);
  for (let t = 0; t < T; t++) {
    let g = 1;
    for (let s = t; s >= 0; s--) {
      D[t][s] = g;
      g *= gamma[s]; // D[t][s−1] = D[t][s] · γ_s
    }
  }
  return D;
}

/** Prefix products Γ_{t,0} = γ_1 ⋯ γ_t: how much of S₀ survives to step t. */
export function initialDecay(gamma: Vec): Vec {
  let g = 1;
  return gamma.map((x) => (g *= x));
}

/** tril(QKᵀ): every query against every earlier (or same) key, future masked to 0. */
export function causalScores(Q: Mat, K: Mat): Mat {
  return Q.map((q, t) => K.map((k, s) => (s <= t ? dot(q, k) : 0)));
}

export function parallel(program: MemoryProgram, options: ParallelOptions = {}): ParallelResult {
  const S0 = options.S0 ?? zeros(program.dv, program.dk);
  const gammas = program.steps.map((x) => scalarGate(x.gate));
  const isScalar = (g: number | null): g is number => g !== null;
  const weights = options.weights ?? program.steps.length <= DELTA_WEIGHTS_MAX_T;
  if (program.steps.some((x) => x.lowRank)) return lowRankParallel(program, S0, weights);
  if (program.erase) {
    if (!gammas.every(isScalar)) return lowRankParallel(program, S0, weights);
    return deltaParallel(program, gammas, S0, weights);
  }
  if (gammas.every(isScalar)) return scalarParallel(program, gammas, S0);
  if (program.steps.every((x) => x.gate.shape !== 'row' && x.gate.shape !== 'full')) return columnParallel(program, S0);
  return entrywiseParallel(program, S0);
}

/** Gate none / scalar, no erase: O = (tril(QKᵀ) ⊙ D) diag(β) V + Γ_{·,0} ⊙ Q S₀ᵀ. */
function scalarParallel(p: MemoryProgram, gamma: Vec, S0: Mat): ParallelResult {
  const { Q, K, V, beta } = columns(p);
  const D = decayMask(gamma);
  const g0 = initialDecay(gamma);
  const M = causalScores(Q, K).map((row, t) => row.map((qk, s) => qk * D[t][s] * beta[s]));
  const o = addInitialRead(matMul(M, V), Q, S0, g0);
  const T = p.steps.length;
  const S_final = T === 0 ? S0 : decayedSum(S0, g0[T - 1], D[T - 1], V.map((v, s) => v.map((x) => beta[s] * x)), K);
  return { o, S_final, M };
}

/** Delta family (erase on), gate none / scalar: the UT form derived at the top of this file. */
function deltaParallel(p: MemoryProgram, gamma: Vec, S0: Mat, weights: boolean): ParallelResult {
  const { Q, K, V, beta } = columns(p);
  const T = p.steps.length;
  const D = decayMask(gamma);
  const g0 = initialDecay(gamma);
  // L[t][s] = β_t Γ_{t,s} k_tᵀ k_s for s < t.
  const L = K.map((kt, t) => K.map((ks, s) => (s < t ? beta[t] * D[t][s] * dot(kt, ks) : 0)));
  // Right-hand side β_t (v_t − Γ_{t,0} S₀ k_t): the new value minus what S₀ (decayed) still recalls.
  const rhs = V.map((v, t) => {
    const recalled = S0.map((row) => dot(row, K[t]));
    return v.map((x, i) => beta[t] * (x - g0[t] * recalled[i]));
  });
  const U = solveUnitLower(L, rhs);
  const A = causalScores(Q, K).map((row, t) => row.map((qk, s) => qk * D[t][s]));
  const o = addInitialRead(matMul(A, U), Q, S0, g0);
  const S_final = T === 0 ? S0 : decayedSum(S0, g0[T - 1], D[T - 1], U, K);
  return { o, S_final, M: weights ? deltaWeights(A, L, beta) : null, U };
}

/**
 * U = (I + L)⁻¹ diag(β) V (+ S₀ terms), so the weights on V are M = A W with W = (I + L)⁻¹ diag(β).
 * W and A are lower triangular, so both loops stay on or below the diagonal: about T³/3 operations.
 */
function deltaWeights(A: Mat, L: Mat, beta: Vec): Mat {
  const T = beta.length;
  const W = zeros(T, T);
  for (let t = 0; t < T; t++) {
    const w = W[t];
    w[t] = beta[t];
    for (let s = 0; s < t; s++) {
      const l = L[t][s];
      if (l === 0) continue;
      const ws = W[s];
      for (let j = 0; j <= s; j++) w[j] -= l * ws[j];
    }
  }
  const M = zeros(T, T);
  for (let t = 0; t < T; t++)
    for (let s = 0; s <= t; s++) {
      const a = A[t][s];
      if (a === 0) continue;
      const ws = W[s];
      for (let j = 0; j <= s; j++) M[t][j] += a * ws[j];
    }
  return M;
}

/**
 * The generalized rule with a diagonal-plus-low-rank transition (per-key gate w_t, low-rank a_t b_tᵀ):
 *   S_t = S_{t−1}(diag(w_t) + a_t b_tᵀ) + v̂_t k_tᵀ,    v̂_t = β_t v_t.
 * The delta rule is the case a_t = −w_t ⊙ k_t, b_t = β_t k_t. With z_t = S_{t−1} a_t the update is
 * S_t = S_{t−1} diag(w_t) + z_t b_tᵀ + v̂_t k_tᵀ: a per-key decayed linear attention with two writes.
 * Unrolled, with γ_{t,s} = w_{s+1} ⊙ … ⊙ w_t (inclusive) and γ'_{t,s} = w_{s+1} ⊙ … ⊙ w_{t−1}:
 *   z_t = Σ_{s<t} [(a_t ⊙ γ'_{t,s})·b_s] z_s + Σ_{s<t} [(a_t ⊙ γ'_{t,s})·k_s] v̂_s + S₀(γ'_{t,0} ⊙ a_t),
 * a unit lower-triangular system (forward substitution), then
 *   o_t = Σ_{s≤t} [(q_t ⊙ γ_{t,s})·b_s] z_s + [(q_t ⊙ γ_{t,s})·k_s] v̂_s + S₀(γ_{t,0} ⊙ q_t).
 * The exclusive products γ' need no division, so a gate of exactly 0 works.
 */
function lowRankParallel(p: MemoryProgram, S0: Mat, weights: boolean): ParallelResult {
  const T = p.steps.length;
  const { dk, dv } = p;
  const pairs = p.steps.map((x) => transition(x, p.erase));
  const w = pairs.map((x) => x.w);
  const K = p.steps.map((x) => x.k);
  const Q = p.steps.map((x) => x.q);
  const Vh = p.steps.map((x) => x.v.map((vi) => x.beta * vi));
  const weighted = (x: Vec, g: Vec, y: Vec): number => {
    let sum = 0;
    for (let j = 0; j < dk; j++) sum += x[j] * g[j] * y[j];
    return sum;
  };
  const Lb = zeros(T, T);
  const Lk = zeros(T, T);
  const Qb = zeros(T, T);
  const Qk = zeros(T, T);
  const before: Vec[] = []; // γ'_{t,0}: what survives of S₀ just before step t's transition
  const after: Vec[] = []; // γ_{t,0}
  let prefix = new Array<number>(dk).fill(1);
  for (let t = 0; t < T; t++) {
    before.push(prefix);
    prefix = prefix.map((g, j) => g * w[t][j]);
    after.push(prefix);
    // Walk s backwards from t − 1, growing γ' = w_{s+1} ⋯ w_{t−1}.
    const ex = new Array<number>(dk).fill(1);
    const incl = (g: Vec): Vec => g.map((x, j) => x * w[t][j]);
    Qb[t][t] = dot(Q[t], pairs[t].b);
    Qk[t][t] = dot(Q[t], K[t]);
    for (let s = t - 1; s >= 0; s--) {
      const { a } = pairs[t];
      Lb[t][s] = weighted(a, ex, pairs[s].b);
      Lk[t][s] = weighted(a, ex, K[s]);
      const g = incl(ex);
      Qb[t][s] = weighted(Q[t], g, pairs[s].b);
      Qk[t][s] = weighted(Q[t], g, K[s]);
      for (let j = 0; j < dk; j++) ex[j] *= w[s][j];
    }
  }
  const fromS0 = (g: Vec, x: Vec): Vec => S0.map((row) => row.reduce((acc, s0, j) => acc + s0 * g[j] * x[j], 0));
  // z_t − Σ_{s<t} Lb[t][s] z_s = Σ_{s<t} Lk[t][s] v̂_s + S₀(γ'_{t,0} ⊙ a_t): (I − Lb) Z = Lk V̂ + R.
  const rhs = Vh.map((_, t) => {
    const r = fromS0(before[t], pairs[t].a);
    for (let s = 0; s < t; s++) for (let i = 0; i < dv; i++) r[i] += Lk[t][s] * Vh[s][i];
    return r;
  });
  const negLb = Lb.map((row) => row.map((x) => -x));
  const Z = solveUnitLower(negLb, rhs);
  const o = Q.map((q, t) => {
    const r = fromS0(after[t], q);
    for (let s = 0; s <= t; s++) for (let i = 0; i < dv; i++) r[i] += Qb[t][s] * Z[s][i] + Qk[t][s] * Vh[s][i];
    return r;
  });
  // S_T = S₀ diag(γ_{T,0}) + Σ_s (z_s b_sᵀ + v̂_s k_sᵀ) diag(γ_{T,s}).
  const S_final = S0.map((row) => row.map((x, j) => x * (T > 0 ? after[T - 1][j] : 1)));
  const tail = new Array<number>(dk).fill(1);
  for (let s = T - 1; s >= 0; s--) {
    for (let i = 0; i < dv; i++) for (let j = 0; j < dk; j++) S_final[i][j] += (Z[s][i] * pairs[s].b[j] + Vh[s][i] * K[s][j]) * tail[j];
    for (let j = 0; j < dk; j++) tail[j] *= w[s][j];
  }
  // With S₀ = 0, Z = (I − Lb)⁻¹ Lk V̂, so the weights on V are M = (Qb (I − Lb)⁻¹ Lk + Qk) diag(β).
  let M: Mat | null = null;
  if (weights) {
    const X = solveUnitLower(negLb, Lk);
    const beta = p.steps.map((x) => x.beta);
    M = matMul(Qb, X).map((row, t) => row.map((x, s) => (x + Qk[t][s]) * beta[s]));
  }
  return { o, S_final, M };
}

/** A step's transition as diag(w) + a bᵀ: its explicit low-rank part, or the delta rule's erase. */
function transition(x: MemoryStep, erase: boolean): { w: Vec; a: Vec; b: Vec } {
  const dk = x.k.length;
  const w = ((): Vec => {
    const g = x.gate;
    if (g.shape === 'none') return new Array<number>(dk).fill(1);
    if (g.shape === 'scalar') return new Array<number>(dk).fill(g.value);
    if (g.shape === 'column') return g.value;
    throw new Error('a low-rank transition needs a gate shared by the value channels (none, scalar or column)');
  })();
  if (x.lowRank) {
    if (erase) throw new Error('a step has both the delta rule’s erase and its own low-rank transition');
    return { w, a: x.lowRank.a, b: x.lowRank.b };
  }
  if (erase) return { w, a: x.k.map((kj, j) => -w[j] * kj), b: x.k.map((kj) => x.beta * kj) };
  return { w, a: new Array<number>(dk).fill(0), b: new Array<number>(dk).fill(0) };
}

/** Column gate (one factor per key dimension, GLA), no erase: M[t][s] = β_s Σ_j q_t[j] k_s[j] Γ_{t,s}[j]. */
function columnParallel(p: MemoryProgram, S0: Mat): ParallelResult {
  const { Q, K, V, beta } = columns(p);
  const T = p.steps.length;
  const dk = p.dk;
  const gate = (s: number, j: number): number => gateAt(p.steps[s].gate, 0, j);
  const M = zeros(T, T);
  for (let t = 0; t < T; t++) {
    const G = new Array<number>(dk).fill(1); // Γ_{t,s}, starting at s = t
    for (let s = t; s >= 0; s--) {
      let m = 0;
      for (let j = 0; j < dk; j++) m += Q[t][j] * K[s][j] * G[j];
      M[t][s] = beta[s] * m;
      for (let j = 0; j < dk; j++) G[j] *= gate(s, j);
    }
  }
  const o = matMul(M, V);
  // S₀'s share: o_t[i] += Σ_j Γ_{t,0}[j] S₀[i,j] q_t[j].
  const P = new Array<number>(dk).fill(1);
  Q.forEach((q, t) => {
    for (let j = 0; j < dk; j++) P[j] *= gate(t, j);
    S0.forEach((row, i) => (o[t][i] += row.reduce((a, s0, j) => a + P[j] * s0 * q[j], 0)));
  });
  const S_final = finalState(p, S0);
  return { o, S_final, M };
}

/** Row / full gates: Γ differs per entry of S, so there is one weight matrix per value channel; sum entrywise. */
function entrywiseParallel(p: MemoryProgram, S0: Mat): ParallelResult {
  const { Q, K, V, beta } = columns(p);
  const T = p.steps.length;
  const { dv, dk } = p;
  const o = zeros(T, dv);
  for (let t = 0; t < T; t++) {
    const G = zeros(dv, dk).map((row) => row.fill(1)); // Γ_{t,s}
    for (let s = t; s >= 0; s--) {
      for (let i = 0; i < dv; i++)
        for (let j = 0; j < dk; j++) o[t][i] += Q[t][j] * K[s][j] * beta[s] * V[s][i] * G[i][j];
      multiplyGate(G, p.steps[s].gate);
    }
    // G is now Γ_{t,0}: add S₀'s share.
    for (let i = 0; i < dv; i++) for (let j = 0; j < dk; j++) o[t][i] += G[i][j] * S0[i][j] * Q[t][j];
  }
  return { o, S_final: finalState(p, S0), M: null };
}

/** S_T = Γ_{T,0} ⊙ S₀ + Σ_s Γ_{T,s} ⊙ β_s v_s k_sᵀ for any gate shape (no erase), walking s backwards. */
function finalState(p: MemoryProgram, S0: Mat): Mat {
  const S = zeros(p.dv, p.dk);
  const G = zeros(p.dv, p.dk).map((row) => row.fill(1));
  for (let s = p.steps.length - 1; s >= 0; s--) {
    const { v, k, beta, gate } = p.steps[s];
    for (let i = 0; i < p.dv; i++) for (let j = 0; j < p.dk; j++) S[i][j] += G[i][j] * beta * v[i] * k[j];
    multiplyGate(G, gate);
  }
  return S.map((row, i) => row.map((x, j) => x + G[i][j] * S0[i][j]));
}

function multiplyGate(G: Mat, gate: Gate): void {
  if (gate.shape === 'none') return;
  for (let i = 0; i < G.length; i++) for (let j = 0; j < G[i].length; j++) G[i][j] *= gateAt(gate, i, j);
}

/** Γ_{T,0} S₀ + Σ_s D_T[s] w_s k_sᵀ, for a scalar gate. */
function decayedSum(S0: Mat, g0: number, DT: Vec, W: Mat, K: Mat): Mat {
  const S = S0.map((row) => row.map((x) => g0 * x));
  W.forEach((w, s) => {
    const d = DT[s];
    if (d === 0) return;
    S.forEach((row, i) => K[s].forEach((kj, j) => (row[j] += d * w[i] * kj)));
  });
  return S;
}

/** O += Γ_{·,0} ⊙ Q S₀ᵀ: what the (decayed) initial memory returns to each query. */
function addInitialRead(O: Mat, Q: Mat, S0: Mat, g0: Vec): Mat {
  const QS0 = matMul(Q, transpose(S0));
  return O.map((row, t) => row.map((x, i) => x + g0[t] * QS0[t][i]));
}

/** The program's per-step vectors stacked as matrices (rows = time). */
function columns(p: MemoryProgram): { Q: Mat; K: Mat; V: Mat; beta: Vec } {
  return {
    Q: p.steps.map((x) => x.q),
    K: p.steps.map((x) => x.k),
    V: p.steps.map((x) => x.v),
    beta: p.steps.map((x) => x.beta),
  };
}
