// Why f_A makes training sequential (chapter 1): which values an output y_t needs, and in how many
// waves of work they can be computed when every independent value is computed at once.
// - RNN: H_t = f_A(H_{t−1}) + f_B(x_t). H_t needs H_{t−1}, which needs H_{t−2}, … so y_t waits for a
//   chain of t states: t sequential waves however many processors there are.
// - Linear attention (no f_A): y_t = Σ_{s≤t} (k_sᵀ q_t) v_s, a sum of terms that each need only x_s
//   and x_t, so every output comes out of one wave (one masked matrix product).
// Node ids: x{s}, h{s}, y{s} with s 0-based (the page shows s + 1).

export type DependencyForm = 'rnn' | 'linear-attention';

export interface DependencyEdge {
  from: string;
  to: string;
}

export interface DependencyGraph {
  nodes: string[];
  edges: DependencyEdge[];
}

export const nodeId = (kind: 'x' | 'h' | 'y', s: number): string => `${kind}${s}`;

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Every node and arrow of the form's computation graph over T steps. */
export function dependencyGraph(form: DependencyForm, T: number): DependencyGraph {
  if (form === 'rnn') {
    return {
      nodes: [...range(T).map((s) => nodeId('x', s)), ...range(T).map((s) => nodeId('h', s)), ...range(T).map((s) => nodeId('y', s))],
      edges: range(T).flatMap((s) => [
        { from: nodeId('x', s), to: nodeId('h', s) },
        ...(s > 0 ? [{ from: nodeId('h', s - 1), to: nodeId('h', s) }] : []),
        { from: nodeId('h', s), to: nodeId('y', s) },
      ]),
    };
  }
  return {
    nodes: [...range(T).map((s) => nodeId('x', s)), ...range(T).map((s) => nodeId('y', s))],
    edges: range(T).flatMap((t) => range(t + 1).map((s) => ({ from: nodeId('x', s), to: nodeId('y', t) }))),
  };
}

export interface Needed {
  /** Nodes y_t depends on (itself included). */
  nodes: string[];
  /** Arrows along which y_t's dependencies flow. */
  edges: DependencyEdge[];
  /** The wave in which each needed node can be computed (inputs: 0). */
  wave: Record<string, number>;
  /** Waves of work before y_t is known: t + 1 for the RNN (1-based t), 1 for linear attention. */
  sequentialSteps: number;
}

/** What computing y_t (0-based t) needs in the form's graph. */
export function neededFor(form: DependencyForm, T: number, t: number): Needed {
  if (!Number.isInteger(t) || t < 0 || t >= T) throw new RangeError(`step ${t} is outside 0…${T - 1}`);
  const graph = dependencyGraph(form, T);
  // Walk the arrows backwards from y_t.
  const needed = new Set<string>([nodeId('y', t)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of graph.edges)
      if (needed.has(e.to) && !needed.has(e.from)) {
        needed.add(e.from);
        grew = true;
      }
  }
  const edges = graph.edges.filter((e) => needed.has(e.from) && needed.has(e.to));
  // A node's wave is one more than the latest wave among the nodes it reads (inputs are given: 0);
  // y reads its state within the same step, so it shares that step's wave.
  const wave: Record<string, number> = {};
  const order = graph.nodes.filter((n) => needed.has(n));
  const waveOf = (n: string): number => {
    if (n in wave) return wave[n];
    const inputs = edges.filter((e) => e.to === n).map((e) => waveOf(e.from));
    const w = n.startsWith('x') ? 0 : n.startsWith('y') && form === 'rnn' ? Math.max(...inputs) : Math.max(...inputs) + 1;
    wave[n] = w;
    return w;
  };
  order.forEach(waveOf);
  return { nodes: order, edges, wave, sequentialSteps: wave[nodeId('y', t)] };
}
