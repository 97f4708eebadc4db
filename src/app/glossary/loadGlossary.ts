// The glossary as the pages use it: both languages' tables read from content/, keyed by the
// English rows, each cell rendered like the prose (Markdown + KaTeX). Loaded once per language.
import type { Lang } from '../i18n';
import { glossaryKeys, parseGlossary, plainTerm, termForms } from './parse';

const sources = import.meta.glob<string>('/content/*/glossary.md', { query: '?raw', import: 'default' });

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

async function source(lang: Lang): Promise<string> {
  const load = sources[`/content/${lang}/glossary.md`];
  if (!load) throw new Error(`missing content file content/${lang}/glossary.md`);
  return load();
}

/** One table cell as inline HTML (marked wraps a line in <p>; a cell is a phrase). */
function inline(render: (md: string) => string, markdown: string): string {
  return render(markdown).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

async function build(lang: Lang): Promise<Glossary> {
  const [{ renderMarkdown }, english, own] = await Promise.all([import('../content/markdown'), source('en'), source(lang)]);
  const keys = glossaryKeys(parseGlossary(english));
  const table = parseGlossary(own);
  if (table.rows.length !== keys.length)
    throw new Error(`content/${lang}/glossary.md has ${table.rows.length} terms, content/en/glossary.md has ${keys.length}: the rows must match one to one`);
  return {
    introHtml: renderMarkdown(table.intro),
    entries: table.rows.map((row, i) => ({
      key: keys[i],
      term: plainTerm(row.term),
      termHtml: inline(renderMarkdown, row.term),
      meaningHtml: inline(renderMarkdown, row.meaning),
      forms: termForms(row.term),
    })),
  };
}

const cache = new Map<Lang, Promise<Glossary>>();

export function loadGlossary(lang: Lang): Promise<Glossary> {
  let glossary = cache.get(lang);
  if (!glossary) {
    glossary = build(lang);
    glossary.catch(() => cache.delete(lang));
    cache.set(lang, glossary);
  }
  return glossary;
}
