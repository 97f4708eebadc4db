// Shared assertions for the core's tests (not part of the public API; index.ts does not export it).
import { expect } from 'vitest';
import type { Case } from './cases';
import { maxAbs, maxAbsDiff } from './linalg';
import { runReference } from './index';
import type { ViewResult } from './views';

/** |actual − expected|∞ ≤ tol · max(1, ‖expected‖∞), with a message that shows the gap. */
export function expectClose(actual: unknown, expected: unknown, tol = 1e-12, label = ''): void {
  const gap = maxAbsDiff(actual, expected);
  const bound = tol * Math.max(1, maxAbs(expected));
  expect(gap, `${label} differs by ${gap} (allowed ${bound})`).toBeLessThanOrEqual(bound);
}

/** The case in every view the core offers, named for error messages. */
export function everyView(c: Case, chunks: number[] = [1, 2, 3]): [string, ViewResult][] {
  return [
    ['recurrent', runReference(c, 'recurrent')],
    ['parallel', runReference(c, 'parallel')],
    ...chunks.map((n): [string, ViewResult] => [`chunkwise(${n})`, runReference(c, 'chunkwise', n)]),
  ];
}
