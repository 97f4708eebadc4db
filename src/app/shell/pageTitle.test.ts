import { describe, expect, it } from 'vitest';
import { siteStrings } from './site.strings';
import { parseRoute } from '../routes';
import { pageTitle } from './pageTitle';

const title = (hash: string, lang: 'en' | 'zh-TW') => pageTitle(parseRoute(hash), siteStrings[lang]);

describe('pageTitle', () => {
  it('names the chapter with its number, in both languages', () => {
    expect(title('#/chapter/deltanet', 'en')).toBe('Chapter 8 · Read, erase, write: DeltaNet — Memory Lane');
    expect(title('#/chapter/deltanet', 'zh-TW')).toBe('第 8 章 · 讀取、擦除、寫入：DeltaNet — 記憶小徑 Memory Lane');
    expect(title('#/chapter/why', 'en')).toBe('Chapter 0 · Why look beyond attention — Memory Lane');
  });
  it('names the other pages', () => {
    expect(title('#/playground', 'en')).toBe('Playground — Memory Lane');
    expect(title('#/playground', 'zh-TW')).toBe('自由實驗場 — 記憶小徑 Memory Lane');
    expect(title('#/glossary', 'en')).toBe('Glossary — Memory Lane');
    expect(title('#/glossary/kv-cache', 'zh-TW')).toBe('詞彙表 — 記憶小徑 Memory Lane');
    expect(title('#/embed/retnet', 'en')).toBe('Chapter 5 · Forgetting on purpose: RetNet — Memory Lane');
    expect(title('#/lab', 'en')).toBe('First light (lab) — Memory Lane');
    expect(title('#/', 'en')).toMatch(/^Memory Lane — one memory matrix/);
    expect(title('#/', 'zh-TW')).toMatch(/^記憶小徑 Memory Lane——/);
  });
  it('says when there is no page, never a blank title', () => {
    expect(title('#/nowhere', 'en')).toBe('There is no page here — Memory Lane');
    expect(title('#/chapter/nope', 'zh-TW')).toBe('這裡沒有頁面 — 記憶小徑 Memory Lane');
  });
});
