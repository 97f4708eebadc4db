// Every interface string exists in both languages, and the 繁體中文 table is really translated.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhTW } from './zh-TW';
import { fill, initialLang } from './index';

type Tree = { [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

// Strings that are the same in both languages on purpose (formulas, product names, symbols).
const SAME_ON_PURPOSE = /(Formula|^backends\.|\.backends\.|^figure\.memory\.(q|k|v|beta)$|^figure\.equivalence\.backends|^chapterUi\.writeRead\.(overlap|contribution|key|query|value)$|^figure\.attention\.decay$)/;

describe('interface strings', () => {
  const enLeaves = new Map(leaves(en as unknown as Tree));
  const zhLeaves = new Map(leaves(zhTW as unknown as Tree));
  it('have the same keys in both languages', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });
  it('are translated, not copied, in 繁體中文', () => {
    const copied = [...enLeaves].filter(([k, v]) => zhLeaves.get(k) === v && !SAME_ON_PURPOSE.test(k) && /[a-z]{4,}/i.test(v.replace(/\{\w+\}/g, '')));
    expect(copied).toEqual([]);
  });
  it('keep the same {placeholders}', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const [k, v] of enLeaves) expect(holes(zhLeaves.get(k) ?? ''), k).toBe(holes(v));
  });
  it('fill placeholders and pick the language from the URL first', () => {
    expect(fill('step {t} of {T}', { t: '2', T: '8' })).toBe('step 2 of 8');
    expect(initialLang('?lang=zh-TW', 'en')).toBe('zh-TW');
    expect(initialLang('?lang=klingon', 'zh-TW')).toBe('zh-TW');
    expect(initialLang('', null)).toBe('en');
  });
});

describe('content', () => {
  const files = (lang: string) => readdirSync(`content/${lang}`).filter((f) => f.endsWith('.md')).sort();
  it('every prose file exists in both languages', () => {
    expect(files('zh-TW')).toEqual(files('en'));
  });
  it('has balanced math and a figure mark in the same place count', () => {
    for (const f of files('en')) {
      const a = readFileSync(`content/en/${f}`, 'utf8');
      const b = readFileSync(`content/zh-TW/${f}`, 'utf8');
      for (const [name, text] of [[`en/${f}`, a], [`zh-TW/${f}`, b]]) {
        const dollars = text.replace(/\\\$/g, '').match(/\$/g)?.length ?? 0;
        expect(dollars % 2, `${name} has an odd number of $`).toBe(0);
      }
      expect((b.match(/<!-- figure -->/g) ?? []).length, f).toBe((a.match(/<!-- figure -->/g) ?? []).length);
    }
  });
});
