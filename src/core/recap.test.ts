import { describe, expect, it } from 'vitest';
import { MECHANISMS } from './cases';
import { runReference } from './index';
import { maxAbs, maxAbsDiff } from './linalg';
import { RECAP_FACTS, RECAP_ORDER, RECAP_SIZES, recapCase, recapRows, ruleShape, stateSize } from './recap';

describe('recap table', () => {
  it('has every mechanism exactly once', () => {
    expect([...RECAP_ORDER].sort()).toEqual([...MECHANISMS].sort());
    expect(Object.keys(RECAP_FACTS).sort()).toEqual([...MECHANISMS].sort());
  });

  it('reads each preset of the one rule off the engine', () => {
    const shape = (m: (typeof RECAP_ORDER)[number]) => ruleShape(recapCase(m));
    expect(shape('softmax_attention')).toEqual({ gate: 'cache', gateVaries: false, erase: false, betaVaries: false });
    expect(shape('linear_attention')).toEqual({ gate: 'none', gateVaries: false, erase: false, betaVaries: false });
    expect(shape('retnet')).toEqual({ gate: 'scalar', gateVaries: false, erase: false, betaVaries: false });
    expect(shape('gated_retention')).toEqual({ gate: 'scalar', gateVaries: true, erase: false, betaVaries: false });
    expect(shape('mamba2')).toEqual({ gate: 'scalar', gateVaries: true, erase: false, betaVaries: false });
    expect(shape('gla')).toEqual({ gate: 'column', gateVaries: true, erase: false, betaVaries: false });
    expect(shape('deltanet')).toEqual({ gate: 'none', gateVaries: false, erase: true, betaVaries: true });
    expect(shape('gated_deltanet')).toEqual({ gate: 'scalar', gateVaries: true, erase: true, betaVaries: true });
    expect(shape('mamba')).toEqual({ gate: 'full', gateVaries: true, erase: false, betaVaries: false });
  });

  it('only softmax attention has a state that grows with t', () => {
    // softmax: t keys and t values of width 3 → 6t numbers; every other row: S is 3 × 3 = 9 numbers.
    for (const m of RECAP_ORDER) {
      const c = recapCase(m);
      const grows = stateSize(c, 10) > stateSize(c, 5);
      expect(grows, m).toBe(m === 'softmax_attention');
      expect(RECAP_FACTS[m].inference === 'grows').toBe(grows);
    }
    expect(stateSize(recapCase('softmax_attention'), 6)).toBe(36);
    expect(stateSize(recapCase('gla'), 6)).toBe(9);
  });

  it('rows carry the facts and the derived shape; each row case runs the same in both views', () => {
    const rows = recapRows(3);
    expect(rows.map((r) => r.mechanism)).toEqual([...RECAP_ORDER]);
    for (const r of rows) {
      expect(r.stateAtT).toBe(stateSize(recapCase(r.mechanism, 3), RECAP_SIZES.T));
      const c = recapCase(r.mechanism, 3);
      const rec = runReference(c, 'recurrent').o;
      expect(maxAbsDiff(runReference(c, 'parallel').o, rec)).toBeLessThan(1e-10 * Math.max(1, maxAbs(rec)));
    }
  });
});
