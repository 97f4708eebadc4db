// The glossary as the pages use it: each language's table, made at build time (buildGlossary.ts,
// through build/prose-plugin.ts). Loaded once per language.
import { glossaries } from 'virtual:prose';
import type { Lang } from '../i18n';
import type { Glossary } from './buildGlossary';
import { loadSanitizer } from '../../viz/safeHtml';

export type { Glossary, GlossaryEntry } from './buildGlossary';

async function build(lang: Lang): Promise<Glossary> {
  const load = glossaries[lang];
  if (!load) throw new Error(`missing content file content/${lang}/glossary.md`);
  // Its HTML is set through the sanitiser (safeHtml.tsx): fetched beside it, the table shows in one render.
  const [table] = await Promise.all([load(), loadSanitizer()]);
  return table.default;
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
