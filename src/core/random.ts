// Seeded randomness for tests, examples and the playground (the generators are in rng.ts). A seed is
// part of a case's identity: the same seed gives the same numbers on every machine.
import type { CaseOf, Mechanism } from './cases';
import { specOf } from './registry';
import { rng } from './rng';

export * from './rng';

export interface RandomCaseOptions {
  /** Sequence length. */
  T: number;
  /** Key width d_k (mamba2 / mamba: the state size N). */
  dk: number;
  /** Value width d_v (mamba2 / mamba: the channel count D). */
  dv: number;
  seed: number;
}

/**
 * A valid random case for any mechanism, in the ranges the lecture uses (each spec's `random`):
 * gates in (0.5, 1) so memories fade but do not vanish, unit keys and β in (0, 1) for the delta
 * family (so each step is a contraction), Mamba's A negative and dt in (0.05, 0.5).
 */
export function randomCase<M extends Mechanism>(mechanism: M, { T, dk, dv, seed }: RandomCaseOptions): CaseOf<M> {
  const fields = specOf(mechanism).random(rng(seed), { T, dk, dv });
  return { mechanism, ...fields } as unknown as CaseOf<M>;
}
