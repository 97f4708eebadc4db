// Causal softmax attention (no 1/√d_k scaling), the baseline: it keeps the whole KV cache instead
// of a fixed-size memory, so it has no S_final. Same three views as the memory models.
//   inputs: q, k [T, d_k], v [T, d_v]
import { chunker } from './chunking';
import { floatTensor, Graph } from './graph';
import { add, dynamicPositions, mm, mul, sub, toFloat, tr, unsq } from './ops';

function inputs(g: Graph): { q: string; k: string; v: string } {
  return { q: g.input('q', ['T', 'dk']), k: g.input('k', ['T', 'dk']), v: g.input('v', ['T', 'dv']) };
}

const NEG_INF = Number.NEGATIVE_INFINITY;

/** M = softmax(QKᵀ with −∞ above the diagonal), O = M V. Outputs o, M. */
export function buildSoftmaxParallel(): Graph {
  const g = new Graph('softmax_attention_parallel');
  const { q, k, v } = inputs(g);
  const { idx } = dynamicPositions(g, q, 0);
  const causal = g.op('LessOrEqual', [unsq(g, idx, [0]), unsq(g, idx, [1])]); // [T, T]: s ≤ t
  const M = g.op('Softmax', [g.op('Where', [causal, mm(g, q, tr(g, k)), g.float(NEG_INF)])], { axis: -1 });
  g.output(mm(g, M, v), 'o');
  g.output(M, 'M');
  return g;
}

/**
 * A Scan over query steps t; the full K, V are the cache, masked to keys s ≤ t. Each step works on
 * rows ([1, d_k] query, [1, T] weights): ORT's MatMul is several times slower on a 1-D operand.
 * Output o.
 */
export function buildSoftmaxRecurrent(): Graph {
  const g = new Graph('softmax_attention_recurrent');
  const { q, k, v } = inputs(g);
  const { idx } = dynamicPositions(g, q, 0);
  const kT = tr(g, k); // [d_k, T]
  const body = g.subgraph('query');
  const qt = body.input(body.fresh('q_t')); // [1, d_k]
  const t = body.input(body.fresh('t')); // [1]: this query's position
  const seen = body.op('LessOrEqual', [idx, t]); // [T]: keys already in the cache
  const w = body.op('Softmax', [body.op('Where', [seen, mm(body, qt, kT), body.float(NEG_INF)])], { axis: -1 });
  body.output(mm(body, w, v), body.fresh('o_t')); // [1, d_v]
  const [o] = g.opN('Scan', [unsq(g, q, [1]), unsq(g, idx, [1])], 1, { body, num_scan_inputs: 2 });
  g.output(g.op('Squeeze', [o, g.int([1])]), 'o');
  return g;
}

/**
 * Online softmax over key chunks of C (flash-attention style): every query keeps a running max m,
 * a running sum l of exp(score − m) and an unnormalised output acc; a chunk with a larger max
 * rescales them by exp(m_old − m_new). The T × T matrix is never formed. Output o.
 */
export function buildSoftmaxChunkwise(C: number): Graph {
  const g = new Graph(`softmax_attention_chunkwise_${C}`);
  const { q, k, v } = inputs(g);
  const ch = chunker(g, k, C);
  const pos = dynamicPositions(g, q, 0);
  // Key positions 0 … T_padded − 1: padded keys sit at positions ≥ T, in every query's future (masked).
  const padded = toFloat(g, g.op('Squeeze', [ch.padded, g.int([0])]));
  const kpos = g.op('Reshape', [g.op('Range', [g.float(0), padded, g.float(1)]), g.int([-1, C])]);

  const body = g.subgraph('keys');
  const m = body.input(body.fresh('m'));
  const l = body.input(body.fresh('l'));
  const acc = body.input(body.fresh('acc'));
  const kc = body.input(body.fresh('k_c'));
  const vc = body.input(body.fresh('v_c'));
  const pc = body.input(body.fresh('pos_c'));
  const valid = body.op('LessOrEqual', [unsq(body, pc, [0]), unsq(body, pos.idx, [1])]); // [T, C]
  // A finite floor instead of −∞: a query that has seen no key yet gets m = −1e30 and
  // exp(−1e30 − (−1e30)) = 1 instead of NaN; multiplying p by the mask keeps those terms at 0.
  const s = body.op('Where', [valid, mm(body, q, tr(body, kc)), body.float(-1e30)]);
  const mNew = body.op('Max', [m, body.op('ReduceMax', [s], { axes: [1], keepdims: 0 })]);
  const scale = body.op('Exp', [sub(body, m, mNew)]);
  const p = mul(body, body.op('Exp', [sub(body, s, unsq(body, mNew, [1]))]), toFloat(body, valid));
  body.output(mNew, body.fresh('m_next'));
  body.output(add(body, mul(body, l, scale), body.op('ReduceSum', [p, body.int([1])], { keepdims: 0 })), body.fresh('l_next'));
  body.output(add(body, mul(body, acc, unsq(body, scale, [1])), mm(body, p, vc)), body.fresh('acc_next'));

  const fill = (x: number, shape: string): string =>
    g.op('ConstantOfShape', [shape], { value: { tensor: floatTensor([x], [1]) } });
  const rowsShape = g.op('Shape', [q], { start: 0, end: 1 });
  const accShape = g.op('Concat', [rowsShape, g.op('Shape', [v], { start: 1, end: 2 })], { axis: 0 });
  const [, lFinal, accFinal] = g.opN(
    'Scan',
    [fill(-1e30, rowsShape), fill(0, rowsShape), fill(0, accShape), ch.split(k, 2), ch.split(v, 2), kpos],
    3,
    { body, num_scan_inputs: 3 },
  );
  g.output(g.op('Div', [accFinal, unsq(g, lFinal, [1])]), 'o');
  return g;
}
