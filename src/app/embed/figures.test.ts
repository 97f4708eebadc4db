import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../chapters/registry';
import { embedStrings } from './embed.strings';
import { iframeCode } from './EmbedCode';

describe('embeddable figure parts', () => {
  const named = CHAPTERS.filter((c) => c.figures);

  it('chapter 9 names its four panels, chapter 10 its three parts', () => {
    expect(named.map((c) => [c.slug, c.figures])).toEqual([
      ['mamba', ['zoh', 'convolution', 'selective', 'scan']],
      ['where-they-stand', ['recap', 'chunkwise', 'side-by-side']],
    ]);
  });

  it('every named part has a label in both languages and a <FigurePart> in its chapter', () => {
    for (const c of named) {
      const source = readFileSync(`src/app/chapters/${c.contentId}/index.tsx`, 'utf8');
      for (const name of c.figures ?? []) {
        expect(source).toContain(`<FigurePart name="${name}">`);
        for (const lang of ['en', 'zh-TW'] as const) expect((embedStrings[lang].parts as Record<string, string>)[name]).toBeTruthy();
      }
    }
  });
});

describe('iframeCode', () => {
  it('keeps the link state, swaps the route and escapes the attributes', () => {
    const code = iframeCode('https://x.test/course/?v=1&gamma=0.5#/chapter/retnet', '#/embed/retnet', 612.4, 'Memory Lane — "RetNet" & co');
    expect(code).toBe(
      '<iframe src="https://x.test/course/?v=1&amp;gamma=0.5#/embed/retnet" width="100%" height="612" title="Memory Lane — &quot;RetNet&quot; &amp; co" loading="lazy" style="border:0"></iframe>',
    );
  });
});
