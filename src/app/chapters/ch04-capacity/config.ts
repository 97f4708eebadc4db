// Chapter 4's settings, kept apart from the component so the e2e test rebuilds exactly what the page shows.
import type { KeyKind } from '../../../core/capacity';

/** The curve covers n = 1 … N_PAIRS; d_k goes up to 16 so even the widest cliff (n = 17) is on the plot. */
export const N_PAIRS = 24;
/** Value width: small enough that the step-by-step memory (d_v × d_k) stays readable. */
export const DV = 4;
export const DK_RANGE = { min: 2, max: 16 } as const;
/** One-hot keys first: the chapter's question is asked about them (random keys are one menu choice away). */
export const CAPACITY_DEFAULTS: { keys: KeyKind; dk: number; n: number; seed: number } = { keys: 'one-hot', dk: 8, n: 9, seed: 1 };
/** Errors above this sit on the plot's top edge; the table has them all. */
export const Y_MAX = 2;
