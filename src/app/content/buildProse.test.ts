// The prose the build renders (build/prose-plugin.ts, reached here through the same virtual module the
// page imports) is the HTML the page rendered itself before: marked + KaTeX over the part of the
// source, with the glossary buttons the chapter's marking put on the first use of each term.
import { readFileSync, readdirSync } from 'node:fs';
import { prose, glossaries, formulaTops } from 'virtual:prose';
import { describe, expect, it } from 'vitest';
import { buildGlossary } from '../glossary/buildGlossary';
import { markTerms } from '../glossary/markTerms';
import { applyMarks } from '../glossary/marks';
import { rawHtml, renderMarkdown } from './markdown';
import { renderPart } from './buildProse';
import { splitAtFigure } from './split';

const LANGS = ['en', 'zh-TW'] as const;
const source = (lang: string, id: string) => readFileSync(`content/${lang}/${id}.md`, 'utf8');
const chapters = readdirSync('content/en').filter((f) => /^ch\d\d-.*\.md$/.test(f)).map((f) => f.slice(0, -3));

describe('prose rendered at build time', () => {
  it('lists every prose file in both languages, split where it has a figure mark', () => {
    expect(chapters.length).toBe(11);
    for (const lang of LANGS) {
      for (const id of chapters) expect(Object.keys(prose[`${lang}/${id}`] ?? {}).sort(), `${lang}/${id}`).toEqual(['after', 'before']);
      expect(Object.keys(prose[`${lang}/first-light`] ?? {})).toEqual(['all']);
      expect(Object.keys(prose[`${lang}/train`] ?? {}).sort()).toEqual(['after', 'before']);
      expect(prose[`${lang}/glossary`]).toBeUndefined();
    }
  });

  for (const lang of LANGS)
    it(`gives each chapter part the HTML and the glossary buttons the page made at run time (${lang})`, async () => {
      const { entries } = buildGlossary(lang, source('en', 'glossary'), source(lang, 'glossary'));
      let buttons = 0;
      for (const id of chapters) {
        const md = source(lang, id);
        const built = { before: await prose[`${lang}/${id}`].before!(), after: await prose[`${lang}/${id}`].after!() };
        // What the page did itself before: render the part, then mark 'after' with the terms 'before' used.
        const before = renderMarkdown(splitAtFigure(md, 'before'));
        const after = renderMarkdown(splitAtFigure(md, 'after'));
        const markedBefore = markTerms(before, entries);
        const markedAfter = markTerms(after, entries, markedBefore.used);
        expect(built.before.default.html, `${lang}/${id} before`).toBe(before);
        expect(built.after.default.html, `${lang}/${id} after`).toBe(after);
        expect(applyMarks(built.before.default.html, built.before.default.marks), `${lang}/${id} before, marked`).toBe(markedBefore.html);
        expect(applyMarks(built.after.default.html, built.after.default.marks), `${lang}/${id} after, marked`).toBe(markedAfter.html);
        // A term is marked once per chapter, before or after the figure.
        const keys = [...built.before.default.marks, ...built.after.default.marks].map(([, , key]) => key);
        expect(new Set(keys).size, `${lang}/${id}`).toBe(keys.length);
        buttons += keys.length;
      }
      expect(buttons).toBeGreaterThan(50);
    });

  it('lists the files whose first painted part sets formulas (their fonts are fetched with it)', async () => {
    const withKatex: string[] = [];
    for (const [key, parts] of Object.entries(prose)) {
      const first = parts.before ?? parts.all;
      if (first && (await first()).default.html.includes('class="katex"')) withKatex.push(key);
    }
    expect([...formulaTops].sort()).toEqual(withKatex.sort());
    expect(formulaTops.has('en/ch04-capacity') && !formulaTops.has('en/ch02-linear-attention')).toBe(true);
  });

  it('renders a file without a figure mark whole, and the glossary tables', async () => {
    for (const lang of LANGS) {
      const part = (await prose[`${lang}/first-light`].all!()).default;
      expect(part.html).toBe(renderMarkdown(source(lang, 'first-light')));
      const table = (await glossaries[lang]()).default;
      expect(table).toEqual(buildGlossary(lang, source('en', 'glossary'), source(lang, 'glossary')));
      expect(table.entries.length).toBeGreaterThan(20);
    }
  });
});

describe('glossary marks as positions', () => {
  it('puts back the buttons markTerms wrote', () => {
    const terms = [
      { key: 'key', forms: ['key'] },
      { key: 'linear-attention', forms: ['linear attention'] },
    ];
    const html = '<p>A key and <em>linear attention</em>; a key again.</p><p>$x$</p>';
    const { html: marked, marks } = markTerms(html, terms);
    expect(marks).toEqual([
      [5, 8, 'key'],
      [17, 33, 'linear-attention'],
    ]);
    expect(applyMarks(html, marks)).toBe(marked);
    expect(applyMarks(html, [])).toBe(html);
  });
});

describe('prose that writes its own HTML', () => {
  it('is refused by the build, which sets prose unsanitised; comments (figure, held marks) pass', () => {
    expect(rawHtml('Text <img src=x onerror=alert(1)> more.')).toEqual(['<img src=x onerror=alert(1)>']);
    expect(rawHtml('<script>alert(1)</script>')).toHaveLength(1);
    expect(rawHtml('A\n\n<!-- figure -->\n\n<!-- held: x -->\nB $a<b$ and `<i>`\n<!-- /held -->')).toEqual([]);
    expect(() => renderPart('Hi <b>there</b>', 'all', [])).toThrow(/HTML of its own/);
  });
});

describe('line breaks in Chinese prose', () => {
  it('joins a source line broken between two Chinese characters, and keeps the space elsewhere', () => {
    expect(renderMarkdown('記憶得把舊的\n位置換掉。')).toBe('<p>記憶得把舊的位置換掉。</p>\n');
    expect(renderMarkdown('- 講者的\n  主張是：')).toBe('<ul>\n<li>講者的主張是：</li>\n</ul>\n');
    expect(renderMarkdown('用它的 CPU\n後端')).toBe('<p>用它的 CPU\n後端</p>\n');
    expect(renderMarkdown('the old\nplace')).toBe('<p>the old\nplace</p>\n');
    expect(renderMarkdown('第一段\n\n第二段')).toBe('<p>第一段</p>\n<p>第二段</p>\n');
  });

  it('keeps a per cent sign on its number’s line', () => {
    expect(renderMarkdown('90 % and 76 %')).toBe('<p>90\u00a0% and 76\u00a0%</p>\n');
  });
});
