// Mark the first use of each glossary term in rendered prose. A pure function over the HTML that
// marked + KaTeX produce: text inside code, math, headings, links and buttons is left alone, the
// longest term wins where two overlap, and a term already marked (in `used`) is not marked again.
// The only markup it adds is a <button class="gloss-term" data-term="key">, whose text is the
// prose's own (already escaped) text, so it adds nothing a sanitiser would need to remove.
import { isCjk } from './parse';

export interface MatchTerm {
  key: string;
  forms: string[];
}

const SKIP_TAGS = new Set(['code', 'pre', 'kbd', 'samp', 'a', 'button', 'summary', 'option', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'math', 'svg', 'script', 'style', 'textarea', 'select', 'label']);
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TOKEN = /<!--[\s\S]*?-->|<[^>]*>|[^<]+/g;
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(\/?)>$/;
const WORD_CHAR = '[\\p{L}\\p{N}_]';

/** Words of a form may be split by a line break or joined by a hyphen ("state-space model"). */
function escapeForm(form: string): string {
  return form
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\u2010-]+');
}

/** One pattern per form: Latin ends are whole words (a plural s/es allowed), Chinese is matched as written. */
function formPattern(form: string): string {
  const latinStart = !isCjk(form[0]);
  const latinEnd = !isCjk(form[form.length - 1]);
  return `${latinStart ? `(?<!${WORD_CHAR})` : ''}(${escapeForm(form)}${latinEnd ? `(?:e?s)?(?!${WORD_CHAR})` : ''})`;
}

/** The matcher for a glossary: longest form first, and which term each capture group belongs to. */
export function compileTerms(terms: readonly MatchTerm[]): { re: RegExp; keyOfGroup: string[] } | null {
  const forms = terms.flatMap((t) => t.forms.map((form) => ({ key: t.key, form })));
  if (forms.length === 0) return null;
  forms.sort((a, b) => [...b.form].length - [...a.form].length);
  return { re: new RegExp(forms.map((f) => formPattern(f.form)).join('|'), 'giu'), keyOfGroup: forms.map((f) => f.key) };
}

function button(key: string, text: string): string {
  return `<button type="button" class="gloss-term" data-term="${key}" aria-expanded="false">${text}</button>`;
}

function markText(text: string, matcher: NonNullable<ReturnType<typeof compileTerms>>, used: Set<string>): string {
  const { re, keyOfGroup } = matcher;
  re.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const key = keyOfGroup[group - 1];
    if (used.has(key)) continue;
    used.add(key);
    out += text.slice(from, m.index) + button(key, m[0]);
    from = m.index + m[0].length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Wrap the first use of each term in `html` in a glossary button. `used` holds the keys already
 * marked earlier in the same chapter; it is not changed, and the keys used after this part are returned.
 */
export function markTerms(html: string, terms: readonly MatchTerm[], used: ReadonlySet<string> = new Set()): { html: string; used: Set<string> } {
  const done = new Set(used);
  const matcher = compileTerms(terms);
  if (!matcher) return { html, used: done };
  const stack: { name: string; skip: boolean }[] = [];
  let out = '';
  for (const [token] of html.matchAll(TOKEN)) {
    if (token[0] !== '<') {
      out += stack.at(-1)?.skip ? token : markText(token, matcher, done);
      continue;
    }
    out += token;
    const tag = TAG.exec(token);
    if (!tag) continue; // a comment or a doctype
    const [, closing, rawName, attrs, selfClosing] = tag;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (selfClosing || VOID_TAGS.has(name)) continue;
    const katex = /\bclass\s*=\s*["'][^"']*\bkatex/.test(attrs);
    stack.push({ name, skip: (stack.at(-1)?.skip ?? false) || SKIP_TAGS.has(name) || katex });
  }
  return { html: out, used: done };
}
