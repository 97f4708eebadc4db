// The glossary table of one language as the pages use it, made at build time (build/prose-plugin.ts):
// keyed by the English rows, each cell rendered like the prose (Markdown + KaTeX).
import { renderMarkdown } from '../content/markdown';
import { glossaryKeys, parseGlossary, plainTerm, termForms } from './parse';

export interface GlossaryEntry {
  key: string;
  /** The term without math, for labels. */
  term: string;
  termHtml: string;
  meaningHtml: string;
  /** The words prose may use for it (see termForms). */
  forms: string[];
}

export interface Glossary {
  introHtml: string;
  entries: GlossaryEntry[];
}

/** One table cell as inline HTML (marked wraps a line in <p>; a cell is a phrase). */
function inline(markdown: string): string {
  return renderMarkdown(markdown).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

/** `own` is content/<lang>/glossary.md, `english` content/en/glossary.md (its rows give the keys). */
export function buildGlossary(lang: string, english: string, own: string): Glossary {
  const keys = glossaryKeys(parseGlossary(english));
  const table = parseGlossary(own);
  if (table.rows.length !== keys.length)
    throw new Error(`content/${lang}/glossary.md has ${table.rows.length} terms, content/en/glossary.md has ${keys.length}: the rows must match one to one`);
  return {
    introHtml: renderMarkdown(table.intro),
    entries: table.rows.map((row, i) => ({
      key: keys[i],
      term: plainTerm(row.term),
      termHtml: inline(row.term),
      meaningHtml: inline(row.meaning),
      forms: termForms(row.term),
    })),
  };
}
