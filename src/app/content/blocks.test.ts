import { describe, expect, it } from 'vitest';
import { splitBlocks } from './blocks';

const p = (n: number) => `<p>${'<span>x</span>'.repeat(n - 1)}</p>`; // n elements

describe('splitBlocks', () => {
  it('cuts only between top-level blocks, once a piece has its budget of elements', () => {
    const html = `${p(3)}\n${p(3)}\n${p(3)}\n${p(1)}`;
    const pieces = splitBlocks(html, 5);
    expect(pieces).toEqual([`${p(3)}\n${p(3)}`, `\n${p(3)}\n${p(1)}`]);
    expect(pieces.join('')).toBe(html);
  });

  it('keeps a block bigger than the budget whole', () => {
    const html = `<ul><li>${p(10)}</li></ul>${p(2)}`;
    expect(splitBlocks(html, 4)).toEqual([`<ul><li>${p(10)}</li></ul>`, p(2)]);
  });

  it('counts void and self-closed elements without waiting for their end', () => {
    const html = `<p>a<br>b</p><hr><svg><path d="M0 0"/></svg><p>c</p>`;
    expect(splitBlocks(html, 2)).toEqual(['<p>a<br>b</p>', '<hr><svg><path d="M0 0"/></svg>', '<p>c</p>']);
  });

  it('leaves trailing white space with the last piece, and comments uncounted', () => {
    expect(splitBlocks(`<!-- a --><p>x</p>\n`, 1)).toEqual([`<!-- a --><p>x</p>\n`]);
    expect(splitBlocks(`<p>x</p><p>y</p>\n`, 1)).toEqual(['<p>x</p>', '<p>y</p>\n']);
  });

  it('gives back what it cannot follow as one piece', () => {
    for (const html of ['<p>a</p></div><p>b</p>', '<div><p>a</p><p>b</p>', 'text only', '']) expect(splitBlocks(html, 1)).toEqual([html]);
  });
});

describe('splitBlocks on the course’s own prose', () => {
  it('cuts every chapter part into pieces that join back into it, each of whole blocks', async () => {
    const { prose } = await import('virtual:prose');
    const { applyMarks } = await import('../glossary/marks');
    let cut = 0;
    for (const [key, parts] of Object.entries(prose))
      for (const [part, load] of Object.entries(parts)) {
        const { html, marks } = (await load!()).default;
        const marked = applyMarks(html, marks);
        const pieces = splitBlocks(marked, 120);
        expect(pieces.join(''), `${key} ${part}`).toBe(marked);
        if (pieces.length > 1) cut++;
        // Each piece is whole blocks: parsed alone, it has as many elements as its tags open.
        for (const piece of pieces) {
          const opened = (piece.match(/<[a-zA-Z]/g) ?? []).length;
          const closed = (piece.match(/<\/[a-zA-Z]/g) ?? []).length;
          const single = (piece.match(/<(?:br|hr|img|input|wbr)\b[^>]*>|<[a-zA-Z][^>]*\/>/g) ?? []).length;
          expect(opened - single, `${key} ${part}: a piece that opens a block it does not close`).toBe(closed);
        }
      }
    expect(cut, 'long parts are cut at all').toBeGreaterThan(10);
  });
});
