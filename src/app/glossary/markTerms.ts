// Mark the first use of each glossary term in rendered prose. A pure function over the HTML that
// marked + KaTeX produce: text inside code, math, headings, links and buttons is left alone, the
// longest term wins where two overlap, and a term already marked (in `used`) is not marked again.
// The only markup it adds is a <button class="gloss-term" data-term="key">, whose text is the
// prose's own (already escaped) text, so it adds nothing a sanitiser would need to remove.
import { termButton, type TermMark } from './marks';
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
  const latinEnd = !isCjk(form[form.length - 1]);
  return `(${escapeForm(form)}${latinEnd ? `(?:e?s)?(?!${WORD_CHAR})` : ''})`;
}

type Matcher = { re: RegExp; keyOfGroup: string[] };
const compiled = new WeakMap<readonly MatchTerm[], Matcher | null>();

/**
 * The matcher for a glossary: longest form first, and which term each capture group belongs to.
 * Forms that start with a Latin letter share one word-start check: tried once per position instead
 * of once per form, which made marking a chapter's prose slow. A Latin and a Chinese form never start
 * at the same character, so splitting them keeps "longest first" wherever two could overlap.
 */
export function compileTerms(terms: readonly MatchTerm[]): Matcher | null {
  const known = compiled.get(terms);
  if (known !== undefined) return known;
  const forms = terms.flatMap((t) => t.forms.map((form) => ({ key: t.key, form })));
  forms.sort((a, b) => [...b.form].length - [...a.form].length);
  const latin = forms.filter((f) => !isCjk(f.form[0]));
  const cjk = forms.filter((f) => isCjk(f.form[0]));
  const alternatives = [
    ...(latin.length ? [`(?<!${WORD_CHAR})(?:${latin.map((f) => formPattern(f.form)).join('|')})`] : []),
    ...(cjk.length ? [cjk.map((f) => formPattern(f.form)).join('|')] : []),
  ];
  const matcher = forms.length === 0 ? null : { re: new RegExp(alternatives.join('|'), 'giu'), keyOfGroup: [...latin, ...cjk].map((f) => f.key) };
  compiled.set(terms, matcher);
  return matcher;
}

/** Marks the first use of each term in one text node, at `offset` in the whole HTML (pushed onto `marks`). */
function markText(text: string, offset: number, matcher: Matcher, used: Set<string>, marks: TermMark[]): string {
  const { re, keyOfGroup } = matcher;
  re.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const key = keyOfGroup[group - 1];
    if (used.has(key)) continue;
    used.add(key);
    marks.push([offset + m.index, offset + m.index + m[0].length, key]);
    out += text.slice(from, m.index) + termButton(key, m[0]);
    from = m.index + m[0].length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Wrap the first use of each term in `html` in a glossary button. `used` holds the keys already
 * marked earlier in the same chapter; it is not changed, and the keys used after this part are returned,
 * with where each button goes in `html` (marks.ts: the build ships the positions, the page the buttons).
 */
export function markTerms(
  html: string,
  terms: readonly MatchTerm[],
  used: ReadonlySet<string> = new Set(),
): { html: string; used: Set<string>; marks: TermMark[] } {
  const done = new Set(used);
  const marks: TermMark[] = [];
  const matcher = compileTerms(terms);
  if (!matcher) return { html, used: done, marks };
  const stack: { name: string; skip: boolean }[] = [];
  let out = '';
  for (const { 0: token, index } of html.matchAll(TOKEN)) {
    if (token[0] !== '<') {
      out += stack.at(-1)?.skip ? token : markText(token, index, matcher, done, marks);
      continue;
    }
    out += token;
    const tag = TAG.exec(token);
    if (!tag) continue; // a comment or a doctype
    const [, closing, rawName, attrs, selfClosing] = tag;
    const name = rawName.toLowerCase();
    if (closing) {
      let at = stack.length - 1; // the innermost open element of that name (KaTeX nests thousands of spans)
      while (at >= 0 && stack[at].name !== name) at--;
      if (at >= 0) stack.length = at;
      continue;
    }
    if (selfClosing || VOID_TAGS.has(name)) continue;
    const skip = (stack.at(-1)?.skip ?? false) || SKIP_TAGS.has(name) || /\bclass\s*=\s*["'][^"']*\bkatex/.test(attrs);
    stack.push({ name, skip });
  }
  return { html: out, used: done, marks };
}
