// The tiny model's parameters, by the names and in the layout of scripts/train/model.py export_tensors
// (weights stored [in, out]), so weights trained here load in the site's trained panels as they are.
// Each says how PyTorch initialises it; torchInit.ts draws them as PyTorch does, so a seed gives the
// offline run's own initial weights.
import type { Ablations, TrainMechanism } from './types';

export interface ParamSpec {
  name: string;
  shape: number[];
  /**
   * How PyTorch initialises it: N(0, 1) (nn.Embedding), nn.Linear's weight or bias (uniform in ±1/√fan_in,
   * fan_in = `fanIn`), or no draw at all (an nn.Parameter model.py builds from numbers).
   */
  draw: 'normal' | 'weight' | 'bias' | 'none';
  fanIn?: number;
  /** The value model.py gives it: a bias it sets after the draw, or a parameter no draw touches (by index). */
  fixed?: (i: number) => number;
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

/** Every parameter of the model, in export_tensors order. */
export function paramSpecs({ mechanism: m, vocab, layers, dModel, dk, dv }: ModelSize): ParamSpec[] {
  const specs: ParamSpec[] = [
    { name: 'embed', shape: [vocab, dModel], draw: 'normal' },
    { name: 'readout.W', shape: [dModel, vocab], draw: 'weight', fanIn: dModel },
    { name: 'readout.b', shape: [vocab], draw: 'bias', fanIn: dModel },
  ];
  const h = 2 * dModel;
  const fixed = (name: string, shape: number[], value: (i: number) => number) => specs.push({ name, shape, draw: 'none', fixed: value });
  for (let i = 0; i < layers; i++) {
    const p = `l${i}.`;
    const lin = (name: string, out: number, bias: boolean, biasValue?: number) => {
      specs.push({ name: `${p}${name}.W`, shape: [h, out], draw: 'weight', fanIn: h });
      if (bias) specs.push({ name: `${p}${name}.b`, shape: [out], draw: 'bias', fanIn: h, ...(biasValue === undefined ? {} : { fixed: () => biasValue }) });
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
    specs.push({ name: `${p}out.W`, shape: [dv, dModel], draw: 'weight', fanIn: dv });
    // nn.Parameters after the sub-modules (named_parameters(recurse=False) comes last in export_tensors).
    if (m === 'mamba2') fixed(`${p}a_log`, [], () => 0);
    if (m === 'mamba') fixed(`${p}a_log`, [dv, dk], (j) => Math.log((j % dk) + 1));
    if (m === 'retnet') fixed(`${p}gamma_logit`, [], () => 2);
    if (m === 'softmax_attention') fixed(`${p}slope`, [], () => -2);
  }
  return specs;
}

export const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** The projection that makes the keys (freezeKeys holds it still): k for attention, B for Mamba. */
export const keyProjection = (m: TrainMechanism, layer: number) => `l${layer}.${SSM.has(m) ? 'B' : 'k'}.W`;
