// No view may peek ahead: changing step t+1 must leave every output up to step t untouched,
// bit for bit (masked entries are exact zeros, so there is no rounding excuse).
import { describe, expect, it } from 'vitest';
import { type Case, MECHANISMS } from './cases';
import { maxAbsDiff } from './linalg';
import { randomCase } from './random';
import { everyView } from './test-utils';

/** Case `a` with every per-step input from index `from` on replaced by `b`'s (global A, gamma kept). */
function splice(a: Case, b: Case, from: number, to = Infinity): Case {
  const T = a.mechanism === 'mamba' || a.mechanism === 'mamba2' ? a.x.length : a.q.length;
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(a)) {
    if (key === 'A' || !Array.isArray(value) || value.length !== T) continue;
    const other = (b as Record<string, unknown>)[key] as unknown[];
    out[key] = value.map((x: unknown, t: number) => (t >= from && t < to ? other[t] : x));
  }
  return out as Case;
}

const T = 6;

describe.each(MECHANISMS)('%s is causal in every view', (mechanism) => {
  const a = randomCase(mechanism, { T, dk: 3, dv: 2, seed: 1 });
  const b = randomCase(mechanism, { T, dk: 3, dv: 2, seed: 2 });
  it.each([0, 1, 2, 3, 4, 5])('changing step %i (0-based) only', (t) => {
    const before = everyView(a, [1, 2, 4]);
    const after = everyView(splice(a, b, t, t + 1), [1, 2, 4]);
    before.forEach(([view, r], n) => {
      const changed = after[n][1];
      expect(maxAbsDiff(r.o.slice(0, t), changed.o.slice(0, t)), `${view} outputs before ${t}`).toBe(0);
      // …and the change is visible at step t itself, so the test could fail.
      expect(maxAbsDiff(r.o[t], changed.o[t]), `${view} output ${t}`).toBeGreaterThan(1e-6);
      if (r.M && changed.M) expect(maxAbsDiff(r.M.slice(0, t), changed.M.slice(0, t)), `${view} M`).toBe(0);
    });
  });
  it('changing every step from t on', () => {
    const before = everyView(a);
    const after = everyView(splice(a, b, 3));
    before.forEach(([view, r], n) => expect(maxAbsDiff(r.o.slice(0, 3), after[n][1].o.slice(0, 3)), view).toBe(0));
  });
});
