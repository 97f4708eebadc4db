// Small statistics for the benchmark: order statistics, a log–log slope, and adaptive sampling.

export const now = (): number => performance.now();

/** The q-quantile (0 ≤ q ≤ 1) by nearest rank: always one of the samples. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (samples: number[]): number => {
  if (samples.length === 0) return Number.NaN;
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// The log–log slope fit is the one the chapter 0 plot uses.
export { logLogSlope } from '../../src/core/cost';

export interface Summary {
  n: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
}

export function summarize(samples: number[]): Summary {
  return { n: samples.length, medianMs: median(samples), p90Ms: quantile(samples, 0.9), minMs: Math.min(...samples) };
}

export interface SamplingPlan {
  /** Time the timed runs may take together (ms); the last run may overshoot it. */
  budgetMs: number;
  maxN: number;
  /** Untimed warm-up runs, done only while they are cheap (each under budget / 20). */
  warmup: number;
}

/**
 * Run `once` (which returns its own duration in ms) until the budget is spent or maxN runs are done,
 * at least once. `estimateMs` (a first run) decides whether warm-up runs are affordable.
 */
export async function sample(once: () => Promise<number> | number, estimateMs: number, plan: SamplingPlan): Promise<number[]> {
  if (estimateMs < plan.budgetMs / 20) for (let i = 0; i < plan.warmup; i++) await once();
  const samples: number[] = [];
  const start = now();
  while (samples.length < plan.maxN) {
    const ms = await once();
    samples.push(ms);
    const spent = now() - start;
    // Stop when one more run (at the median pace so far) would overshoot the budget.
    if (spent + median(samples) > plan.budgetMs) break;
  }
  return samples;
}
