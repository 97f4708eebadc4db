// The module build/prose-plugin.ts writes: the loaders of the prose rendered at build time.
declare module 'virtual:prose' {
  type Load<T> = () => Promise<{ default: T }>;
  /** 'en/ch02-linear-attention' → its parts: 'before' and 'after' where it has a figure mark, else 'all'. */
  export const prose: Record<string, Partial<Record<'all' | 'before' | 'after', Load<import('./buildProse').RenderedPart>>>>;
  /** The glossary table of each language. */
  export const glossaries: Record<string, Load<import('../glossary/buildGlossary').Glossary>>;
  /** 'en/ch04-capacity', …: the files whose first painted part has math (set in KaTeX's fonts). */
  export const formulaTops: ReadonlySet<string>;
}
