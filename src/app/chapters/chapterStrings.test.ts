// Both languages of every chapter's own strings: same keys, same {placeholders}; and, where a
// chapter holds no deliberate look-alikes, really translated (no English sentence copied over).
import { describe, expect, it } from 'vitest';
import type { Localized } from '../i18n/define';
import { ch00Strings } from './ch00-why.strings';
import { ch01Strings } from './ch01-rnn.strings';

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

const TABLES: Array<[string, Localized<unknown>]> = [
  ['ch00-why', ch00Strings],
  ['ch01-rnn', ch01Strings],
];

for (const [name, table] of TABLES)
  describe(`${name} strings`, () => {
    const en = new Map(leaves(table.en as unknown as Tree));
    const zh = new Map(leaves(table['zh-TW'] as unknown as Tree));
    it('have the same keys and placeholders in both languages', () => {
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
      for (const [k, v] of en) expect(holes(zh.get(k) ?? ''), k).toBe(holes(v));
    });
    it('are translated: no English sentence is copied into 繁體中文', () => {
      const copied = [...en].filter(([k, v]) => zh.get(k) === v && /[a-z]{4,}/i.test(v.replace(/\{\w+\}/g, '')));
      expect(copied).toEqual([]);
    });
  });
