// index.html paints the header with the site's mark before the code runs; React's header must put the
// same mark in the same place, so the two are written once (siteMark.ts) and held together here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_MARK_SVG, STATIC_SHELL } from './siteMark';

describe('the first paint', () => {
  it('index.html holds the static shell, and nothing else, in #root', () => {
    const html = readFileSync('index.html', 'utf8');
    expect(html).toContain(`<div id="root">${STATIC_SHELL}</div>`);
  });

  it('the shell is the mark alone: no words in either language, no colour of its own', () => {
    expect(STATIC_SHELL.replace(/<[^>]*>/g, '')).toBe('');
    expect(STATIC_SHELL).toContain(SITE_MARK_SVG);
    expect(SITE_MARK_SVG).not.toMatch(/#[0-9a-f]{3,6}\b|rgb|fill="|stroke="/i);
  });
});
