// Every precomputed trace is the float64 core's answer to float32 accuracy, and is found by the hash
// the page computes from the same case.
import { describe, expect, it } from 'vitest';
import { retnetPreset } from '../src/app/chapters/presets';
import { runReference } from '../src/core';
import { maxAbsDiff, type Mat } from '../src/core/linalg';
import { caseHash, isEntryFor } from '../src/trace/precomputed';
import { defaultCases, precomputeTraces } from './precompute-traces';
import { float32Tolerance } from '../src/core/float32';

const within = (got: Mat, want: Mat) => expect(maxAbsDiff(got, want)).toBeLessThanOrEqual(float32Tolerance(want));

describe('precomputed traces', async () => {
  const cases = defaultCases();
  const table = await precomputeTraces();

  it('has one entry per chapter default, small enough to fetch on first paint', () => {
    expect(Object.keys(table).length).toBe(Object.keys(cases).length);
    expect(JSON.stringify(table).length).toBeLessThan(200_000);
  });

  for (const [chapter, c] of Object.entries(cases))
    it(`${chapter}: parallel and recurrent equal runReference within 1e-5·max(1, ‖ref‖∞)`, () => {
      const entry = table[caseHash(c)];
      expect(isEntryFor(entry, runReference(c, 'recurrent').o.length)).toBe(true);
      for (const view of ['parallel', 'recurrent'] as const) {
        const ref = runReference(c, view);
        within(entry[view].o, ref.o);
        if (ref.S_final) within(entry[view].S_final ?? [], ref.S_final);
        if (ref.M) within(entry[view].M ?? [], ref.M);
      }
      const steps = runReference(c, 'recurrent').steps ?? [];
      expect(entry.recurrent.steps?.length).toBe(steps.length);
      steps.forEach((s, t) => within(entry.recurrent.steps?.[t].S ?? [], s.S));
    });

  it('the hash ignores key order and the last bits, and sees a changed number', () => {
    const c = retnetPreset('random', 0.8);
    expect(caseHash(c)).toBe(caseHash(cases.retnet));
    const reordered = Object.fromEntries(Object.entries(c).reverse()) as typeof c;
    expect(caseHash(reordered)).toBe(caseHash(c));
    // One ulp, as another engine's Math.cos may give it.
    const ulp = { ...c, k: c.k.map((row) => row.map((x) => x * (1 + Number.EPSILON))) };
    expect(caseHash(ulp)).toBe(caseHash(c));
    const nudged = { ...c, q: c.q.map((row, t) => (t === 0 ? [row[0] + 1e-6, ...row.slice(1)] : row)) };
    expect(caseHash(nudged)).not.toBe(caseHash(c));
  });
});
