import { describe, expect, it } from 'vitest';
import { caseSizes, parseCase } from '../../core/cases';
import { CHAPTER_EXAMPLES, chapterExample } from './chapterExamples';
import { readCase } from './importFile';

describe('chapter examples', () => {
  it('each is a valid case within the playground’s sizes', () => {
    for (const id of CHAPTER_EXAMPLES) {
      const c = chapterExample(id);
      expect(parseCase(JSON.parse(JSON.stringify(c)))).toEqual(c);
      expect(readCase(c).ok).toBe(true);
      expect(caseSizes(c).T).toBeGreaterThan(1);
    }
    expect(chapterExample('ch8-story').mechanism).toBe('deltanet');
    expect(chapterExample('ch9-selective').mechanism).toBe('mamba');
  });
});
