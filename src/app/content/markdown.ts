// Chapter prose is Markdown with $…$ / $$…$$ math, kept in content/<lang>/. marked parses the
// Markdown; KaTeX renders the math at load time, so no math fonts or scripts come from the network.
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

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}
