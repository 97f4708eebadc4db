// Chapter 8's strings name every person and place of its story (keys and placeholders in both
// languages are checked with every other table by src/app/i18n/tables.test.ts).
import { describe, expect, it } from 'vitest';
import { ENTITIES, PLACES } from '../../../core/story';
import { ch08Strings } from './strings';

describe('ch08-deltanet strings', () => {
  it('name every person and place of the story', () => {
    for (const lang of ['en', 'zh-TW'] as const) {
      expect(Object.keys(ch08Strings[lang].entities).sort()).toEqual([...ENTITIES].sort());
      expect(Object.keys(ch08Strings[lang].places).sort()).toEqual([...PLACES].sort());
    }
  });
});
