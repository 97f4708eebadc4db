// Chapter prose is Markdown with $…$ / $$…$$ math, kept in content/<lang>/. marked parses the
// Markdown; KaTeX renders the math. Both run at build time (build/prose-plugin.ts): the page gets HTML.
import katex from 'katex';
import { Marked, type TokenizerAndRendererExtension } from 'marked';
import { katexMacros } from '../../viz/katexMacros';
import { termMacros, termStrict, termTrust } from '../terms/katex';

function mathExtension(display: boolean): TokenizerAndRendererExtension {
  const fence = display ? '$$' : '$';
  return {
    name: display ? 'displayMath' : 'inlineMath',
    level: display ? 'block' : 'inline',
    start: (src: string) => src.indexOf(fence),
    tokenizer(src: string) {
      const re = display ? /^\$\$([\s\S]+?)\$\$/ : /^\$((?:\\\$|[^$\n])+?)\$/;
      const m = re.exec(src);
      if (!m) return undefined;
      return { type: display ? 'displayMath' : 'inlineMath', raw: m[0], text: m[1].trim() };
    },
    renderer(token) {
      return katex.renderToString(String(token.text), {
        displayMode: display,
        throwOnError: false,
        macros: { ...katexMacros, ...termMacros },
        trust: termTrust,
        strict: termStrict,
        output: 'htmlAndMathml',
      });
    },
  };
}

const marked = new Marked({ extensions: [mathExtension(true), mathExtension(false)] });

/**
 * A line break between two CJK characters (Han, CJK and full-width punctuation), with the indentation
 * after it (a list item's continuation).
 */
const CJK_LINE_BREAK = /([\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])\n[ \t]*(?=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])/g;

export function renderMarkdown(source: string): string {
  // A source line broken between two Chinese characters would read as a space on the page (HTML turns
  // a line break into one); Chinese sets no space between words, so the break is taken out. And a
  // number keeps its per cent sign on its line ("90 %" never wraps as "90 / %" on a phone).
  return marked.parse(source.replace(CJK_LINE_BREAK, '$1').replace(/(\d) %/g, '$1\u00a0%'), { async: false });
}

/**
 * The HTML a source writes itself, comments aside (the figure and held marks): prose rendered at build
 * time is set without the sanitiser (src/viz/safeHtml.tsx), so the build refuses any (build/prose-plugin.ts).
 */
export function rawHtml(source: string): string[] {
  const found: string[] = [];
  marked.walkTokens(marked.lexer(source), (t) => {
    if (t.type === 'html' && !/^\s*<!--[\s\S]*?-->\s*$/.test(t.raw)) found.push(t.raw.trim());
  });
  return found;
}

/** Whether a source has math ($…$ or $$…$$): its HTML then sets letters in KaTeX's fonts. */
export function hasMath(source: string): boolean {
  let found = false;
  marked.walkTokens(marked.lexer(source), (t) => {
    if (t.type === 'inlineMath' || t.type === 'displayMath') found = true;
  });
  return found;
}
