// Both languages of this chapter's strings: same keys, same {placeholders}, really translated.
import { describe, expect, it } from 'vitest';
import { ch00Strings } from './ch00-why.strings';

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

describe('ch00-why strings', () => {
  const en = new Map(leaves(ch00Strings.en as unknown as Tree));
  const zh = new Map(leaves(ch00Strings['zh-TW'] as unknown as Tree));
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
