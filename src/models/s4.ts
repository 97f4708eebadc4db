// S4's two views as ONNX graphs (chapter 9), mirroring src/core/s4.ts. Ā, B̄ and C are graph inputs
// (computed by the core's zero-order hold), so one session serves every Δ.
//
// Convolution view (no Scan: WebGPU runs it)
//   inputs:  Abar [N, N], Bbar [N], C [N], x [L]      (L ≤ 2^doublings)
//   outputs: y [L], K [L]
//   The kernel K_j = C Āʲ B̄ is built by doubling: V = [B̄] → [V, Ā^m V] with Ā^m squared each
//   time, so 2^f columns Āʲ B̄ take f rounds of MatMul. Then the causal Toeplitz matrix
//   T_{ij} = K_{i−j} (i ≥ j) is formed as a MatMul of a one-hot tensor [L, L, 2^f] with K, and y = T x.
// Recurrent view (a Scan: WASM)
//   inputs:  the same;  outputs: y [L], h [L, N]
//   The body carries h and does h ← Ā h + B̄ x_t, y_t = C·h, exactly as the core's recurrence.
import type { DiscreteSSM } from '../core/s4';
import type { Vec } from '../core/linalg';
import { floatTensor, Graph } from './graph';
import type { PreparedModel } from './index';
import { add, factorsFor, mm, mul, rows, sq, toFloat, unsq } from './ops';
import { matTensor, toMat, vecTensor, type TensorData } from './tensors';

export type S4View = 'convolution' | 'recurrent';

const S4_GRAPH_VERSION = 1;

function ssmInputs(g: Graph) {
  return {
    Abar: g.input('Abar', ['N', 'N']),
    Bbar: g.input('Bbar', ['N']),
    C: g.input('C', ['N']),
    x: g.input('x', ['L']),
  };
}

/** The convolution graph for sequences of up to 2^doublings steps. */
export function buildS4Convolution(doublings: number): Graph {
  const g = new Graph('s4_convolution');
  const { Abar, Bbar, C, x } = ssmInputs(g);
  // Columns Āʲ B̄, j = 0 … 2^f − 1.
  let V = unsq(g, Bbar, [1]); // [N, 1]
  let P = Abar; // Ā^{2^i}
  for (let i = 0; i < doublings; i++) {
    V = g.op('Concat', [V, mm(g, P, V)], { axis: 1 });
    if (i < doublings - 1) P = mm(g, P, P);
  }
  const kernelAll = sq(g, mm(g, unsq(g, C, [0]), V), [0]); // [2^f]
  const L = g.op('Shape', [x]); // int64 [1]
  const K = rows(g, kernelAll, 0, L); // [L]
  // One-hot E[i, j, k] = 1 where i − j = k: then Σ_k E[i, j, k] K_k = K_{i−j} for i ≥ j, else 0.
  const Lf = toFloat(g, sq(g, L, [0]));
  const idx = g.op('Range', [g.float(0), Lf, g.float(1)]); // [L]
  const lag = g.op('Sub', [unsq(g, idx, [1]), unsq(g, idx, [0])]); // [L, L]: i − j
  const span = 2 ** doublings;
  const ks = g.float(Array.from({ length: span }, (_, k) => k)); // [2^f]
  const onehot = toFloat(g, g.op('Equal', [unsq(g, lag, [2]), ks])); // [L, L, 2^f]
  const toeplitz = mm(g, onehot, kernelAll); // [L, L]
  g.output(mm(g, toeplitz, x), 'y');
  g.output(K, 'K');
  return g;
}

/** The recurrent graph: one Scan over x. */
export function buildS4Recurrent(): Graph {
  const g = new Graph('s4_recurrent');
  const { Abar, Bbar, C, x } = ssmInputs(g);
  const body = g.subgraph('s4_step');
  const hPrev = body.input(body.fresh('h_prev'));
  const xt = body.input(body.fresh('x_t'));
  // Ā h as a MatMul [N, N] × [N, 1]; outer-scope Ā, B̄, C are read by name.
  const Ah = sq(body, mm(body, Abar, unsq(body, hPrev, [1])), [1]);
  const h = add(body, Ah, mul(body, Bbar, xt));
  const yt = body.op('ReduceSum', [mul(body, C, h)], { keepdims: 0 }); // C·h, a scalar
  body.output(h, body.fresh('h_next'));
  body.output(yt, body.fresh('y_t'));
  body.output(h, body.fresh('h_t'));
  const h0 = g.op('ConstantOfShape', [g.op('Shape', [Bbar])], { value: { tensor: floatTensor([0], [1]) } });
  const [, y, H] = g.opN('Scan', [h0, x], 3, { body, num_scan_inputs: 1 });
  g.output(y, 'y');
  g.output(H, 'h');
  return g;
}

/** The prepared model for one view of a discrete SSM on an input sequence. */
export function prepareS4(d: DiscreteSSM, x: Vec, view: S4View): PreparedModel {
  if (x.length === 0) throw new Error('S4: the input sequence is empty');
  const feeds: Record<string, TensorData> = {
    Abar: matTensor(d.Abar),
    Bbar: vecTensor(d.Bbar),
    C: vecTensor(d.C),
    x: vecTensor(x),
  };
  if (view === 'convolution') {
    const f = factorsFor(x.length);
    return { key: `s4v${S4_GRAPH_VERSION}/convolution/f${f}`, build: () => buildS4Convolution(f).toBytes(), feeds, outputNames: ['y', 'K'] };
  }
  return { key: `s4v${S4_GRAPH_VERSION}/recurrent`, build: () => buildS4Recurrent().toBytes(), feeds, outputNames: ['y', 'h'] };
}

export interface S4Result {
  y: Vec;
  /** Convolution view: the kernel K_0 … K_{L−1}. */
  K?: Vec;
  /** Recurrent view: every state h_k (L × N). */
  h?: number[][];
}

export function decodeS4(view: S4View, outputs: Record<string, TensorData>): S4Result {
  const get = (name: string): TensorData => {
    const t = outputs[name];
    if (!t) throw new Error(`S4 model output "${name}" is missing`);
    return t;
  };
  const y = Array.from(get('y').data);
  return view === 'convolution' ? { y, K: Array.from(get('K').data) } : { y, h: toMat(get('h')) };
}
