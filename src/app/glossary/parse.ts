// The glossary lives in content/<lang>/glossary.md as a two-column Markdown table (Term | Meaning).
// These pure functions read that table, give every row a stable key (from the English term, so a
// deep link is the same in both languages) and list the words a chapter's prose may use for it.

export interface GlossaryRow {
  /** The term cell as written (Markdown with $…$ math). */
  term: string;
  /** The meaning cell as written. */
  meaning: string;
}

export interface GlossaryTable {
  /** The Markdown before the table (the page's introduction). */
  intro: string;
  rows: GlossaryRow[];
}

const ROW = /^\s*\|(.*)\|\s*$/;
const RULE = /^\s*\|?\s*:?-{3,}/;

/** Split one table line into its cells; `\|` inside a cell stays a bar. */
function cells(line: string): string[] {
  const inner = ROW.exec(line)?.[1] ?? '';
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

export function parseGlossary(source: string): GlossaryTable {
  const lines = source.split(/\r?\n/);
  const start = lines.findIndex((line, i) => ROW.test(line) && RULE.test(lines[i + 1] ?? ''));
  if (start < 0) throw new Error('glossary: no Term | Meaning table found');
  const rows: GlossaryRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!ROW.test(line)) break;
    const [term = '', meaning = ''] = cells(line);
    if (term) rows.push({ term, meaning });
  }
  return { intro: lines.slice(0, start).join('\n').trim(), rows };
}

/** The term without its math: "memory matrix $S$" → "memory matrix". */
export function plainTerm(term: string): string {
  return term.replace(/\$[^$]*\$/g, '').replace(/\s+/g, ' ').trim();
}

/** A URL- and id-safe key from an English term: "state space model (SSM)" → "state-space-model-ssm". */
export function termKey(englishTerm: string): string {
  return plainTerm(englishTerm)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Keys for the rows, in order; the English table decides them, so both languages share one set. */
export function glossaryKeys(english: GlossaryTable): string[] {
  const keys = english.rows.map((r) => termKey(r.term));
  const seen = new Set<string>();
  for (const k of keys) {
    if (!k) throw new Error('glossary: a term has no letters to make a key from');
    if (seen.has(k)) throw new Error(`glossary: two terms share the key "${k}"`);
    seen.add(k);
  }
  return keys;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether a form is matched as Chinese (exact, anywhere) rather than as Latin words (any case, whole words). */
export function isCjk(form: string): boolean {
  return CJK.test(form);
}

/**
 * The words prose may use for a term: the term itself and what its brackets hold. "state space
 * model (SSM)" → state space model, SSM; "記憶矩陣（memory matrix）" → 記憶矩陣, memory matrix.
 * A single Chinese character (鍵, 值) is left out: it is part of too many other words.
 */
export function termForms(term: string): string[] {
  const plain = plainTerm(term);
  const bracket = /[（(]([^）)]*)[）)]/g;
  const inside = [...plain.matchAll(bracket)].flatMap((m) => m[1].split(/[，,]/));
  const outside = plain.replace(bracket, ' ');
  const forms = [outside, ...inside].map((f) => f.replace(/\s+/g, ' ').trim()).filter((f) => f && !(isCjk(f) && [...f].length < 2));
  return [...new Set(forms)];
}
