// Generative tests of a typed vector (src/app/components/parseVector.ts): any text is read or refused
// with a named problem the page words in both languages; a vector printed the usual ways reads back.
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { figureStrings } from './figure.strings';
import { parseVector } from './parseVector';

const RUNS = { numRuns: 300, seed: 20261204 };

/** Text a learner might type: digits, signs, separators, brackets, letters, the odd Unicode. */
const typed = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom('1', '0', '.', '-', '−', '+', 'e', 'E', ',', '，', ' ', '[', ']', '(', ')', 'inf', 'NaN', '5', '9', 'x'), { maxLength: 24 }).map((a) => a.join('')),
);
const entry = fc.double({ min: -100, max: 100, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));

describe('parseVector, generated', () => {
  it.prop([typed, fc.integer({ min: 1, max: 6 })], RUNS)('never throws; accepted vectors are finite, in range, of the length asked', (text, n) => {
    const r = parseVector(text, n);
    if (r.ok) {
      expect(r.value).toHaveLength(n);
      for (const x of r.value) expect(Number.isFinite(x) && Math.abs(x) <= 100).toBe(true);
    } else {
      // Each problem has words on both pages.
      expect(figureStrings.en.vectorProblems[r.problem].length).toBeGreaterThan(0);
      expect(figureStrings['zh-TW'].vectorProblems[r.problem].length).toBeGreaterThan(0);
    }
  });

  const separators = fc.constantFrom(', ', ',', ' ', '，', '  ');
  it.prop([fc.array(entry, { minLength: 1, maxLength: 6 }), separators, fc.boolean(), fc.boolean()], RUNS)(
    'a vector printed with any separator, brackets or typographic minus reads back exactly',
    (v, sep, brackets, typographic) => {
      let text = v.map(String).join(sep);
      if (typographic) text = text.replace(/-/g, '−');
      if (brackets) text = `[${text}]`;
      expect(parseVector(text, v.length)).toEqual({ ok: true, value: v });
    },
  );
});
