import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n';
import { renderMarkdown } from '../content/markdown';
import { termStrings } from './terms.strings';
import { FIGURE_PARTS, TERMS, TERM_BEATS } from './vocabulary';

/** The term names marked in a prose file, in order (\term{name}{…}). */
const marks = (source: string) => [...source.matchAll(/\\term\{([^}]*)\}/g)].map((m) => m[1]);

const dir = (lang: string) => new URL(`../../../content/${lang}/`, import.meta.url);
const read = (lang: string, file: string) => readFileSync(new URL(file, dir(lang)), 'utf8');

describe('formula terms', () => {
  it('render with their data-quantity, and an unknown name is refused (KaTeX trusts only known terms)', () => {
    const html = renderMarkdown('$$\\term{write}{\\vv_t \\kk_t^\\top}$$');
    expect(html).toContain('data-quantity="write"');
    const bad = renderMarkdown('$$\\term{nope}{x} + \\htmlData{other=write}{y} + \\htmlClass{x}{z}$$');
    expect(bad).not.toContain('data-quantity');
    expect(bad).not.toContain('data-other');
    expect(bad).not.toMatch(/class="[^"]*\bx\b/);
  });

  it('every term in content is a known one, the same terms in the same order in both languages', () => {
    for (const file of readdirSync(dir('en'))) {
      const all = LANGS.map((lang) => marks(read(lang, file)));
      for (const t of all[0]) expect(TERMS, file).toContain(t);
      for (const other of all.slice(1)) expect(other, file).toEqual(all[0]);
    }
  });

  it('the chapters of issue #16 link their formulas to the figure', () => {
    const files = ['ch02-linear-attention.md', 'ch03-write-read.md', 'ch05-retnet.md', 'ch08-deltanet.md', 'ch09-mamba.md'];
    for (const file of files) expect(marks(read('en', file)).length, file).toBeGreaterThan(0);
    const used = new Set(files.flatMap((f) => marks(read('en', f))));
    // The terms the issue names: v kᵀ, S_{t−1}, γ^{t−s}, β_t, S_{t−1}k_t, Δ_t, Ā, B̄x.
    for (const t of ['write', 'S', 'D', 'beta', 'recall', 'delta', 'Abar', 'Bx']) expect([...used]).toContain(t);
  });

  it('every term has figure parts, a beat only from the schedule, and words in both languages', () => {
    for (const t of TERMS) {
      expect(FIGURE_PARTS[t].length, t).toBeGreaterThan(0);
      for (const lang of LANGS) {
        expect(termStrings[lang].names[t], `${lang} ${t}`).toBeTruthy();
        expect(termStrings[lang].figure[t], `${lang} ${t}`).toBeTruthy();
      }
    }
    expect(Object.keys(TERM_BEATS).every((t) => (TERMS as readonly string[]).includes(t))).toBe(true);
  });
});
