import { describe, expect, it } from 'vitest';
import { MECHANISMS, parseCase, specOf } from '../../../../core/cases';
import { SIDE_MECHANISMS, sharedCase, sharedInput } from './presets';

describe('every mechanism on one input', () => {
  it('has one row per registry mechanism', () => {
    expect([...SIDE_MECHANISMS]).toEqual(MECHANISMS);
  });

  it('gives every mechanism the same q, k, v in its read, key and value fields, and a valid case', () => {
    const shared = sharedInput(7);
    for (const m of SIDE_MECHANISMS) {
      const c = sharedCase(m, shared, 7) as unknown as Record<string, unknown>;
      const [read, key] = specOf(m).axes;
      expect(c[read], m).toEqual(shared.q);
      expect(c[key], m).toEqual(shared.k);
      expect(c[specOf(m).sizeWords === 'stateSpace' ? 'x' : 'v'], m).toEqual(shared.v);
      expect(() => parseCase(c), m).not.toThrow();
    }
  });
});
