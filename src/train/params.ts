// The tiny model's parameters, by the names and in the layout of scripts/train/model.py export_tensors
// (weights stored [in, out]), so weights trained here load in the site's trained panels as they are.
// Initialisation follows PyTorch's defaults for nn.Linear / nn.Embedding and model.py's overrides; the
// numbers come from our seeded mulberry32 stream, so a seed reproduces a run (not PyTorch's draws).
import { randn, rng, type Rng } from '../core/rng';
import type { Ablations, TrainMechanism } from './types';

export interface ParamSpec {
  name: string;
  shape: number[];
  init: (r: Rng, n: number) => Float32Array;
}

export interface ModelSize {
  mechanism: TrainMechanism;
  vocab: number;
  layers: number;
  dModel: number;
  dk: number;
  dv: number;
}

/** q and k are unit vectors for these (model.py NORMALIZED). */
export const NORMALIZED: ReadonlySet<TrainMechanism> = new Set<TrainMechanism>(['linear_attention', 'retnet', 'gla', 'deltanet', 'gated_deltanet']);
export const DELTA: ReadonlySet<TrainMechanism> = new Set<TrainMechanism>(['deltanet', 'gated_deltanet']);
export const SSM: ReadonlySet<TrainMechanism> = new Set<TrainMechanism>(['mamba', 'mamba2']);

/** Which ablations change anything for a mechanism (the page says "no effect" for the others). tfjs-free, so the page can import it. */
export function ablationApplies(m: TrainMechanism, a: keyof Ablations): boolean {
  if (a === 'noDelta') return DELTA.has(m);
  if (a === 'noGate') return ['retnet', 'mamba2', 'gla', 'gated_deltanet', 'mamba'].includes(m);
  return true;
}

const fill = (n: number, f: () => number) => Float32Array.from({ length: n }, f);
/** nn.Linear's default: U(−1/√fan_in, 1/√fan_in) for weight and bias. */
const uniformFan = (fanIn: number) => (r: Rng, n: number) => {
  const b = 1 / Math.sqrt(fanIn);
  return fill(n, () => (2 * r() - 1) * b);
};
const constant = (c: number) => (_: Rng, n: number) => new Float32Array(n).fill(c);

/** Every parameter of the model, in export_tensors order. */
export function paramSpecs({ mechanism: m, vocab, layers, dModel, dk, dv }: ModelSize): ParamSpec[] {
  const specs: ParamSpec[] = [
    { name: 'embed', shape: [vocab, dModel], init: (r, n) => fill(n, () => randn(r)) },
    { name: 'readout.W', shape: [dModel, vocab], init: uniformFan(dModel) },
    { name: 'readout.b', shape: [vocab], init: uniformFan(dModel) },
  ];
  const h = 2 * dModel;
  for (let i = 0; i < layers; i++) {
    const p = `l${i}.`;
    const lin = (name: string, out: number, bias: boolean, biasInit?: number) => {
      specs.push({ name: `${p}${name}.W`, shape: [h, out], init: uniformFan(h) });
      if (bias) specs.push({ name: `${p}${name}.b`, shape: [out], init: biasInit === undefined ? uniformFan(h) : constant(biasInit) });
    };
    if (SSM.has(m)) {
      lin('x', dv, false);
      lin('B', dk, false);
      lin('C', dk, false);
      lin('dt', m === 'mamba2' ? 1 : dv, true, -1);
    } else {
      lin('q', dk, false);
      lin('k', dk, false);
      lin('v', dv, false);
    }
    if (m === 'gla') lin('gate', dk, true, 3);
    if (m === 'gated_deltanet') lin('gate', 1, true, 3);
    if (DELTA.has(m)) lin('beta', 1, true);
    specs.push({ name: `${p}out.W`, shape: [dv, dModel], init: uniformFan(dv) });
    // nn.Parameters after the sub-modules (named_parameters(recurse=False) comes last in export_tensors).
    if (m === 'mamba2') specs.push({ name: `${p}a_log`, shape: [], init: constant(0) });
    if (m === 'mamba')
      specs.push({ name: `${p}a_log`, shape: [dv, dk], init: (_, n) => Float32Array.from({ length: n }, (_, i) => Math.log((i % dk) + 1)) });
    if (m === 'retnet') specs.push({ name: `${p}gamma_logit`, shape: [], init: constant(2) });
    if (m === 'softmax_attention') specs.push({ name: `${p}slope`, shape: [], init: constant(-2) });
  }
  return specs;
}

export const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Fresh initial values for every parameter from one seed. */
export function initParams(size: ModelSize, seed: number): Map<string, Float32Array> {
  const r = rng(seed);
  return new Map(paramSpecs(size).map((s) => [s.name, s.init(r, sizeOf(s.shape))]));
}

/** The projection that makes the keys (freezeKeys holds it still): k for attention, B for Mamba. */
export const keyProjection = (m: TrainMechanism, layer: number) => `l${layer}.${SSM.has(m) ? 'B' : 'k'}.W`;
