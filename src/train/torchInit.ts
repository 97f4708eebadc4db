// The initial weights PyTorch draws for scripts/train/model.py's TinyModel after torch.manual_seed(seed),
// reproduced: the same generator (MT19937, as PyTorch's CPU generator), the same draws in the same order
// (each module's parameters as its constructor creates them) and the same arithmetic (uniform_: 24 random
// bits scaled in double and stored as float32; normal_: all uniforms first, then Box–Muller in float32
// on blocks of 16). With it the lab's "seed 1" starts
// from the offline run's own weights, so a seed names the same model on both sides (docs/training-engine.md).
import { paramSpecs, sizeOf, type ModelSize } from './params';

/** MT19937 (32-bit), seeded as PyTorch's CPU generator: torch.manual_seed(s) → mt19937(s). */
export function mt19937(seed: number): () => number {
  const N = 624;
  const M = 397;
  const state = new Uint32Array(N);
  state[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = state[i - 1] ^ (state[i - 1] >>> 30);
    state[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
  let next = N;
  const twist = () => {
    for (let i = 0; i < N; i++) {
      const y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
      state[i] = state[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    next = 0;
  };
  return () => {
    if (next >= N) twist();
    let y = state[next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}

type Bits = () => number;
const f32 = Math.fround;

/** tensor.uniform_(from, to) on float32: bounds to float32, 24 bits scaled in double, stored as float32. */
function uniformInto(out: Float32Array, bits: Bits, from: number, to: number): void {
  const lo = f32(from);
  const hi = f32(to);
  for (let i = 0; i < out.length; i++) out[i] = ((bits() & 0xffffff) / 16777216) * (hi - lo) + lo;
}

/**
 * tensor.normal_(0, 1) on a contiguous float32 tensor of 16 or more values (PyTorch's normal_fill): every
 * uniform first, then Box–Muller in float32 on blocks of 16. An embedding here always has a multiple of 16
 * values (d_model 16 or 32); PyTorch draws the last block anew otherwise, which nothing here needs.
 */
function normalInto(out: Float32Array, bits: Bits): void {
  if (out.length % 16 !== 0) throw new Error(`normal_ on ${out.length} values: only multiples of 16 are reproduced`);
  uniformInto(out, bits, 0, 1);
  for (let at = 0; at < out.length; at += 16)
    for (let j = 0; j < 8; j++) {
      const u1 = f32(1 - out[at + j]); // [0, 1) → (0, 1] for the logarithm
      const u2 = out[at + j + 8];
      const radius = f32(Math.sqrt(f32(-2 * f32(Math.log(u1)))));
      const theta = f32(2 * Math.PI * u2);
      out[at + j] = f32(radius * f32(Math.cos(theta)));
      out[at + j + 8] = f32(radius * f32(Math.sin(theta)));
    }
}

/**
 * Every parameter's initial value at `seed`, as model.py's TinyModel after torch.manual_seed(seed): the
 * draws in the order PyTorch makes them (the embedding, then each layer's modules as Mixer creates them,
 * the readout last), each nn.Linear's weight drawn in PyTorch's [out, in] layout and stored [in, out].
 */
export function initParams(size: ModelSize, seed: number): Map<string, Float32Array> {
  const bits = mt19937(seed);
  const specs = paramSpecs(size);
  // export_tensors lists the readout second; TinyModel.__init__ creates it last.
  const readout = (name: string) => name.startsWith('readout.');
  const values = new Map<string, Float32Array>();
  for (const s of [...specs.filter((s) => !readout(s.name)), ...specs.filter((s) => readout(s.name))]) {
    const n = sizeOf(s.shape);
    const fanIn = s.fanIn ?? 1;
    let v: Float32Array = new Float32Array(n);
    if (s.draw === 'normal') normalInto(v, bits);
    if (s.draw === 'weight') {
      // kaiming_uniform_(a = √5): bound √3 · gain / √fan_in with gain √(2 / (1 + a²)), computed as PyTorch
      // computes it (it is 1/√fan_in up to rounding); drawn as [out, in].
      const bound = Math.sqrt(3) * (Math.sqrt(2 / (1 + Math.sqrt(5) ** 2)) / Math.sqrt(fanIn));
      uniformInto(v, bits, -bound, bound);
      v = transpose(v, s.shape[1], s.shape[0]);
    }
    if (s.draw === 'bias') uniformInto(v, bits, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn));
    // A bias model.py sets after nn.Linear drew it: the draw still moved the generator.
    if (s.fixed) v = v.map((_, i) => s.fixed!(i));
    values.set(s.name, v);
  }
  return new Map(specs.map((s) => [s.name, values.get(s.name)!]));
}

/** A row-major [rows, cols] matrix as [cols, rows]. */
function transpose(m: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
  return t;
}
