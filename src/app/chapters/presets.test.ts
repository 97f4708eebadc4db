// The prose quotes the figure's default numbers: chapter 3's "overlapping keys" paragraph names k₂ and the
// overlap k₁ᵀk₂ that the default preset shows. Checked against the content files, in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeReadPreset } from './presets';

describe("chapter 3's prose and its default figure", () => {
  const { keys, query } = writeReadPreset('overlapping');
  const overlap = keys[1][0] * query[0] + keys[1][1] * query[1];
  for (const lang of ['en', 'zh-TW']) {
    const prose = readFileSync(`content/${lang}/ch03-write-read.md`, 'utf8');
    it(`${lang}: the quoted k₂, k₁ᵀk₂ and the blend are the preset's`, () => {
      expect(prose).toContain(`$\\kk_2 = (${keys[1].join(', ')})$`);
      expect(prose).toContain(`$\\kk_1^\\top \\kk_2 = ${overlap}$`);
      expect(prose).toContain(`$\\vv_1 + ${overlap}\\,\\vv_2$`);
      expect(query).toEqual(keys[0]); // "asking with k₁"
    });
  }
});
