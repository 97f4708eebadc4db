import { describe, expect, it } from 'vitest';
import { markTerms, type MatchTerm } from './markTerms';

const TERMS: MatchTerm[] = [
  { key: 'key', forms: ['key'] },
  { key: 'attention', forms: ['attention'] },
  { key: 'linear-attention', forms: ['linear attention', '線性注意力'] },
  { key: 'kv-cache', forms: ['KV cache', 'KV 快取'] },
];
const mark = (html: string, used?: Set<string>) => markTerms(html, TERMS, used);
const btn = (key: string, text: string) => `<button type="button" class="gloss-term" data-term="${key}" aria-expanded="false">${text}</button>`;

describe('markTerms', () => {
  it('marks only the first use of a term', () => {
    const { html, used } = mark('<p>A key here, a key there.</p><p>Another key.</p>');
    expect(html).toBe(`<p>A ${btn('key', 'key')} here, a key there.</p><p>Another key.</p>`);
    expect([...used]).toEqual(['key']);
  });

  it('matches English in any case, whole words only, plural allowed', () => {
    expect(mark('<p>monkey Keys</p>').html).toBe(`<p>monkey ${btn('key', 'Keys')}</p>`);
  });

  it('prefers the longest term where two overlap', () => {
    const { html, used } = mark('<p>Linear attention is attention.</p>');
    expect(html).toBe(`<p>${btn('linear-attention', 'Linear attention')} is ${btn('attention', 'attention')}.</p>`);
    expect(used).toEqual(new Set(['linear-attention', 'attention']));
  });

  it('matches across a line break inside the prose', () => {
    expect(mark('<p>linear\nattention</p>').html).toBe(`<p>${btn('linear-attention', 'linear\nattention')}</p>`);
  });

  it('reads a hyphen between a term’s words as the space it stands for, so the longer term wins', () => {
    const terms = [
      { key: 'state', forms: ['state'] },
      { key: 'state-space-model-ssm', forms: ['state space model', 'SSM'] },
    ];
    expect(markTerms('<p>A state-space model keeps a state.</p>', terms).html).toBe(`<p>A ${btn('state-space-model-ssm', 'state-space model')} keeps a ${btn('state', 'state')}.</p>`);
  });

  it('matches Chinese exactly, without word boundaries', () => {
    expect(mark('<p>這就是線性注意力的核心，KV 快取不用了。</p>').html).toBe(
      `<p>這就是${btn('linear-attention', '線性注意力')}的核心，${btn('kv-cache', 'KV 快取')}不用了。</p>`,
    );
  });

  it('leaves code, math, headings and links alone, and marks the first use after them', () => {
    const html =
      '<h2>The key</h2><p><code>key</code> <a href="#/x">key</a> ' +
      '<span class="katex"><span class="katex-mathml"><math><mi>key</mi></math></span><span class="katex-html">key</span></span>' +
      ' <pre><code>key</code></pre> then the key.</p>';
    const out = mark(html).html;
    expect(out.match(/gloss-term/g)).toHaveLength(1);
    expect(out.endsWith(` then the ${btn('key', 'key')}.</p>`)).toBe(true);
  });

  it('keeps void and self-closing tags from confusing what is skipped', () => {
    expect(mark('<p><code>a<br>b</code><img src="x.png" /> key</p>').html).toBe(`<p><code>a<br>b</code><img src="x.png" /> ${btn('key', 'key')}</p>`);
  });

  it('skips terms used earlier in the chapter and does not change the set it was given', () => {
    const earlier = new Set(['key']);
    const { html, used } = mark('<p>key and attention</p>', earlier);
    expect(html).toBe(`<p>key and ${btn('attention', 'attention')}</p>`);
    expect(earlier).toEqual(new Set(['key']));
    expect(used).toEqual(new Set(['key', 'attention']));
  });

  it('leaves entities and comments as they are', () => {
    expect(mark('<!-- key --><p>Tom &amp; Joe&#39;s key</p>').html).toBe(`<!-- key --><p>Tom &amp; Joe&#39;s ${btn('key', 'key')}</p>`);
  });
});
