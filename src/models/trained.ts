// A trained tiny model (scripts/train/model.py) rebuilt as one ONNX graph from its exported weights:
//   one-hot tokens → embedding → (token shift → the mechanism's own inputs → the one rule → residual) × L
//   → readout logits.
// The mixer is the course's own block (block.ts via adapter.ruleFrom), so the network the learner
// watches is the same rule every chapter runs; only q, k, v and the gates now come from trained weights.
//   input:   onehot [T, vocab]
//   outputs: logits [T, vocab]; per layer i, the mechanism's own tensors as "l{i}.q", "l{i}.gate", …
//            (the case the figures replay), and "l{i}.M" [T, T] for softmax attention.
import { solvesTriangular, specOf, type Case, type Mechanism } from '../core/cases';
import type { Mat } from '../core/linalg';
import { ownInputs, ruleFrom, type OwnTensors } from './adapter';
import { block } from './block';
import { Graph } from './graph';
import type { PreparedModel } from './index';
import { add, dynamicPositions, factorsFor, mm, mul, sq, sub, tr, unsq } from './ops';
import { toMat, type TensorData } from './tensors';

export const TRAINED_MECHANISMS = [
  'linear_attention',
  'retnet',
  'mamba2',
  'gla',
  'deltanet',
  'gated_deltanet',
  'mamba',
  'softmax_attention',
  // Mamba-2's memory with B, C and Δ the same at every step (trained biases, zero weights): a
  // time-invariant state space model like S4, the contrast for selective copying.
  'lti',
] as const;
export type TrainedMechanism = (typeof TRAINED_MECHANISMS)[number];

/** q and k are unit vectors for these (scripts/train/model.py NORMALIZED). */
const NORMALIZED = new Set<TrainedMechanism>(['linear_attention', 'retnet', 'gla', 'deltanet', 'gated_deltanet']);
const EPS = 1e-6;

export interface TensorEntry {
  name: string;
  shape: number[];
  /** Byte offset in the model's .bin file. */
  offset: number;
}

/** One model's line in public/models/manifest.json (written by scripts/train/train.py). */
export interface TrainedSpec {
  id: string;
  task: string;
  mechanism: TrainedMechanism;
  layers: number;
  d_model: number;
  dk: number;
  dv: number;
  vocab: number;
  seed: number;
  steps: number;
  /** Sequences per training step, where recorded (the manifest's runs; lab files from before it was kept lack it). */
  batch?: number;
  trainSeconds: number;
  params: number;
  file: string;
  bytes: number;
  /** Held-out accuracy per difficulty level (keys are the level, as text). */
  accuracy: Record<string, number>;
  /** Lab models only: the training step the accuracy was measured at (it can trail `steps`). */
  accuracyStep?: number;
  tensors: TensorEntry[];
}

export interface Weights {
  get(name: string): { data: Float32Array; shape: number[] };
  /** FNV-1a of the bytes: a session cache key that changes whenever the weights do. */
  digest: string;
}

/** A corrupt or mismatched weights file, in words for the page. */
export class WeightsError extends Error {
  override name = 'WeightsError';
  /** Set when the problem is a NaN or infinity: the tensor that holds it (a reader may word it). */
  nonFiniteTensor?: string;
}

/** Slice a model's .bin into named tensors, checking every size against the manifest. */
export function readWeights(spec: TrainedSpec, buffer: ArrayBuffer): Weights {
  if (buffer.byteLength !== spec.bytes)
    throw new WeightsError(`${spec.file}: expected ${spec.bytes} bytes, got ${buffer.byteLength}`);
  const view = new DataView(buffer);
  const tensors = new Map<string, { data: Float32Array; shape: number[] }>();
  for (const t of spec.tensors) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (t.offset < 0 || t.offset + 4 * n > buffer.byteLength) throw new WeightsError(`${spec.file}: tensor ${t.name} lies outside the file`);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      data[i] = view.getFloat32(t.offset + 4 * i, true);
      if (!Number.isFinite(data[i])) throw Object.assign(new WeightsError(`${spec.file}: tensor ${t.name} holds a non-finite number`), { nonFiniteTensor: t.name });
    }
    tensors.set(t.name, { data, shape: t.shape });
  }
  let h = 0x811c9dc5;
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return {
    digest: (h >>> 0).toString(16),
    get(name) {
      const t = tensors.get(name);
      if (!t) throw new WeightsError(`${spec.file}: no tensor named ${name}`);
      return t;
    },
  };
}

/** The stable softplus both sides use: max(x, 0) + log(1 + e^{−|x|}). */
function softplus(g: Graph, x: string): string {
  return add(g, g.op('Relu', [x]), g.op('Log', [add(g, g.float(1), g.op('Exp', [g.op('Neg', [g.op('Abs', [x])])]))]));
}

function l2norm(g: Graph, x: string): string {
  const ss = g.op('ReduceSum', [mul(g, x, x), g.int([-1])], { keepdims: 1 });
  return g.op('Div', [x, g.op('Sqrt', [add(g, ss, g.float(EPS))])]);
}

/** `factors`: levels of the delta family's doubling inverse (exact for T ≤ 2^factors). */
export function buildTrained(spec: TrainedSpec, w: Weights, factors: number): Graph {
  const g = new Graph(`trained_${spec.id.replace(/\W/g, '_')}`);
  // Weights keep their manifest names, so an exported .onnx can be read back (src/train/exportOnnx.ts).
  const W = (name: string): string => {
    const t = w.get(name);
    return g.weight(name, t.data, t.shape);
  };
  let x = mm(g, g.input('onehot', ['T', spec.vocab]), W('embed')); // [T, d]
  const features: Record<string, string>[] = [];
  for (let i = 0; i < spec.layers; i++) {
    const p = `l${i}.`;
    // Token shift: row t sees [x_t ; x_{t−1}] (x_{−1} = 0), so a write can pair a token with the one before.
    const prev = g.op('Concat', [g.float(new Array<number>(spec.d_model).fill(0), [1, spec.d_model]), g.op('Slice', [x, g.int([0]), g.int([-1]), g.int([0])])], { axis: 0 });
    const h = g.op('Concat', [x, prev], { axis: 1 });
    const lin = (name: string): string => {
      const y = mm(g, h, W(`${p}${name}.W`));
      return spec.tensors.some((t) => t.name === `${p}${name}.b`) ? add(g, y, W(`${p}${name}.b`)) : y;
    };
    const own = ownTensors(g, spec.mechanism, lin, (name) => W(`${p}${name}`));
    let o: string;
    if (spec.mechanism === 'softmax_attention') {
      const { o: out, M } = softmaxWithRecency(g, own, softplus(g, W(`${p}slope`)));
      o = out;
      own.M = M;
    } else {
      const rule = ruleFrom(g, spec.mechanism === 'lti' ? 'mamba2' : spec.mechanism, own);
      o = block(g, rule, dynamicPositions(g, rule.q, factors)).o;
    }
    x = add(g, x, mm(g, o, W(`${p}out.W`)));
    features.push(own);
  }
  g.output(add(g, mm(g, x, W('readout.W')), W('readout.b')), 'logits');
  features.forEach((own, i) => {
    for (const [name, value] of Object.entries(own)) g.output(value, `l${i}.${name}`);
  });
  return g;
}

/** The mechanism's own tensors from the shifted stream h (names as in src/core/cases.ts). */
function ownTensors(g: Graph, m: TrainedMechanism, lin: (name: string) => string, param: (name: string) => string): OwnTensors {
  const column = (y: string): string => sq(g, y, [1]); // [T, 1] → [T]
  const spec = specOf(ruleOf(m));
  const rule = spec.rule;
  if (rule.kind === 'ssd' || rule.kind === 'selective') {
    // The state-space models: Δ = softplus(·) (one per step, or per channel), A = −exp(a_log).
    const dt = softplus(g, lin('dt'));
    const A = g.op('Neg', [g.op('Exp', [param('a_log')])]);
    return { x: lin('x'), B: lin('B'), C: lin('C'), dt: spec.fields.dt.dims.length === 2 ? dt : column(dt), A };
  }
  let q = lin('q');
  let k = lin('k');
  if (NORMALIZED.has(m)) {
    q = l2norm(g, q);
    k = l2norm(g, k);
  }
  const own: OwnTensors = { q, k, v: lin('v') };
  // A gate is a sigmoid: of one learned logit (a constant γ), else of the stream's projection.
  if (rule.kind !== 'attention') return own;
  const gate = rule.gate;
  if (gate.shape === 'constant') own[gate.field] = g.op('Sigmoid', [param(`${gate.field}_logit`)]);
  if (gate.shape === 'column') own[gate.field] = g.op('Sigmoid', [lin(gate.field)]);
  if (gate.shape === 'scalar') own[gate.field] = column(g.op('Sigmoid', [lin(gate.field)]));
  if (rule.beta) own[rule.beta] = column(g.op('Sigmoid', [lin(rule.beta)]));
  return own;
}

/** Causal softmax over q kᵀ − slope·(t − s): attention with a learned preference for recent keys. */
function softmaxWithRecency(g: Graph, own: OwnTensors, slope: string): { o: string; M: string } {
  const { idx } = dynamicPositions(g, own.q, 0);
  const dist = sub(g, unsq(g, idx, [1]), unsq(g, idx, [0])); // [T, T]: t − s
  const scores = sub(g, mm(g, own.q, tr(g, own.k)), mul(g, slope, dist));
  const M = g.op('Softmax', [g.op('Where', [g.op('Less', [dist, g.float(0)]), g.float(Number.NEGATIVE_INFINITY), scores])], { axis: -1 });
  return { o: mm(g, M, own.v), M };
}

/** The graph's output names: logits, then every layer's own tensors. */
export function trainedOutputs(spec: TrainedSpec): string[] {
  const own = ownNames(spec.mechanism);
  return ['logits', ...Array.from({ length: spec.layers }, (_, i) => own.map((n) => `l${i}.${n}`)).flat()];
}

/** Each layer's own tensors: the rule mechanism's inputs (adapter.ownInputs), softmax's q, k, v and M. */
function ownNames(m: TrainedMechanism): string[] {
  if (m === 'softmax_attention') return ['q', 'k', 'v', 'M'];
  return ownInputs(ruleOf(m) as Exclude<Mechanism, 'softmax_attention'>).map(([name]) => name);
}

/** Tokens as the graph's one-hot input; throws on a token outside the vocabulary. */
export function oneHot(tokens: readonly number[], vocab: number): TensorData {
  const data = new Float32Array(tokens.length * vocab);
  tokens.forEach((tok, t) => {
    if (!Number.isInteger(tok) || tok < 0 || tok >= vocab) throw new RangeError(`token ${tok} at position ${t} is outside 0…${vocab - 1}`);
    data[t * vocab + tok] = 1;
  });
  return { data, dims: [tokens.length, vocab] };
}

/** The course mechanism whose rule a trained model runs (lti is Mamba-2 with fixed B, C, Δ). */
const ruleOf = (m: TrainedMechanism): Mechanism => (m === 'lti' ? 'mamba2' : m);

export function prepareTrained(spec: TrainedSpec, w: Weights, tokens: readonly number[]): PreparedModel {
  if (tokens.length === 0) throw new RangeError('the sequence is empty');
  const f = solvesTriangular(ruleOf(spec.mechanism)) ? factorsFor(tokens.length) : 0;
  return {
    key: `trained/${spec.id}/${w.digest}/f${f}`,
    build: () => buildTrained(spec, w, f).toBytes(),
    feeds: { onehot: oneHot(tokens, spec.vocab) },
    outputNames: trainedOutputs(spec),
  };
}

export interface TrainedResult {
  logits: Mat;
  /** Per layer: the case the course's figures can replay (null for softmax attention) and its M. */
  layers: { case: Case | null; M: Mat | null }[];
}

const rowsOf = (t: TensorData): Mat => toMat(t);
const vec = (t: TensorData): number[] => Array.from(t.data);

export function decodeTrained(spec: TrainedSpec, outputs: Record<string, TensorData>): TrainedResult {
  const get = (name: string): TensorData => {
    const t = outputs[name];
    if (!t) throw new Error(`trained model output "${name}" is missing`);
    return t;
  };
  const layers = Array.from({ length: spec.layers }, (_, i) => {
    const o = (n: string): TensorData => get(`l${i}.${n}`);
    const m = spec.mechanism;
    if (m === 'softmax_attention') return { case: null, M: rowsOf(o('M')) };
    // The layer's own tensors back as a case, shaped by the spec's fields.
    const mechanism = ruleOf(m);
    const c: Record<string, unknown> = { mechanism };
    for (const [name, f] of Object.entries(specOf(mechanism).fields)) {
      const t = o(name);
      c[name] = f.dims.length === 0 ? t.data[0] : f.dims.length === 1 ? vec(t) : rowsOf(t);
    }
    return { case: c as unknown as Case, M: null };
  });
  return { logits: rowsOf(get('logits')), layers };
}
