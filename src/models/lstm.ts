// Chapter 1's LSTM as an ONNX graph around the standard LSTM operator, with the weights of
// src/core/lstm.ts `lstmWeights(spec)` baked in as initializers (one graph per spec, any T).
//   input:   x [T, I]   (the embeddings x_1 … x_T)
//   outputs: h, c, i, f, o, g [T, H]   (row t: step t+1)
//
// The operator keeps c_t and the gates to itself: it returns every h_t (Y) but only the last c (Y_c).
// Two small additions make the per-step memory and gates visible without a second LSTM:
// - c_t: the sequence is fed T times as a batch, copy b stopping after b+1 steps (sequence_lens), so
//   the operator's own final states Y_h, Y_c of copy b are h_{b+1}, c_{b+1}.
// - the gates: i, f, o, g at step t depend only on x_t and h_{t−1}, which are now known for every t,
//   so they are recomputed after the operator in one batched MatMul (same weights, same formulas).
// onnxruntime-web's WebGPU execution provider has no LSTM kernel (docs/webgpu-operators.md lists
// none), so the page runs this graph on WASM; lstm.test.ts checks that claim against the docs.
import { LSTM_GATES, lstmWeights, type LstmGate, type LstmSpec, type LstmStep, type LstmWeights } from '../core/lstm';
import type { Mat } from '../core/linalg';
import { Graph } from './graph';
import type { PreparedModel } from './index';
import { add, dim, mm, unsq } from './ops';
import { matTensor, toMat, type TensorData } from './tensors';

/** ONNX stacks the gates as i, o, f, c (c is the candidate, our g). */
const ONNX_ORDER: readonly LstmGate[] = ['i', 'o', 'f', 'g'];
const INT32 = 6;

export const LSTM_OUTPUTS = ['h', 'c', ...LSTM_GATES] as const;

const stack = (w: LstmWeights, part: 'W' | 'R'): number[] => ONNX_ORDER.flatMap((gate) => w[gate][part].flat());

export function buildLstm(weights: LstmWeights): Graph {
  const H = weights.i.b.length;
  const I = weights.i.W[0]?.length ?? 0;
  const g = new Graph('lstm');
  const x = g.input('x', ['T', I]);

  // The batch of prefixes: [T steps, T copies, I]; copy b is read for b + 1 steps.
  const T = dim(g, x, 0); // int64 [1]
  const batch = g.op('Expand', [unsq(g, x, [1]), g.op('Concat', [T, T, g.int([I])], { axis: 0 })]);
  const lengths = g.op('Cast', [g.op('Range', [g.int(1), add(g, g.op('Squeeze', [T, g.int([0])]), g.int(1)), g.int(1)])], { to: INT32 });
  const W = g.float(stack(weights, 'W'), [1, 4 * H, I]);
  const R = g.float(stack(weights, 'R'), [1, 4 * H, H]);
  // B = [W biases, R biases]: ours are one bias per gate, so the recurrent half is zero.
  const B = g.float([...ONNX_ORDER.flatMap((gate) => weights[gate].b), ...new Array<number>(4 * H).fill(0)], [1, 8 * H]);
  const [, Yh, Yc] = g.opN('LSTM', [batch, W, R, B, lengths], 3, { hidden_size: H });
  const h = g.op('Squeeze', [Yh, g.int([0])]); // [T, H]: h_1 … h_T
  const c = g.op('Squeeze', [Yc, g.int([0])]);

  // Gates from x_t and h_{t−1} (h_0 = 0): Z = x Wᵀ + h_prev Rᵀ + b, columns in ONNX order.
  const hPrev = g.op('Pad', [g.op('Slice', [h, g.int([0]), g.int([-1]), g.int([0])]), g.int([1, 0, 0, 0])]);
  const Wt = g.float(transposeFlat(stack(weights, 'W'), 4 * H, I), [I, 4 * H]);
  const Rt = g.float(transposeFlat(stack(weights, 'R'), 4 * H, H), [H, 4 * H]);
  const b = g.float(ONNX_ORDER.flatMap((gate) => weights[gate].b), [4 * H]);
  const Z = add(g, add(g, mm(g, x, Wt), mm(g, hPrev, Rt)), b);
  const gates = ONNX_ORDER.map((gate, k) => {
    const z = g.op('Slice', [Z, g.int([k * H]), g.int([(k + 1) * H]), g.int([1])]);
    return [gate, g.op(gate === 'g' ? 'Tanh' : 'Sigmoid', [z])] as const;
  });

  g.output(h, 'h', ['T', H]);
  g.output(c, 'c', ['T', H]);
  for (const gate of LSTM_GATES) {
    const value = gates.find(([name]) => name === gate)?.[1];
    if (value) g.output(value, gate, ['T', H]);
  }
  return g;
}

/** A row-major rows × cols array, transposed (cols × rows). */
function transposeFlat(a: number[], rows: number, cols: number): number[] {
  return Array.from({ length: rows * cols }, (_, k) => a[(k % rows) * cols + Math.floor(k / rows)]);
}

/** The LSTM of `spec` on the embeddings xs (T × I), ready for the runtime or the Node runner. */
export function prepareLstm(spec: LstmSpec, xs: Mat): PreparedModel {
  return {
    key: `v1/lstm/I${spec.inputSize}/H${spec.hiddenSize}/seed${spec.seed}`,
    build: () => buildLstm(lstmWeights(spec)).toBytes(),
    feeds: { x: matTensor(xs) },
    outputNames: [...LSTM_OUTPUTS],
  };
}

/** The graph's outputs as the core's per-step records. */
export function decodeLstm(outputs: Record<string, TensorData>): LstmStep[] {
  const get = (name: string): Mat => {
    const t = outputs[name];
    if (!t) throw new Error(`LSTM output "${name}" is missing`);
    return toMat(t);
  };
  const [h, c, i, f, o, g] = LSTM_OUTPUTS.map(get);
  return h.map((ht, t) => ({ i: i[t], f: f[t], o: o[t], g: g[t], c: c[t], h: ht }));
}
