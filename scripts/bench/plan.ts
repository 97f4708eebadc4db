// What the benchmark measures: every mechanism in every view at a few lengths, which cells are too
// big to run, and how each view's cost should grow with T in theory.
import { gateSpread, keepsCache, MECHANISMS, solvesTriangular, type Mechanism } from '../../src/core/cases';
import { VIEWS, type View } from '../../src/core/views';

export const FULL_LENGTHS = [16, 64, 256, 1024];
export const QUICK_LENGTHS = [16, 64];
/** d_k = d_v (Mamba: N = D). */
export const WIDTH = 16;
export const CHUNK = 16;
/** Lengths at or below this are dominated by fixed per-run overhead: left out of the exponent fits. */
export const FIT_MIN_T = 64;

export { MECHANISMS, VIEWS };
export type { Mechanism, View };

/** Largest single tensor a cell may need (the parallel view's decays Γ); above it the cell is skipped. */
const MAX_TENSOR_BYTES = 256 * 2 ** 20;

const mib = (bytes: number): string => (bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GiB` : `${bytes / 2 ** 20} MiB`);

/** Why a cell is not run (memory), or undefined. */
export function skipReason(m: Mechanism, view: View, T: number): string | undefined {
  if (view !== 'parallel') return undefined;
  // Γ: [a, T, T, b] float32, a = D for a gate per state entry (Mamba-1), b = d_k for per-key gates (GLA, Mamba-1).
  const spread = gateSpread(m);
  const a = spread === 'perEntry' ? WIDTH : 1;
  const b = spread === 'shared' ? 1 : WIDTH;
  const bytes = a * T * T * b * 4;
  if (bytes <= MAX_TENSOR_BYTES) return undefined;
  const shape = spread === 'perEntry' ? 'D·T²·N' : spread === 'perKey' ? 'T²·d_k' : 'T²';
  return `memory: the decays Γ alone are ${shape} floats = ${mib(bytes)} at T=${T} (limit ${mib(MAX_TENSOR_BYTES)} per tensor)`;
}

export interface Theory {
  /** How latency should grow with T, in words. */
  label: string;
  /** The exponent p in T^p (log factors left out). */
  exponent: number;
}

export function theory(m: Mechanism, view: View): Theory {
  if (keepsCache(m))
    // The KV cache grows: every step (or key chunk) is read against every query.
    return { label: 'T²', exponent: 2 };
  if (view === 'parallel')
    // Delta family as built: ⌈log₂ T⌉ levels of dense T × T MatMuls invert I + L, then M = W_qk (I + L)⁻¹.
    return solvesTriangular(m) ? { label: 'T³ log T', exponent: 3 } : { label: 'T²', exponent: 2 };
  return { label: 'T', exponent: 1 };
}
