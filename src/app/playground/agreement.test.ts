import { describe, expect, it } from 'vitest';
import { agreement, pairDiffOf } from './agreement';

describe('agreement of the views', () => {
  const ref = [[1, -20], [3, 4]]; // ‖ref‖∞ = 20 → tolerance 2e-4
  it('every pair and the reference, with the tolerance from the reference', () => {
    const a = agreement({ parallel: [[1, -20], [3, 4.0001]], recurrent: [[1, -20.0001], [3, 4]], chunkwise: ref }, ref);
    expect(a.compared).toEqual(['parallel', 'recurrent', 'chunkwise']);
    expect(a.tolerance).toBeCloseTo(2e-4, 15);
    expect(pairDiffOf(a, 'recurrent', 'parallel')).toBeCloseTo(1e-4, 10);
    expect(pairDiffOf(a, 'chunkwise', 'recurrent')).toBeCloseTo(1e-4, 10);
    expect(a.refDiff).toBeCloseTo(1e-4, 10);
    expect(a.ok).toBe(true);
  });
  it('fails when one view is off the reference by more than the tolerance, or on NaN', () => {
    expect(agreement({ parallel: [[1, -20], [3, 4.001]], recurrent: ref }, ref).ok).toBe(false);
    expect(agreement({ parallel: [[NaN, -20], [3, 4]], recurrent: ref }, ref).ok).toBe(false);
  });
  it('without a reference: pairs within twice the tolerance of the recurrent outputs', () => {
    const a = agreement({ parallel: [[0.5]], recurrent: [[0.500015]] }, null);
    expect(a.refDiff).toBeNull();
    expect(a.tolerance).toBe(1e-5);
    expect(a.ok).toBe(true);
    expect(agreement({ parallel: [[0.5]], recurrent: [[0.50003]] }, null).ok).toBe(false);
  });
  it('nothing to compare is not agreement', () => {
    expect(agreement({ recurrent: [[1]] }, null).ok).toBe(false);
    expect(agreement({}, null).ok).toBe(false);
    expect(agreement({ recurrent: [[1]] }, [[1]]).ok).toBe(true);
  });
});
