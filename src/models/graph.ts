// A tiny builder over onnx-proto: enough ONNX to write the memory models as readable TypeScript.
// Every op returns the name of its (first) output, so graphs read like expressions:
//   const scores = g.op('MatMul', [q, g.op('Transpose', [k])]);
// Subgraphs (Scan bodies) share the parent's name counter, so a body can use any outer-scope value by
// name without clashing with its own.
import onnxProto from 'onnx-proto';
import type * as P from 'onnx-proto';

// onnx-proto is CommonJS (protobufjs static code); its named export does not survive Node's ESM interop.
const { onnx } = onnxProto;

type NodeProto = P.onnx.INodeProto;
type TensorProto = P.onnx.ITensorProto;
type ValueInfo = P.onnx.IValueInfoProto;
type AttributeProto = P.onnx.IAttributeProto;

/** A tensor dimension: a fixed size or a symbolic name ('T', 'dk', …) that any size may fill. */
export type Dim = number | string;

/** Attribute values: integers, integer lists, a subgraph, or a tensor (ConstantOfShape's value). */
export type Attr = number | number[] | Graph | { tensor: TensorProto };

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
export const DataType = { FLOAT, INT64, BOOL: onnx.TensorProto.DataType.BOOL } as const;

export const OPSET = 17;
export const IR_VERSION = 8;

function valueInfo(name: string, elemType: number, dims?: Dim[]): ValueInfo {
  const shape = dims && { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) };
  return { name, type: { tensorType: { elemType, ...(shape ? { shape } : {}) } } };
}

function attribute(name: string, value: Attr): AttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`attribute ${name}: only integer attributes are supported, got ${value}`);
    return { name, type: T.INT, i: value };
  }
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if (value instanceof Graph) return { name, type: T.GRAPH, g: value.proto() };
  return { name, type: T.TENSOR, t: value.tensor };
}

/** A float32 tensor proto (also used for ConstantOfShape's fill value). */
export function floatTensor(values: number[], dims: number[], name?: string): TensorProto {
  return { name, dims, dataType: FLOAT, floatData: values };
}

export class Graph {
  private readonly nodes: NodeProto[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly initializers: TensorProto[] = [];
  /** Values renamed by `output`, so later references to the old name still resolve. */
  private readonly aliases = new Map<string, string>();
  /** Constants by content, so a repeated literal becomes one initializer. */
  private readonly constants = new Map<string, string>();

  constructor(
    readonly name: string,
    private readonly counter: { n: number } = { n: 0 },
  ) {}

  /** A fresh value name; `hint` keeps the model readable in Netron. */
  fresh(hint: string): string {
    return `${hint}_${this.counter.n++}`;
  }

  /** A float32 graph input. Dims may be symbolic so one session serves every length. */
  input(name: string, dims?: Dim[]): string {
    this.inputs.push(valueInfo(name, FLOAT, dims));
    return name;
  }

  /**
   * Declare `value` as the graph output `name`. The node that computes `value` is renamed to write
   * `name` directly (no Identity: the WebGPU EP has no kernel for it); an Identity is used only when
   * `value` is an input, a constant, or already an output.
   */
  output(value: string, name = value, dims?: Dim[]): string {
    const v = this.alias(value);
    if (v !== name) {
      const producer = this.nodes.find((n) => n.output?.includes(v));
      const taken = this.outputs.some((o) => o.name === v);
      if (producer && !taken) {
        this.rename(v, name);
        this.aliases.set(value, name);
      } else this.nodes.push({ opType: 'Identity', input: [v], output: [name], name: this.fresh('out') });
    }
    this.outputs.push(valueInfo(name, FLOAT, dims));
    return name;
  }

  private alias(name: string): string {
    return this.aliases.get(name) ?? name;
  }

  /** Rename a value everywhere it appears, subgraphs included (they may read outer-scope values). */
  private rename(from: string, to: string): void {
    const walk = (nodes: NodeProto[]): void => {
      for (const n of nodes) {
        n.input = n.input?.map((x) => (x === from ? to : x));
        n.output = n.output?.map((x) => (x === from ? to : x));
        for (const a of n.attribute ?? []) if (a.g) walk(a.g.node ?? []);
      }
    };
    walk(this.nodes);
  }

  /** Add a node with one output; returns the output's name. */
  op(opType: string, inputs: string[], attrs: Record<string, Attr> = {}): string {
    return this.opN(opType, inputs, 1, attrs)[0];
  }

  /** Add a node with `n` outputs (Scan). An input '' means "omitted optional input". */
  opN(opType: string, inputs: string[], n: number, attrs: Record<string, Attr> = {}): string[] {
    const output = Array.from({ length: n }, () => this.fresh(opType.toLowerCase()));
    this.nodes.push({
      opType,
      input: inputs.map((x) => this.alias(x)),
      output,
      name: this.fresh(`n_${opType}`),
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return output;
  }

  /** A float32 constant (initializer). A bare number is a scalar (rank 0). */
  float(values: number | number[], dims?: number[]): string {
    const data = typeof values === 'number' ? [values] : values;
    const shape = dims ?? (typeof values === 'number' ? [] : [data.length]);
    return this.constant('f', shape, data, (name) => floatTensor(data, shape, name));
  }

  /**
   * A float32 initializer under its own name (a trained weight: "embed", "l0.q.W"), so a reader of the
   * .onnx file finds each tensor by the name the manifest gives it. Asking twice returns the same one.
   */
  weight(name: string, values: ArrayLike<number>, dims: number[]): string {
    if (!this.initializers.some((t) => t.name === name)) this.initializers.push(floatTensor(Array.from(values), dims, name));
    return name;
  }

  /** An int64 constant (shapes, axes, indices). */
  int(values: number | number[], dims?: number[]): string {
    const data = typeof values === 'number' ? [values] : values;
    const shape = dims ?? (typeof values === 'number' ? [] : [data.length]);
    return this.constant('i', shape, data, (name) => ({ name, dims: shape, dataType: INT64, int64Data: data }));
  }

  private constant(kind: string, dims: number[], data: number[], make: (name: string) => TensorProto): string {
    const key = `${kind}:${dims.join('x')}:${data.join(',')}`;
    const hit = this.constants.get(key);
    if (hit) return hit;
    const name = this.fresh(kind === 'f' ? 'const' : 'ints');
    this.initializers.push(make(name));
    this.constants.set(key, name);
    return name;
  }

  /** A graph for a Scan body that shares this graph's name counter. */
  subgraph(name: string): Graph {
    return new Graph(name, this.counter);
  }

  proto(): P.onnx.IGraphProto {
    return { name: this.name, node: this.nodes, input: this.inputs, output: this.outputs, initializer: this.initializers };
  }

  /** Op types used anywhere in this graph, subgraphs included (for the "no Scan on WebGPU" check). */
  opTypes(): Set<string> {
    const seen = new Set<string>();
    const walk = (g: P.onnx.IGraphProto): void => {
      for (const n of g.node ?? []) {
        if (n.opType) seen.add(n.opType);
        for (const a of n.attribute ?? []) {
          if (a.g) walk(a.g);
          for (const sub of a.graphs ?? []) walk(sub);
        }
      }
    };
    walk(this.proto());
    return seen;
  }

  /** The serialized model (IR 8, opset 17), ready for InferenceSession.create; `metadata` goes in metadata_props. */
  toBytes(metadata: Record<string, string> = {}): Uint8Array {
    const model: P.onnx.IModelProto = {
      irVersion: IR_VERSION,
      producerName: 'memory-lane',
      opsetImport: [{ domain: '', version: OPSET }],
      graph: this.proto(),
      metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    };
    return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
  }
}
