// S4 from control theory (chapter 9): a continuous state-space model with one input channel,
//   h'(τ) = A h(τ) + B x(τ),   y(τ) = C h(τ),     A: N × N, B, C: length N,
// sampled every Δ with zero-order hold (x constant between samples):
//   Ā = exp(ΔA),   B̄ = (ΔA)⁻¹(exp(ΔA) − I) ΔB.
// Then the same outputs come two ways: a recurrence h_k = Ā h_{k−1} + B̄ x_k, y_k = C h_k (h_{−1} = 0),
// or a causal convolution y = K * x with the kernel K_j = C Āʲ B̄ (unroll the recurrence).
// A diagonal A (S4D-real) is just a special case: see `s4dReal`.
import type { Mat, Vec } from './linalg';
import { add, identity, matMul, matVec, scale, solve } from './linalg';

export interface ContinuousSSM {
  A: Mat;
  B: Vec;
  C: Vec;
}

export interface DiscreteSSM {
  Abar: Mat;
  Bbar: Vec;
  C: Vec;
  /** How B̄ was found: the textbook inverse, or the series when ΔA is (numerically) singular. */
  method: 'inverse' | 'series';
}

/** Infinity norm (largest absolute row sum). */
function normInf(X: Mat): number {
  return X.reduce((m, row) => Math.max(m, row.reduce((s, x) => s + Math.abs(x), 0)), 0);
}

/**
 * exp(X) and φ₁(X) = Σ_k X^k/(k+1)! (which is X⁻¹(exp(X) − I) when X is invertible), together.
 * Scaling and squaring: halve X until ‖X/2^s‖ ≤ ½, sum both Taylor series there (they converge fast),
 * then double back s times with exp(2Y) = exp(Y)² and φ₁(2Y) = ½(exp(Y) + I) φ₁(Y).
 */
export function expmPhi1(X: Mat): { E: Mat; P: Mat } {
  const n = X.length;
  const I = identity(n);
  const s = Math.max(0, Math.ceil(Math.log2(normInf(X) / 0.5)));
  const Y = scale(X, 2 ** -s);
  let E = identity(n);
  let P = identity(n);
  let term = identity(n); // Y^k / k!
  for (let k = 1; k <= 30; k++) {
    term = scale(matMul(term, Y), 1 / k);
    E = add(E, term);
    P = add(P, scale(term, 1 / (k + 1)));
    if (normInf(term) < 1e-18) break;
  }
  for (let i = 0; i < s; i++) {
    P = scale(matMul(add(E, I), P), 0.5);
    E = matMul(E, E);
  }
  return { E, P };
}

/** The matrix exponential exp(X) = Σ X^k / k!. */
export function expm(X: Mat): Mat {
  return expmPhi1(X).E;
}

/** Zero-order-hold discretisation with step dt (Δ). */
export function discretizeZOH(ssm: ContinuousSSM, dt: number): DiscreteSSM {
  const dA = scale(ssm.A, dt);
  const dB = ssm.B.map((b) => dt * b);
  const { E: Abar, P } = expmPhi1(dA);
  // B̄ = (ΔA)⁻¹ (exp(ΔA) − I) ΔB: solve ΔA · B̄ = (Ā − I) ΔB rather than forming the inverse.
  const rhs = matVec(add(Abar, scale(identity(dA.length), -1)), dB).map((x) => [x]);
  const solved = solve(dA, rhs, 1e-6);
  if (solved) return { Abar, Bbar: solved.map((row) => row[0]), C: ssm.C, method: 'inverse' };
  // ΔA singular (e.g. a zero eigenvalue: a pure integrator): B̄ = Σ_k (ΔA)^k Δ/(k+1)! B = φ₁(ΔA) ΔB.
  return { Abar, Bbar: matVec(P, dB), C: ssm.C, method: 'series' };
}

/** S4D-real: A = diag(a) (a < 0 for a stable memory). */
export function s4dReal(a: Vec, B: Vec, C: Vec): ContinuousSSM {
  return { A: a.map((ai, i) => a.map((_, j) => (i === j ? ai : 0))), B, C };
}

/** The convolution kernel K_j = C Āʲ B̄ for j = 0 … L−1. */
export function ssmKernel(d: DiscreteSSM, L: number): Vec {
  const K: Vec = [];
  let AjB = d.Bbar; // Āʲ B̄
  for (let j = 0; j < L; j++) {
    K.push(d.C.reduce((s, c, n) => s + c * AjB[n], 0));
    AjB = matVec(d.Abar, AjB);
  }
  return K;
}

/** Causal convolution y_k = Σ_{j≤k} K_j x_{k−j}. */
export function causalConvolution(K: Vec, x: Vec): Vec {
  return x.map((_, k) => {
    let y = 0;
    for (let j = 0; j <= k; j++) y += K[j] * x[k - j];
    return y;
  });
}

/** The convolution view: build K once, then every output is independent of the others. */
export function ssmConvolution(d: DiscreteSSM, x: Vec): Vec {
  return causalConvolution(ssmKernel(d, x.length), x);
}

/** The recurrent view: h_k = Ā h_{k−1} + B̄ x_k, y_k = C h_k. Returns y and every state h_k. */
export function ssmRecurrent(d: DiscreteSSM, x: Vec): { y: Vec; h: Mat } {
  let h: Vec = d.Bbar.map(() => 0);
  const hs: Mat = [];
  const y = x.map((xk) => {
    h = matVec(d.Abar, h).map((a, n) => a + d.Bbar[n] * xk);
    hs.push(h);
    return d.C.reduce((s, c, n) => s + c * h[n], 0);
  });
  return { y, h: hs };
}
