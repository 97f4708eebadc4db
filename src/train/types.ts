// The training lab's contract between the engine (src/train/) and the page (src/app/train/).
// The page talks only to these types; the engine behind them can be swapped (docs/training-engine.md).
import type { TaskId } from '../core/tasks';

/** The mechanisms the lab trains: the ids of scripts/train/model.py and public/models/manifest.json. */
export type TrainMechanism =
  | 'linear_attention'
  | 'retnet'
  | 'mamba2' // gated retention / Mamba-2: one scalar decay per step
  | 'gla'
  | 'deltanet'
  | 'gated_deltanet'
  | 'mamba' // Mamba-1 (S6)
  | 'softmax_attention'; // the baseline

export interface Ablations {
  /** Remove the gate: every decay α = 1 (no effect on mechanisms without one). */
  noGate: boolean;
  /** Remove the delta correction: a plain write v kᵀ (no effect outside the delta family). */
  noDelta: boolean;
  /** Freeze the key projection at its initial weights. */
  freezeKeys: boolean;
}

export interface TrainConfig {
  task: TaskId;
  /** Difficulty the batches are drawn at (pairs, moves, marked tokens), within TASKS[task].range. */
  level: number;
  dModel: 16 | 32;
  layers: 1 | 2;
  /** One to four, trained side by side. */
  mechanisms: TrainMechanism[];
  ablations: Ablations;
  seed: number;
  batch: number;
  learningRate: number;
  /** Which compute backend the engine uses; 'auto' lets the engine choose and report it. */
  backend: 'auto' | 'cpu' | 'wasm' | 'webgpu';
}

/** One report per mechanism after a training step (or every few steps). */
export interface TrainProgress {
  mechanism: TrainMechanism;
  step: number;
  loss: number;
  /** Held-out accuracy (share of answer tokens right), measured every few steps; undefined between. */
  accuracy?: number;
  stepsPerSecond: number;
  /** Milliseconds this step took (its own compute; the accuracy check is not counted). */
  stepMs: number;
  backend: 'cpu' | 'wasm' | 'webgpu';
}

/** What the memory figure needs for one mechanism on the fixed probe sequence (layer 0). */
export interface ProbeReading {
  mechanism: TrainMechanism;
  tokens: number[];
  /** Per time step: q_t, k_t, v_t (for Mamba: C_t, B_t, Δ_t·x_t). */
  q: number[][];
  k: number[][];
  v: number[][];
  /** Per-step gates where the mechanism has them: β_t (delta family), γ_t / α_t (scalar decay), Δ_t (Mamba, mean over channels). */
  beta?: number[];
  gamma?: number[];
  delta?: number[];
  /** The model's prediction at each position (arg-max token). */
  predictions: number[];
}

/** Weights in the layout of public/models/*.bin and src/models/trained.ts (names and shapes as export_tensors). */
export interface ExportedModel {
  id: string;
  task: TaskId;
  mechanism: TrainMechanism;
  layers: number;
  d_model: number;
  dk: number;
  dv: number;
  vocab: number;
  tensors: { name: string; shape: number[]; data: number[] }[];
}

export type TrainEvent =
  | { kind: 'progress'; progress: TrainProgress[] }
  | { kind: 'state'; state: 'idle' | 'training' | 'paused'; step: number }
  | { kind: 'error'; message: string; failed?: StepFailure };

/** Which model's training step failed, and how: the page names the model and, for a loss that is no longer a number, says so in its own words. */
export interface StepFailure {
  mechanism: TrainMechanism;
  step: number;
  /** The step ran but its loss came out NaN or infinite (the weights are no longer usable). */
  nonFiniteLoss: boolean;
}

/** The one interface the page uses. Implementations run off the main thread (a worker). */
export interface Trainer {
  configure(config: TrainConfig): Promise<void>;
  start(): void;
  pause(): void;
  stepOnce(): Promise<void>;
  reset(): Promise<void>;
  subscribe(listener: (event: TrainEvent) => void): () => void;
  probe(mechanism: TrainMechanism): Promise<ProbeReading>;
  exportWeights(mechanism: TrainMechanism): Promise<ExportedModel>;
  dispose(): void;
}
