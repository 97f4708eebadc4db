import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../exercises';
import { LANGS } from '../i18n';
import { carryHeld, heldMarks, splitHeld } from './heldProse';

describe('held prose', () => {
  it('cuts the HTML at the markers and keeps what lies between', () => {
    const html = '<p>a</p>\n<!-- held: deltanet -->\n<p>b</p>\n<!-- /held -->\n<p>c</p>';
    expect(splitHeld(html).map((s) => [s.held ?? '', s.html.replace(/\s/g, '')])).toEqual([
      ['', '<p>a</p>'],
      ['deltanet', '<p>b</p>'],
      ['', '<p>c</p>'],
    ]);
  });

  it('carries a held passage cut into parts into every part it spans, and no further', () => {
    const parts = carryHeld(['<p>a</p><!-- held: deltanet --><p>b</p>', '<p>c</p>', '<p>d</p><!-- /held --><p>e</p>', '<p>f</p>']);
    expect(parts.map((p) => splitHeld(p).map((s) => s.held ?? ''))).toEqual([['', 'deltanet'], ['deltanet'], ['deltanet', ''], ['']]);
  });

  it('holds to the end when no closing marker comes, and ignores an unknown exercise', () => {
    expect(splitHeld('<p>a</p><!-- held: where --><p>b</p>').map((s) => s.held)).toEqual([undefined, 'where']);
    expect(splitHeld('<p>a</p><!--held: nope--><p>b</p>').every((s) => s.held === undefined)).toBe(true);
    expect(splitHeld('<p>only</p>')).toEqual([{ html: '<p>only</p>' }]);
  });

  it('every marker in content names a real exercise, the same ones in both languages', () => {
    const dir = (lang: string) => new URL(`../../../content/${lang}/`, import.meta.url);
    for (const file of readdirSync(dir('en'))) {
      const marks = LANGS.map((lang) => heldMarks(readFileSync(new URL(file, dir(lang)), 'utf8')));
      for (const m of marks[0]) if (m !== '/') expect(Object.keys(EXERCISES), file).toContain(m);
      for (const other of marks.slice(1)) expect(other, file).toEqual(marks[0]);
    }
  });
});
