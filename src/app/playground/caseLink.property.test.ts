// Generative tests of the ?case= link (caseLink.ts): a case the page writes reads back exactly; any
// other text is refused with a reason, never thrown.
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Case } from '../../core/cases';
import { badValue, corrupt, validCase, withoutNegativeZero } from '../../core/test-arbitraries';
import { MAX_CASE_LINK, decodeCase, encodeCase } from './caseLink';
import { playgroundStrings } from './playground.strings';
import { problemText } from './problemText';

const RUNS = { numRuns: 100, seed: 20261204 };

describe('case links, generated', () => {
  it.prop([validCase({ maxT: 6, maxDim: 4 })], RUNS)('a case the page writes reads back exactly', async (c) => {
    const written = await encodeCase(c);
    if (!('text' in written)) throw new Error(`a small case was too large for a link: ${written.tooLarge}`);
    expect(written.text.length).toBeLessThanOrEqual(MAX_CASE_LINK);
    expect(await decodeCase(written.text)).toEqual({ ok: true, case: withoutNegativeZero(c) });
  });

  const base64ish = fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), { maxLength: 120 }).map((a) => a.join(''));
  it.prop([fc.oneof(fc.string({ maxLength: 80 }), base64ish)], RUNS)('any other text is refused with a reason the page words', async (text) => {
    const r = await decodeCase(text);
    if (r.ok) return;
    if (r.problem.code !== 'unreadable')
      for (const lang of ['en', 'zh-TW'] as const) {
        const words = problemText(r.problem, playgroundStrings[lang]);
        expect(words.length).toBeGreaterThan(0);
        expect(words.length).toBeLessThanOrEqual(300);
      }
  });

  it.prop([validCase(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), badValue], RUNS)(
    'a well-formed link holding a broken case is refused naming the field, in both languages',
    async (c, path, value) => {
      const { json } = corrupt(c, path, value);
      const written = await encodeCase(json as unknown as Case); // encodeCase writes whatever JSON it is given
      if (!('text' in written)) return;
      const r = await decodeCase(written.text);
      if (r.ok) return;
      if (r.problem.code === 'unreadable') throw new Error('a well-formed link was called unreadable');
      expect(r.problem.code).toBe('invalid');
      for (const lang of ['en', 'zh-TW'] as const) {
        const words = problemText(r.problem, playgroundStrings[lang]);
        expect(words.length).toBeGreaterThan(0);
        expect(words.length).toBeLessThanOrEqual(300);
        expect(words).not.toMatch(/\{\w+\}/);
      }
    },
  );
});
