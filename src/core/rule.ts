// The one rule behind chapters 2–9:
//   S_t = (S_{t−1} ⊙ G_t)(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ,   o_t = S_t q_t
// S is d_v × d_k, S₀ = 0, and the read happens after the write.
// Every mechanism except softmax attention is a preset of this rule (see mechanisms.ts);
// they differ only in the shape of the gate G_t and in whether the erase term is on.
// Generalized (RWKV-7): the transition diag(w_t)(I − β_t k_t k_tᵀ) becomes any diagonal-plus-low-rank
// diag(w_t) + a_t b_tᵀ, so S_t = S_{t−1}(diag(w_t) + a_t b_tᵀ) + β_t v_t k_tᵀ; the delta rule is
// a_t = −w_t ⊙ k_t, b_t = β_t k_t (parallel.ts solves every such transition in one form).
import { type Mat, type Vec, dot, zeros } from './linalg';

/** How the forget gate G_t acts on the memory S (d_v × d_k). */
export type Gate =
  | { shape: 'none' } // G = 1: nothing is forgotten (linear attention, DeltaNet)
  | { shape: 'scalar'; value: number } // one γ for the whole matrix (RetNet, gated retention, Mamba-2)
  | { shape: 'column'; value: Vec } // one factor per key dimension, length d_k (GLA)
  | { shape: 'row'; value: Vec } // one factor per value channel, length d_v
  | { shape: 'full'; value: Mat }; // one factor per entry, d_v × d_k (Mamba-1)

export type GateShape = Gate['shape'];

export interface MemoryStep {
  q: Vec; // length d_k
  k: Vec; // length d_k
  v: Vec; // length d_v
  beta: number; // write strength β_t
  gate: Gate;
  /** The transition's own low-rank part a_t b_tᵀ (both length d_k), on S_{t−1}: S_{t−1} a_t b_tᵀ is added. */
  lowRank?: { a: Vec; b: Vec };
}

export interface MemoryProgram {
  dk: number;
  dv: number;
  /** The delta rule's erase term −β (S k) kᵀ is on (DeltaNet family). */
  erase: boolean;
  steps: MemoryStep[];
}

/** Everything that happens to the memory in one step, for figures to animate. */
export interface StepRecord {
  /** S_{t−1} ⊙ G_t: the memory after forgetting. */
  decayed: Mat;
  /** (S_{t−1} ⊙ G_t) k_t: what the memory held under k_t before this step (the delta rule's "old value"). */
  recalled: Vec;
  /** β_t · recalled · k_tᵀ: the erase term (all zeros without the delta rule). */
  erase: Mat;
  /** β_t v_t k_tᵀ: the write. */
  write: Mat;
  /** S_t. */
  S: Mat;
  /** o_t = S_t q_t. */
  o: Vec;
}

/** G's factor for entry (i, j) of S. */
export function gateAt(gate: Gate, i: number, j: number): number {
  switch (gate.shape) {
    case 'none':
      return 1;
    case 'scalar':
      return gate.value;
    case 'column':
      return gate.value[j];
    case 'row':
      return gate.value[i];
    case 'full':
      return gate.value[i][j];
  }
}

export function applyGate(S: Mat, gate: Gate): Mat {
  if (gate.shape === 'none') return S.map((row) => row.slice());
  return S.map((row, i) => row.map((s, j) => s * gateAt(gate, i, j)));
}

/** One step of the rule, with every intermediate term kept. */
export function step(prev: Mat, x: MemoryStep, erase: boolean): StepRecord {
  const decayed = applyGate(prev, x.gate);
  if (x.lowRank) {
    // Diagonal-plus-low-rank: recalled = S_{t−1} a_t, and the "erase" record is −(S_{t−1} a_t) b_tᵀ,
    // so S_t = decayed − erase + write as for the delta rule.
    const { a, b } = x.lowRank;
    const recalled = prev.map((row) => dot(row, a));
    const eraseTerm = recalled.map((r) => b.map((bj) => -r * bj));
    const write = x.v.map((vi) => x.k.map((kj) => x.beta * vi * kj));
    const S = decayed.map((row, i) => row.map((d, j) => d - eraseTerm[i][j] + write[i][j]));
    return { decayed, recalled, erase: eraseTerm, write, S, o: S.map((row) => dot(row, x.q)) };
  }
  const recalled = decayed.map((row) => dot(row, x.k));
  const eraseTerm = decayed.map((_, i) => x.k.map((kj) => (erase ? x.beta * recalled[i] * kj : 0)));
  const write = x.v.map((vi) => x.k.map((kj) => x.beta * vi * kj));
  const S = decayed.map((row, i) => row.map((d, j) => d - eraseTerm[i][j] + write[i][j]));
  const o = S.map((row) => dot(row, x.q));
  return { decayed, recalled, erase: eraseTerm, write, S, o };
}

export interface RecurrentResult {
  /** T × d_v outputs. */
  o: Mat;
  /** Final state S_T (d_v × d_k). */
  S: Mat;
  /** One record per step. */
  steps: StepRecord[];
}

/** The recurrent form: walk the sequence once, carrying S. O(T · d_v · d_k) time, O(d_v · d_k) memory. */
export function recurrent(program: MemoryProgram, S0?: Mat): RecurrentResult {
  let S = S0 ?? zeros(program.dv, program.dk);
  const steps: StepRecord[] = [];
  for (const x of program.steps) {
    const rec = step(S, x, program.erase);
    steps.push(rec);
    S = rec.S;
  }
  return { o: steps.map((r) => r.o), S, steps };
}
