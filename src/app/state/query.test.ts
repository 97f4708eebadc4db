// The query string as state: short, ordered, readable, and only site-wide parameters cross pages.
import { describe, expect, it } from 'vitest';
import { applyEdits, diffEdits } from './edits';
import { formatQuery, globalOnly, isKnownParam, linkWith, parseQuery, withChanges } from './query';

describe('query', () => {
  it('writes the version first, then the language, then site-wide and page parameters', () => {
    const params = new Map([
      ['t', '3'],
      ['hide', 'answer'],
      ['lang', 'zh-TW'],
      ['edit', 'k1:1,0,0,0'],
    ]);
    expect(formatQuery(params, 1)).toBe('?v=1&lang=zh-TW&hide=answer&t=3&edit=k1:1,0,0,0');
  });
  it('leaves the version out of a link that only picks a language, and writes nothing for nothing', () => {
    expect(formatQuery(new Map([['lang', 'en']]), 1)).toBe('?lang=en');
    expect(formatQuery(new Map([['v', '1']]), 1)).toBe('');
    expect(formatQuery(new Map(), 1)).toBe('');
  });
  it('escapes what must be escaped and keeps commas and colons readable', () => {
    const q = formatQuery(new Map([['q', '1,-.5'], ['x', 'a&b=c#d e']]), 1);
    expect(q).toBe('?v=1&q=1,-.5&x=a%26b%3Dc%23d%20e');
    expect(parseQuery(q).get('x')).toBe('a&b=c#d e');
    expect(parseQuery(q).get('q')).toBe('1,-.5');
  });
  it('reads links written by URLSearchParams too, and keeps the first of a repeated name', () => {
    const p = parseQuery('?lang=en&k=1%2C0_.8%2C.6&t=2&t=5');
    expect(p.get('k')).toBe('1,0_.8,.6');
    expect(p.get('t')).toBe('2');
    expect(parseQuery('?bad=%E0%A4%A&x=1').get('x')).toBe('1'); // a broken escape does not throw
  });
  it('keeps only site-wide parameters for another page, and applies changes', () => {
    const p = parseQuery('?v=1&lang=en&present=1&hide=controls&t=3&preset=repeat&compute=webgpu');
    expect([...globalOnly(p).keys()]).toEqual(['v', 'lang', 'present', 'hide', 'compute']);
    expect([...withChanges(p, new Map([['t', null], ['gamma', '0.5']])).entries()]).toContainEqual(['gamma', '0.5']);
    expect(withChanges(p, new Map([['t', null]])).has('t')).toBe(false);
  });
  it('knows which parameters the site reads', () => {
    for (const n of ['v', 'lang', 'present', 'hide', 'compute', 't', 'preset', 'seed', 'gamma', 'edit', 'k', 'val', 'q']) expect(isKnownParam(n)).toBe(true);
    for (const n of ['gama', 'T', '', '__proto__', 'constructor']) expect(isKnownParam(n)).toBe(false);
  });
});

describe('edits', () => {
  const base = { mechanism: 'linear_attention' as const, q: [[1, 0], [0, 1]], k: [[1, 0], [0, 1]], v: [[2, 3], [4, 5]] };
  it('records only the rows that differ, and applies them back', () => {
    const next = { ...base, k: [[1, 0], [0.5, 0.5]], v: [[2, 3.25], [4, 5]] };
    const edits = diffEdits(base, next);
    expect(edits).toEqual([
      { symbol: 'k', step: 1, value: [0.5, 0.5] },
      { symbol: 'v', step: 0, value: [2, 3.25] },
    ]);
    expect(applyEdits(base, edits)).toEqual(next);
    expect(base.k[1]).toEqual([0, 1]); // the preset is not changed
  });
  it('returns the preset itself when nothing is edited, and ignores rows beyond it', () => {
    expect(applyEdits(base, [])).toBe(base);
    expect(diffEdits(base, base)).toEqual([]);
    expect(applyEdits(base, [{ symbol: 'q', step: 5, value: [9, 9] }])).toEqual(base);
  });
});

describe('links for lecturers', () => {
  it('adds or removes parameters on the current address, keeping route and page state', () => {
    const href = 'http://localhost:4187/?lang=en&t=3#/chapter/retnet';
    expect(linkWith(href, new Map([['hide', 'controls,answer'], ['present', '1']]), 1)).toBe(
      'http://localhost:4187/?v=1&lang=en&present=1&hide=controls,answer&t=3#/chapter/retnet',
    );
    expect(linkWith('http://x/?v=1&hide=answer&t=2#/', new Map([['hide', null], ['present', null]]), 1)).toBe('http://x/?v=1&t=2#/');
  });
});
