// The language machinery (the one placeholder filler, the language from the link) and the prose files in
// both languages. The word tables themselves are checked, all of them, by tables.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fill, initialLang } from './index';

describe('language machinery', () => {
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
