// Every mechanism on one input (issue 16, item 6): the same q, k, v for every row. Each mechanism's own
// random case (registry `random`) supplies its other fields (gates, β, Δ, a, b…); its read, key and
// value fields are then set to the shared q, k, v. For Mamba's parametrisation the read field is C, the
// key field B (the spec's `axes`) and the value x. Keys are unit length, as the delta rule needs.
import { MECHANISMS, specOf, type Case, type Mechanism } from '../../../../core/cases';
import type { Mat } from '../../../../core/linalg';
import { randomCase } from '../../../../core/random';

export const SHARED_SIZES = { T: 6, dk: 3, dv: 3 } as const;

/** Every registry mechanism, in menu order: one row each. */
export const SIDE_MECHANISMS: readonly Mechanism[] = MECHANISMS;

export interface SharedInput {
  q: Mat;
  k: Mat;
  v: Mat;
}

/** The shared q, k, v: DeltaNet's random case (unit keys), so every mechanism accepts them. */
export function sharedInput(seed = 1): SharedInput {
  const c = randomCase('deltanet', { ...SHARED_SIZES, seed });
  return { q: c.q, k: c.k, v: c.v };
}

/** The value field of a mechanism's case: v, or x for Mamba's parametrisation. */
const valueField = (m: Mechanism): string => (specOf(m).sizeWords === 'stateSpace' ? 'x' : 'v');

/** Mechanism m's case on the shared q, k, v (its other fields from its own random case). */
export function sharedCase(m: Mechanism, shared: SharedInput, seed = 1): Case {
  const own = randomCase(m, { ...SHARED_SIZES, seed }) as unknown as Record<string, unknown>;
  const [read, key] = specOf(m).axes;
  return { ...own, [read]: shared.q, [key]: shared.k, [valueField(m)]: shared.v } as unknown as Case;
}
