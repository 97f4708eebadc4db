// A float64 LSTM: the RNN template H_t = f_A(H_{t−1}) + f_B(x_t), y_t = f_C(H_t) with gates
// (chapter 1). The memory is the cell c_t, the output h_t. Per step, with σ the logistic function:
//   i_t = σ(W_i x_t + R_i h_{t−1} + b_i)      input gate   (how much of the candidate to write)
//   f_t = σ(W_f x_t + R_f h_{t−1} + b_f)      forget gate  (how much of c_{t−1} to keep)
//   o_t = σ(W_o x_t + R_o h_{t−1} + b_o)      output gate  (how much of the memory to show)
//   g_t = tanh(W_g x_t + R_g h_{t−1} + b_g)   candidate    (what would be written)
//   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t,   h_t = o_t ⊙ tanh(c_t),   h_0 = c_0 = 0.
// This is the ONNX LSTM operator with its default activations (σ, tanh, tanh), no peepholes, no clip;
// src/models/lstm.ts builds that operator from the same weights and is tested against this file.
import type { Mat, Vec } from './linalg';
import { dot } from './linalg';
import { randomMatrix, rng } from './random';

export const LSTM_GATES = ['i', 'f', 'o', 'g'] as const;
export type LstmGate = (typeof LSTM_GATES)[number];

/** One gate's weights: W (hidden × input), R (hidden × hidden), b (hidden). */
export interface GateWeights {
  W: Mat;
  R: Mat;
  b: Vec;
}

export type LstmWeights = Record<LstmGate, GateWeights>;

export interface LstmStep {
  i: Vec;
  f: Vec;
  o: Vec;
  g: Vec;
  /** The cell (the memory) after this step. */
  c: Vec;
  /** The output after this step (also the next step's h_{t−1}). */
  h: Vec;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function preActivation(w: GateWeights, x: Vec, hPrev: Vec): Vec {
  return w.b.map((b, j) => dot(w.W[j], x) + dot(w.R[j], hPrev) + b);
}

/** One step from (h_{t−1}, c_{t−1}) and x_t. */
export function lstmStep(weights: LstmWeights, x: Vec, hPrev: Vec, cPrev: Vec): LstmStep {
  const i = preActivation(weights.i, x, hPrev).map(sigmoid);
  const f = preActivation(weights.f, x, hPrev).map(sigmoid);
  const o = preActivation(weights.o, x, hPrev).map(sigmoid);
  const g = preActivation(weights.g, x, hPrev).map(Math.tanh);
  const c = cPrev.map((cp, j) => f[j] * cp + i[j] * g[j]);
  const h = c.map((cj, j) => o[j] * Math.tanh(cj));
  return { i, f, o, g, c, h };
}

/** Every step of a sequence x_1 … x_T (rows of xs), from h_0 = c_0 = 0. */
export function lstmRun(weights: LstmWeights, xs: Mat): LstmStep[] {
  const H = hiddenSize(weights);
  let h = new Array<number>(H).fill(0);
  let c = new Array<number>(H).fill(0);
  return xs.map((x) => {
    const step = lstmStep(weights, x, h, c);
    h = step.h;
    c = step.c;
    return step;
  });
}

export const hiddenSize = (w: LstmWeights): number => w.i.b.length;
export const inputSize = (w: LstmWeights): number => w.i.W[0]?.length ?? 0;

export interface LstmSpec {
  inputSize: number;
  hiddenSize: number;
  seed: number;
}

/**
 * Chapter 1's untrained LSTM, reproducible from its seed: W and R entries are N(0, 0.7²) (drawn in the
 * order i, f, o, g; W before R), every bias is 0 except the forget gate's, which is 1 — the usual
 * start that keeps the memory by default. The figure shows the mechanics, not a trained model.
 */
export function lstmWeights({ inputSize: I, hiddenSize: H, seed }: LstmSpec): LstmWeights {
  const r = rng(seed);
  const gate = (bias: number): GateWeights => ({
    W: randomMatrix(r, H, I, 0.7),
    R: randomMatrix(r, H, H, 0.7),
    b: new Array<number>(H).fill(bias),
  });
  const i = gate(0);
  const f = gate(1);
  const o = gate(0);
  const g = gate(0);
  return { i, f, o, g };
}

/**
 * Split a sentence into the steps the LSTM reads: words when it has spaces ("Joe went to the garden"),
 * otherwise one character per step ("大家好，我是"), as the lecture's example does.
 */
export function tokenize(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (/\s/.test(trimmed)) return trimmed.split(/\s+/);
  return Array.from(trimmed);
}

/** A token's id for seeding: FNV-1a over its UTF-16 code units (stable on every machine). */
export function tokenHash(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A fixed embedding per token: the same token always reads as the same vector x_t (entries in [−1, 1)). */
export function embed(token: string, size: number, seed: number): Vec {
  const r = rng((tokenHash(token) ^ Math.imul(seed, 0x9e3779b1)) >>> 0);
  return Array.from({ length: size }, () => 2 * r() - 1);
}
