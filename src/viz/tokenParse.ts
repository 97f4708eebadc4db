// Reads src/styles/tokens.css, the one home of the site's colours: each block's custom properties,
// their values and the role written in the comment after each (text, graphic, surface, decor).
// Pure, so the app (through tokens.ts), the tests and the Node scripts share one parser.

export type TokenRole = 'text' | 'graphic' | 'surface' | 'decor';

export interface TokenDecl {
  value: string;
  role: TokenRole;
  /** For text drawn on one particular surface ("text on --accent"): that surface's token. */
  on?: string;
}

export interface TokenSheet {
  /** The :root block: every token's default value. */
  root: ReadonlyMap<string, TokenDecl>;
  /** Other blocks (e.g. `html.presenting`), each overriding some of the root tokens. */
  themes: ReadonlyMap<string, ReadonlyMap<string, TokenDecl>>;
}

const ROLES: readonly TokenRole[] = ['text', 'graphic', 'surface', 'decor'];

/** Parses the tokens file; throws on a declaration without a known role, so none goes unchecked. */
export function parseTokens(css: string): TokenSheet {
  const blocks = new Map<string, Map<string, TokenDecl>>();
  const blockRe = /([^{}]+)\{([^{}]*)\}/g;
  const noComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '');
  for (let b = blockRe.exec(css); b; b = blockRe.exec(css)) {
    const selector = noComments(b[1]).trim();
    const decls = new Map<string, TokenDecl>();
    const declRe = /(--[\w-]+)\s*:\s*([^;]+);[ \t]*(?:\/\*\s*([\s\S]*?)\*\/)?/g;
    for (let d = declRe.exec(b[2]); d; d = declRe.exec(b[2])) {
      const [, name, value, comment = ''] = d;
      const role = ROLES.find((r) => new RegExp(`^${r}\\b`).test(comment.trim()));
      if (!role) throw new Error(`${name} in ${selector} has no role comment (/* text | graphic | surface | decor */)`);
      const on = /^text on (--[\w-]+)/.exec(comment.trim())?.[1];
      decls.set(name, { value: value.trim(), role, ...(on ? { on } : {}) });
    }
    blocks.set(selector, decls);
  }
  const root = blocks.get(':root');
  if (!root) throw new Error('the tokens file has no :root block');
  blocks.delete(':root');
  return { root, themes: blocks };
}

/** A theme's tokens: the root values with the theme's overrides (the root alone for ':root'). */
export function themeValues(sheet: TokenSheet, theme = ':root'): Map<string, TokenDecl> {
  const out = new Map(sheet.root);
  for (const [k, v] of sheet.themes.get(theme) ?? []) out.set(k, v);
  return out;
}
