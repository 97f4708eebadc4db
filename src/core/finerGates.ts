// Chapter 7: the lecture's table of forget gates, each as a preset of the one rule (rule.ts). Every
// model reads the same input sequence x_1 … x_T through its own small, fixed ("learned-looking")
// parameters and turns it into a gate G_t of its own shape:
//   scalar  — one γ_t for the whole memory        (Mamba-2, mLSTM, gated retention)
//   column  — one α_t[j] per key dimension         (GLA, RWKV-6, HGRN-2, GateLoop)
//   full    — one factor per entry of S            (Mamba: exp(Δ_t[i] A[i][j]); DFW: β_t[i] α_t[j])
// Two newer rows follow the lecture's: Kimi Delta Attention and RWKV-7 keep a column gate and add
// chapter 8's correction (the delta rule, and its diagonal-plus-low-rank generalisation).
// S is d_v × d_k (rows = value channels, columns = key dimensions), so "per key dimension" means the
// factor is constant down each column. Where one of the site's ONNX graphs computes exactly this
// state, `live` is that case; DFW's rank-one gate has no graph (live = null).
import type { Case, CaseOf } from './cases';
import { dot, matVec, type Mat, type Vec } from './linalg';
import { toProgram } from './mechanisms';
import { randomMatrix, randomVector, rng, uniform } from './random';
import { unitRows } from './rng';
import type { Gate, GateShape, MemoryProgram } from './rule';
import { gateAt, recurrent } from './rule';
import { sigmoid } from './tokenGates';

export const GATE_MODELS = ['mamba', 'mamba2', 'mlstm', 'gated_retention', 'dfw', 'gateloop', 'hgrn2', 'rwkv6', 'gla', 'kda', 'rwkv7'] as const;
export type GateModel = (typeof GATE_MODELS)[number];

export type LiveMechanism = 'mamba' | 'mamba2' | 'gated_retention' | 'gla' | 'kda' | 'rwkv7';

export interface GateModelSpec {
  shape: Exclude<GateShape, 'none'>;
  /** The ONNX graph that computes this model's state exactly, or null. */
  live: LiveMechanism | null;
  /** The gate is a product of a row and a column factor (rank one). */
  rankOne?: boolean;
  /** Beyond the gate, the step also corrects what is stored (chapter 8's delta rule or its generalisation). */
  corrects?: boolean;
}

export const GATE_MODEL_SPECS: Readonly<Record<GateModel, GateModelSpec>> = {
  mamba: { shape: 'full', live: 'mamba' },
  mamba2: { shape: 'scalar', live: 'mamba2' },
  mlstm: { shape: 'scalar', live: 'gated_retention' },
  gated_retention: { shape: 'scalar', live: 'gated_retention' },
  dfw: { shape: 'full', live: null, rankOne: true },
  gateloop: { shape: 'column', live: 'gla' },
  hgrn2: { shape: 'column', live: 'gla' },
  rwkv6: { shape: 'column', live: 'gla' },
  gla: { shape: 'column', live: 'gla' },
  kda: { shape: 'column', live: 'kda', corrects: true },
  rwkv7: { shape: 'column', live: 'rwkv7', corrects: true },
};

/** Sizes of chapter 7's example: T steps, input width d, d_k key dimensions, d_v value channels. */
export const FINER_SIZES = { T: 8, d: 6, dk: 4, dv: 3 } as const;
/** Temperature τ of gated retention and GLA (σ(·)^{1/τ} pulls gates towards 1; the papers use 16). */
export const TAU = 2;
/** HGRN-2's lower bounds γ, one per key dimension: α = γ + (1 − γ) σ(·) never drops below them. */
export const HGRN2_FLOOR: Vec = [0.2, 0.4, 0.6, 0.8];
/** The factor a "closed" gate entry gets (the graphs take logs, so exactly 0 is not allowed). */
export const CLOSED = 1e-6;

export const softplus = (z: number): number => (z > 20 ? z : Math.log1p(Math.exp(z)));

export interface FinerGateOptions {
  seed?: number;
  /** Column-gate models: force α_t[dim] = CLOSED at code step `step` (a "what if" for the learner). */
  closeColumn?: { step: number; dim: number } | null;
}

export interface FinerGateExample {
  model: GateModel;
  spec: GateModelSpec;
  /** G_t for every step, in the rule's shapes. */
  gates: Gate[];
  /** The model as a program of the one rule (what the core runs). */
  program: MemoryProgram;
  /** The case the live ONNX graph runs (toProgram(live) equals `program`), or null. */
  live: Case | null;
}

/** The shared input and projections: x_t (T × d), q, k (T × d_k), v (T × d_v). */
function shared(seed: number): { x: Mat; q: Mat; k: Mat; v: Mat } {
  const { T, d, dk, dv } = FINER_SIZES;
  const r = rng(seed);
  const x = randomMatrix(r, T, d);
  const s = 1 / Math.sqrt(d);
  const Wq = randomMatrix(r, dk, d, 0.7 * s);
  const Wk = randomMatrix(r, dk, d, 0.7 * s);
  const Wv = randomMatrix(r, dv, d, 1.2 * s);
  return { x, q: x.map((xt) => matVec(Wq, xt)), k: x.map((xt) => matVec(Wk, xt)), v: x.map((xt) => matVec(Wv, xt)) };
}

/** A model's own parameters, drawn from its own stream so changing one model never moves another. */
function params(seed: number, model: GateModel) {
  const r = rng(seed * 7919 + GATE_MODELS.indexOf(model) + 1);
  const { d, dk, dv } = FINER_SIZES;
  const s = 1 / Math.sqrt(d);
  return {
    r,
    vec: (scale = 1.4 * s) => randomVector(r, d, scale),
    mat: (rows: number, scale = 1.4 * s) => randomMatrix(r, rows, d, scale),
    lowRank: (rows: number, rank = 2) => {
      // W₂ W₁ with W₁: rank × d, W₂: rows × rank — the low-rank gate projections of Mamba and GLA.
      const W1 = randomMatrix(r, rank, d, s);
      const W2 = randomMatrix(r, rows, rank, 1.2);
      return (x: Vec): Vec => matVec(W2, matVec(W1, x));
    },
    dk,
    dv,
  };
}

const rows = <T>(n: number, f: (t: number) => T): T[] => Array.from({ length: n }, (_, t) => f(t));

/** One model of the table on chapter 7's shared input. */
export function finerGateExample(model: GateModel, options: FinerGateOptions = {}): FinerGateExample {
  const seed = options.seed ?? 1;
  const spec = GATE_MODEL_SPECS[model];
  const { x, q, k, v } = shared(seed);
  const p = params(seed, model);
  const close = spec.shape === 'column' ? (options.closeColumn ?? null) : null;
  const closeRow = (alpha: Mat): Mat =>
    close ? alpha.map((a, t) => (t === close.step ? a.map((z, j) => (j === close.dim ? CLOSED : z)) : a)) : alpha;

  const done = (live: Case | null, program?: MemoryProgram): FinerGateExample => {
    const prog = program ?? toProgram(live as Exclude<Case, { mechanism: 'softmax_attention' }>);
    return { model, spec, gates: prog.steps.map((s) => s.gate), program: prog, live };
  };

  return BUILD[model]({ p, x, q, k, v, closeRow, done });
}

/** Each model of the table: its gate from the shared input, and the live case that computes it. */
const BUILD: Readonly<Record<GateModel, (c: BuildContext) => FinerGateExample>> = {
  mamba: ({ p, x, q, k, v, done }) => {
    // Δ_t = softplus(W₂W₁ x_t) per value channel; A < 0 per entry; G_t[i][j] = exp(Δ_t[i] A[i][j]).
    const delta = p.lowRank(p.dv);
    const A = rows(p.dv, () => rows(p.dk, () => -uniform(p.r, 0.3, 2.5)));
    const live: CaseOf<'mamba'> = { mechanism: 'mamba', x: v, dt: x.map((xt) => delta(xt).map(softplus)), A, B: k, C: q };
    return done(live);
  },
  mamba2: ({ p, x, q, k, v, done }) => {
    // Δ_t = softplus(w·x_t), one A < 0: γ_t = exp(Δ_t A) for the whole memory.
    const w = p.vec(0.6 / Math.sqrt(FINER_SIZES.d));
    const A = -Math.exp(uniform(p.r, -1.5, -0.5));
    const live: CaseOf<'mamba2'> = { mechanism: 'mamba2', x: v, B: k, C: q, dt: x.map((xt) => softplus(dot(w, xt))), A };
    return done(live);
  },
  mlstm: (c) => gatedRetentionLike(c, 1),
  gated_retention: (c) => gatedRetentionLike(c, 1 / TAU),
  dfw: ({ p, x, q, k, v, done }) => {
    // α_t = σ(W_α x_t) per key dimension, β_t = σ(W_β x_t) per value channel: G_t = β_t α_tᵀ.
    const Wa = p.mat(p.dk);
    const Wb = p.mat(p.dv);
    const program: MemoryProgram = {
      dk: p.dk,
      dv: p.dv,
      erase: false,
      steps: x.map((xt, t) => {
        const alpha = matVec(Wa, xt).map(sigmoid);
        const beta = matVec(Wb, xt).map(sigmoid);
        const gate: Gate = { shape: 'full', value: beta.map((b) => alpha.map((a) => b * a)) };
        return { q: q[t], k: k[t], v: v[t], beta: 1, gate };
      }),
    };
    return done(null, program);
  },
  gateloop: ({ p, x, q, k, v, closeRow, done }) => {
    // α_t = σ(W₁ x_t) · e^{i W₂ x_t}: a decay and a rotation. The graphs are real-valued, so the
    // example keeps the decay |α_t| = σ(W₁ x_t) and leaves the rotation out.
    const W1 = p.mat(p.dk);
    const alpha = closeRow(x.map((xt) => matVec(W1, xt).map(sigmoid)));
    return done({ mechanism: 'gla', q, k, v, gate: alpha });
  },
  hgrn2: ({ p, x, q, v, closeRow, done }) => {
    // α_t = γ + (1 − γ) ⊙ σ(W x_t), and the key is 1 − α_t: what is forgotten is what gets written.
    const W = p.mat(p.dk);
    const alpha = closeRow(x.map((xt) => matVec(W, xt).map((z, j) => HGRN2_FLOOR[j] + (1 - HGRN2_FLOOR[j]) * sigmoid(z))));
    return done({ mechanism: 'gla', q, k: alpha.map((a) => a.map((z) => 1 - z)), v, gate: alpha });
  },
  rwkv6: ({ p, x, q, k, v, closeRow, done }) => {
    // α_t = exp(−exp(W x_t)): always in (0, 1), close to 1 when W x_t is very negative.
    const W = p.mat(p.dk);
    const alpha = closeRow(x.map((xt) => matVec(W, xt).map((z) => Math.exp(-Math.exp(z)))));
    return done({ mechanism: 'gla', q, k, v, gate: alpha });
  },
  gla: ({ p, x, q, k, v, closeRow, done }) => {
    // α_t = σ(W₂W₁ x_t)^{1/τ} with a low-rank W₂W₁.
    const proj = p.lowRank(p.dk);
    const alpha = closeRow(x.map((xt) => proj(xt).map((z) => sigmoid(z) ** (1 / TAU))));
    return done({ mechanism: 'gla', q, k, v, gate: alpha });
  },
  kda: ({ p, x, q, k, v, closeRow, done }) => {
    // GLA's gate α_t = σ(W₂W₁ x_t)^{1/τ} per key dimension, then Gated DeltaNet's correction with a unit
    // key and a write strength β_t = σ(w·x_t).
    const proj = p.lowRank(p.dk);
    const w = p.vec();
    const gate = closeRow(x.map((xt) => proj(xt).map((z) => sigmoid(z) ** (1 / TAU))));
    return done({ mechanism: 'kda', q, k: unitRows(k), v, beta: x.map((xt) => sigmoid(dot(w, xt))), gate });
  },
  rwkv7: ({ p, x, q, k, v, closeRow, done }) => {
    // RWKV-6's decay w_t = exp(−exp(W x_t)), plus the low-rank part a_t b_tᵀ with a = −κ_t and
    // b = η_t ⊙ κ_t: a unit key κ_t = k_t/‖k_t‖ and a per-dimension rate η_t = σ(W_η x_t), so the step
    // removes a share of what is stored along κ_t before it writes v_t k_tᵀ.
    const W = p.mat(p.dk);
    const Weta = p.mat(p.dk);
    const decay = closeRow(x.map((xt) => matVec(W, xt).map((z) => Math.exp(-Math.exp(z)))));
    const kappa = unitRows(k);
    const eta = x.map((xt) => matVec(Weta, xt).map(sigmoid));
    const a = kappa.map((row) => row.map((z) => -z));
    const b = kappa.map((row, t) => row.map((z, j) => eta[t][j] * z));
    return done({ mechanism: 'rwkv7', q, k, v, w: decay, a, b });
  },
};

interface BuildContext {
  p: ReturnType<typeof params>;
  x: Mat;
  q: Mat;
  k: Mat;
  v: Mat;
  /** A column gate with the learner's closed entry (⟲) applied. */
  closeRow: (alpha: Mat) => Mat;
  done: (live: Case | null, program?: MemoryProgram) => FinerGateExample;
}

/** mLSTM: γ_t = σ(w·x_t). Gated retention: the same, to the power 1/τ. */
function gatedRetentionLike({ p, x, q, k, v, done }: BuildContext, power: number): FinerGateExample {
  const w = p.vec();
  const gate = x.map((xt) => sigmoid(dot(w, xt)) ** power);
  return done({ mechanism: 'gated_retention', q, k, v, gate });
}

/** G as a d_v × d_k matrix of factors (what multiplies each entry of S). */
export function gateMatrix(gate: Gate, dv: number, dk: number): Mat {
  return rows(dv, (i) => rows(dk, (j) => gateAt(gate, i, j)));
}

/** Which of the four shapes a factor matrix actually has (up to `tol`): the figure's check. */
export function observedShape(G: Mat, tol = 1e-12): GateShape {
  const first = G[0][0];
  const all = G.every((row) => row.every((g) => Math.abs(g - first) <= tol));
  if (all) return 'scalar';
  if (G.every((row) => row.every((g, j) => Math.abs(g - G[0][j]) <= tol))) return 'column';
  if (G.every((row) => row.every((g) => Math.abs(g - row[0]) <= tol))) return 'row';
  return 'full';
}

export interface GateFrames {
  /** G_t as factors (d_v × d_k), per step. */
  G: Mat[];
  /** S_{t−1} (S₀ = 0 before step 1), per step. */
  before: Mat[];
  /** S_{t−1} ⊙ G_t, per step. */
  after: Mat[];
  /** max |S| over every step: one colour scale for the whole figure. */
  limit: number;
}

/** What the gate-shape figure shows at each step, from the recurrent form of the example's program. */
export function gateFrames(e: FinerGateExample): GateFrames {
  const { dv, dk } = e.program;
  const steps = recurrent(e.program).steps;
  const empty = rows(dv, () => new Array<number>(dk).fill(0));
  const before = steps.map((_, t) => (t === 0 ? empty : steps[t - 1].S));
  const limit = Math.max(1e-12, ...steps.flatMap((s) => s.S.flat().map(Math.abs)));
  return { G: e.gates.map((g) => gateMatrix(g, dv, dk)), before, after: steps.map((s) => s.decayed), limit };
}
