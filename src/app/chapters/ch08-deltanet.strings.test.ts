// Both languages of chapter 8's strings: same keys, same {placeholders}, really translated.
import { describe, expect, it } from 'vitest';
import { ENTITIES, PLACES } from '../../core/story';
import { ch08Strings } from './ch08-deltanet.strings';

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

// The same in both languages on purpose: symbols, and the "who→place" / "who?" step-track templates.
const SAME_ON_PURPOSE = /^(step\.(old|target|error)|token)$/;

describe('ch08-deltanet strings', () => {
  const en = new Map(leaves(ch08Strings.en as unknown as Tree));
  const zh = new Map(leaves(ch08Strings['zh-TW'] as unknown as Tree));
  it('have the same keys and placeholders in both languages', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const [k, v] of en) expect(holes(zh.get(k) ?? ''), k).toBe(holes(v));
  });
  it('are translated: no English sentence is copied into 繁體中文', () => {
    const copied = [...en].filter(([k, v]) => !SAME_ON_PURPOSE.test(k) && zh.get(k) === v && /[a-z]{4,}/i.test(v.replace(/\{\w+\}/g, '')));
    expect(copied).toEqual([]);
  });
  it('name every person and place of the story', () => {
    for (const lang of ['en', 'zh-TW'] as const) {
      expect(Object.keys(ch08Strings[lang].entities).sort()).toEqual([...ENTITIES].sort());
      expect(Object.keys(ch08Strings[lang].places).sort()).toEqual([...PLACES].sort());
    }
  });
});
