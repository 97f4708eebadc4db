// Chunkwise view: a Scan over chunks of C steps whose body is the block of block.ts with the carried
// memory as S₀ — parallel inside a chunk, recurrent between chunks. C = 1 is the recurrent form,
// C ≥ T the parallel form. C is fixed when the graph is built (it sizes the masks).
//   outputs: o [T, d_v], S_final [d_v, d_k]
import { ruleInputs, type RuleGate, type RuleMechanism } from './adapter';
import { block } from './block';
import { chunker } from './chunking';
import { floatTensor, Graph } from './graph';
import { constantPositions, dim, dynamicPositions, factorsFor } from './ops';

const MAX_CONSTANT_CHUNK = 64;

export function buildChunkwise(mechanism: RuleMechanism, C: number): Graph {
  const g = new Graph(`${mechanism}_chunkwise_${C}`);
  const x = ruleInputs(g, mechanism);
  const ch = chunker(g, x.q, C);
  const zero = { value: { tensor: floatTensor([0], [1]) } };

  // Per-chunk inputs: [chunks, C, …]. RetNet gets a step count (1 real, 0 padding) so that the
  // padding at the end of the last chunk does not decay the final state by extra powers of γ.
  const scanned: string[] = [ch.split(x.q, 2), ch.split(x.k, 2), ch.split(x.v, 2)];
  if (x.beta) scanned.push(ch.split(x.beta, 1));
  if (x.lowRank) scanned.push(ch.split(x.lowRank.a, 2), ch.split(x.lowRank.b, 2));
  if (x.gate.kind === 'log') scanned.push(ch.split(x.gate.log, 3));
  if (x.gate.kind === 'power') {
    const ones = g.op('ConstantOfShape', [ch.T], { value: { tensor: floatTensor([1], [1]) } });
    scanned.push(ch.split(ones, 1));
  }

  const body = g.subgraph('chunk');
  const S0 = body.input(body.fresh('S_in'));
  const [q, k, v] = ['q_c', 'k_c', 'v_c'].map((n) => body.input(body.fresh(n)));
  const beta = x.beta ? body.input(body.fresh('beta_c')) : undefined;
  const lowRank = x.lowRank && { a: body.input(body.fresh('a_c')), b: body.input(body.fresh('b_c')) };
  const gate: RuleGate =
    x.gate.kind === 'log'
      ? { ...x.gate, log: body.input(body.fresh('log_c')), value: undefined }
      : x.gate.kind === 'power'
        ? { kind: 'power', gamma: x.gate.gamma, count: body.input(body.fresh('count_c')) }
        : x.gate;
  // Small chunks: masks as constants. Large ones: built per chunk from Range, so the model does not
  // carry C × C initializers (a 4096-step chunk would be 64 MB per mask).
  const pos = C <= MAX_CONSTANT_CHUNK ? constantPositions(body, C) : dynamicPositions(body, q, factorsFor(C));
  const out = block(body, { q, k, v, beta, erase: x.erase, gate, S0, lowRank }, pos);
  body.output(out.S, body.fresh('S_out'));
  body.output(out.o, body.fresh('o_c'));

  const Sinit = g.op('ConstantOfShape', [g.op('Concat', [dim(g, x.v, 1), dim(g, x.k, 1)], { axis: 0 })], zero);
  const [Sfinal, oChunks] = g.opN('Scan', [Sinit, ...scanned], 2, { body, num_scan_inputs: scanned.length });
  g.output(ch.join(oChunks), 'o');
  g.output(Sfinal, 'S_final');
  return g;
}
