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
  it('fails when one view is off the reference by more than the tolerance', () => {
    const a = agreement({ parallel: [[1, -20], [3, 4.001]], recurrent: ref }, ref);
    expect(a.ok).toBe(false);
    expect(a.verdict).toBe('differ');
  });
  it('a view with NaN or ∞ is named, not compared: no NaN difference, no claim from it', () => {
    const a = agreement({ parallel: [[NaN, -20], [3, 4]], recurrent: ref, chunkwise: [[Infinity, 0], [0, 0]] }, null);
    expect(a.nonFinite).toEqual(['parallel', 'chunkwise']);
    expect(a.compared).toEqual(['recurrent']);
    expect(a.pairs).toEqual([]);
    expect(a.pairDiff).toBeNull();
    expect(a.verdict).toBe('none');
    expect(a.ok).toBe(false);
    // With the reference, the finite view is still checked against it.
    const withRef = agreement({ parallel: [[NaN, -20], [3, 4]], recurrent: ref }, ref);
    expect(withRef.verdict).toBe('agree');
    expect(withRef.refDiff).toBe(0);
    expect(Number.isFinite(withRef.tolerance)).toBe(true);
  });
  it('without a reference: pairs within twice the tolerance of the recurrent outputs', () => {
    const a = agreement({ parallel: [[0.5]], recurrent: [[0.500015]] }, null);
    expect(a.refDiff).toBeNull();
    expect(a.tolerance).toBe(1e-5);
    expect(a.ok).toBe(true);
    expect(agreement({ parallel: [[0.5]], recurrent: [[0.50003]] }, null).ok).toBe(false);
  });
  it('nothing to compare is neither agreement nor disagreement, and no difference is NaN', () => {
    // The playground's largest settings: only the recurrent view runs, and no reference beyond T = 256.
    const one = agreement({ recurrent: [[1]] }, null);
    expect(one.ok).toBe(false);
    expect(one.verdict).toBe('none');
    expect(one.pairDiff).toBeNull();
    expect(one.refDiff).toBeNull();
    expect(pairDiffOf(one, 'parallel', 'recurrent')).toBeNull();
    expect(agreement({}, null).verdict).toBe('none');
    expect(agreement({ recurrent: [[1]] }, [[1]]).verdict).toBe('agree');
  });
});
