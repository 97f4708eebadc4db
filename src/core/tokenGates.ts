// Chapter 6's toy layer: a handful of tokens, each an embedding x_t, and a gated-retention layer that
// reads q_t, k_t, v_t and its forget gate γ_t = σ(w·x_t + b) off x_t with small fixed matrices — the
// way a trained layer would, only tiny enough to check by hand. One token, ⟲, has learned to close
// the gate: γ ≈ 0, so the memory is wiped and everything after it starts from an empty S.
import type { CaseOf } from './cases';
import { dot, matVec, type Mat, type Vec } from './linalg';

export const TOKENS = ['●', '▲', '■', '◆', '★', '⟲'] as const;
export type Token = (typeof TOKENS)[number];
/** The "clear the memory" token. */
export const CLEAR: Token = '⟲';

export function isToken(x: unknown): x is Token {
  return typeof x === 'string' && (TOKENS as readonly string[]).includes(x);
}

/**
 * Embeddings x (d = 5). The first four dimensions carry content; the fifth is a "control" direction
 * only ⟲ uses. Every projection below ignores it except the gate's, so ⟲ writes and reads nothing
 * and only closes the gate.
 */
export const EMBEDDING: Readonly<Record<Token, Vec>> = {
  '●': [1.0, 0.3, -0.2, 0.1, 0],
  '▲': [-0.2, 1.0, 0.4, 0.0, 0],
  '■': [0.1, -0.3, 1.0, 0.5, 0],
  '◆': [0.4, 0.2, -0.1, 1.0, 0],
  '★': [0.7, -0.6, 0.3, -0.4, 0],
  '⟲': [0, 0, 0, 0, 1],
};

/** q_t = W_Q x_t (d_k = 4). */
export const W_Q: Mat = [
  [0.8, 0.2, -0.1, 0.3, 0],
  [-0.3, 0.9, 0.2, 0.0, 0],
  [0.1, -0.2, 0.8, 0.3, 0],
  [0.2, 0.1, -0.3, 0.9, 0],
];
/** k_t = W_K x_t (d_k = 4). */
export const W_K: Mat = [
  [0.9, 0.1, -0.3, 0.2, 0],
  [-0.2, 0.8, 0.1, -0.1, 0],
  [0.3, -0.2, 0.7, 0.4, 0],
  [0.1, 0.3, -0.2, 0.9, 0],
];
/** v_t = W_V x_t (d_v = 4). */
export const W_V: Mat = [
  [1.0, -0.4, 0.2, 0.5, 0],
  [0.3, 1.0, -0.5, 0.1, 0],
  [-0.2, 0.4, 1.0, -0.6, 0],
  [0.5, 0.2, 0.3, 1.0, 0],
];
/** The gate's weights w and bias b: γ_t = σ(w·x_t + b). The last weight is ⟲'s "close" direction. */
export const W_GATE: Vec = [1.4, 2.2, -1.6, 0.9, -16];
export const GATE_BIAS = 1.5;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export interface TokenFeatures {
  x: Vec;
  q: Vec;
  k: Vec;
  v: Vec;
  /** w·x + b, before the sigmoid. */
  logit: number;
  /** γ = σ(logit), in (0, 1). */
  gate: number;
}

export function tokenFeatures(token: Token): TokenFeatures {
  const x = EMBEDDING[token];
  const logit = dot(W_GATE, x) + GATE_BIAS;
  return { x, q: matVec(W_Q, x), k: matVec(W_K, x), v: matVec(W_V, x), logit, gate: sigmoid(logit) };
}

/** The gated-retention case a token sequence makes: S_t = γ_t S_{t−1} + v_t k_tᵀ, o_t = S_t q_t. */
export function gatedRetentionCase(tokens: readonly Token[]): CaseOf<'gated_retention'> {
  const f = tokens.map(tokenFeatures);
  return { mechanism: 'gated_retention', q: f.map((x) => x.q), k: f.map((x) => x.k), v: f.map((x) => x.v), gate: f.map((x) => x.gate) };
}

/** Sequences are kept between these lengths (the figure stays readable; a layer needs one step). */
export const SEQUENCE_LIMITS = { min: 1, max: 16 } as const;

/** Insert ⟲ after code step `after` (−1: at the very start). Refused (unchanged) at the maximum length. */
export function insertClear(tokens: readonly Token[], after: number): Token[] {
  if (tokens.length >= SEQUENCE_LIMITS.max) return tokens.slice();
  const at = Math.max(0, Math.min(tokens.length, after + 1));
  return [...tokens.slice(0, at), CLEAR, ...tokens.slice(at)];
}

/** Remove the token at code step `t`. Refused (unchanged) at the minimum length or out of range. */
export function removeAt(tokens: readonly Token[], t: number): Token[] {
  if (tokens.length <= SEQUENCE_LIMITS.min || t < 0 || t >= tokens.length) return tokens.slice();
  return tokens.filter((_, i) => i !== t);
}

export function replaceAt(tokens: readonly Token[], t: number, token: Token): Token[] {
  return tokens.map((x, i) => (i === t ? token : x));
}

export type GatesPreset = 'one-clear' | 'no-clear' | 'two-clears';

/** Chapter 6's starting sequences (10 tokens or so). */
export function gatesPreset(preset: GatesPreset): Token[] {
  switch (preset) {
    case 'one-clear':
      return ['●', '▲', '■', '◆', '⟲', '★', '●', '▲', '◆', '■'];
    case 'no-clear':
      return ['●', '▲', '■', '◆', '★', '●', '▲', '◆', '■', '★'];
    case 'two-clears':
      return ['●', '▲', '⟲', '■', '◆', '★', '⟲', '●', '▲', '◆'];
  }
}

export interface ReadAfterClear {
  /** Code step right after the first ⟲ that has a token after it. */
  step: number;
  token: Token;
  /** o at that step, from the recurrent form. */
  o: Vec;
  /** (k_tᵀ q_t) v_t: the step's own write, read back by its own query. */
  own: Vec;
}

/** What chapter 6's question asks about: the read right after ⟲, next to the step's own term. */
export function readAfterClear(tokens: readonly Token[], o: Mat): ReadAfterClear | null {
  const at = tokens.findIndex((t, i) => t === CLEAR && i + 1 < tokens.length && tokens[i + 1] !== CLEAR);
  if (at < 0) return null;
  const step = at + 1;
  const f = tokenFeatures(tokens[step]);
  const kq = dot(f.k, f.q);
  return { step, token: tokens[step], o: o[step], own: f.v.map((x) => kq * x) };
}
