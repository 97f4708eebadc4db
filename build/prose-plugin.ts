// Renders the prose at build time: content/<lang>/<id>.md becomes one small module per part (before
// and after the figure, or the whole file) holding its HTML and its glossary marks, and glossary.md a
// module holding the table. src/app/content/buildProse.ts does the rendering with the site's own
// renderer (marked + KaTeX + the term macros), loaded through Vite's module runner as the tests load
// it (it reads the colour tokens with a ?raw import). The page imports `virtual:prose`: the loaders
// of the parts each file has. The same runs under the dev server and Vitest; a change to the
// renderer's code needs a restart of the dev server, a change to a content file does not.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type * as BuildProse from '../src/app/content/buildProse';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTENT = join(ROOT, 'content');
const VIRTUAL = 'virtual:prose';
const RESOLVED = `\0${VIRTUAL}`;
/** content/<lang>/<id>.md?prose=<part>, and content/<lang>/glossary.md?glossary (the dev server adds `import&`). */
const PART_ID = /\/content\/([^/?]+)\/([^/?]+)\.md\?(?:[^#]*&)?prose=(all|before|after)(?:&|$)/;
const GLOSSARY_ID = /\/content\/([^/?]+)\/glossary\.md\?(?:[^#]*&)?glossary(?:&|$)/;

const read = (lang: string, id: string) => readFileSync(join(CONTENT, lang, `${id}.md`), 'utf8');

export function prose(): Plugin {
  let renderer: Promise<typeof BuildProse> | null = null;
  const load = () =>
    (renderer ??= runnerImport<typeof BuildProse>('/src/app/content/buildProse.ts', { configFile: false, root: ROOT, logLevel: 'error' }).then((r) => r.module));
  // Every part of a language is marked with its glossary: made once per version of the two tables.
  const tables = new Map<string, Promise<ReturnType<typeof BuildProse.buildGlossary>>>();
  const glossary = (lang: string) => {
    const sources = [read('en', 'glossary'), read(lang, 'glossary')] as const;
    const key = `${lang}\0${sources.join('\0')}`;
    let table = tables.get(key);
    if (!table) tables.set(key, (table = load().then((b) => b.buildGlossary(lang, ...sources))));
    return table;
  };

  /** { 'en/ch02-linear-attention': { before: () => import(…), after: … }, … } and the glossaries, by language. */
  async function index(): Promise<string> {
    const { partsOf, topHasMath } = await load();
    const files: string[] = [];
    const formulaTops: string[] = [];
    const glossaries: string[] = [];
    for (const lang of readdirSync(CONTENT).sort())
      for (const file of readdirSync(join(CONTENT, lang)).filter((f) => f.endsWith('.md')).sort()) {
        const id = file.slice(0, -'.md'.length);
        const path = `/content/${lang}/${file}`;
        if (id === 'glossary') {
          glossaries.push(`${JSON.stringify(lang)}: () => import(${JSON.stringify(`${path}?glossary`)})`);
          continue;
        }
        const source = read(lang, id);
        if (topHasMath(source)) formulaTops.push(`${lang}/${id}`);
        const parts = partsOf(source).map((p) => `${p}: () => import(${JSON.stringify(`${path}?prose=${p}`)})`);
        files.push(`${JSON.stringify(`${lang}/${id}`)}: { ${parts.join(', ')} }`);
      }
    return `export const prose = {\n${files.join(',\n')}\n};\nexport const glossaries = {\n${glossaries.join(',\n')}\n};\nexport const formulaTops = new Set(${JSON.stringify(formulaTops)});\n`;
  }

  return {
    name: 'memory-lane-prose',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : undefined),
    async load(id) {
      if (id === RESOLVED) {
        this.addWatchFile(CONTENT);
        return index();
      }
      const part = PART_ID.exec(id);
      if (part) {
        const [, lang, name, which] = part;
        this.addWatchFile(join(CONTENT, lang, `${name}.md`));
        this.addWatchFile(join(CONTENT, lang, 'glossary.md'));
        const { renderPart } = await load();
        try {
          const rendered = renderPart(read(lang, name), which as 'all' | 'before' | 'after', (await glossary(lang)).entries);
          return `export default ${JSON.stringify(rendered)};`;
        } catch (e) {
          throw new Error(`content/${lang}/${name}.md: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const table = GLOSSARY_ID.exec(id);
      if (table) {
        const [, lang] = table;
        this.addWatchFile(join(CONTENT, lang, 'glossary.md'));
        this.addWatchFile(join(CONTENT, 'en', 'glossary.md'));
        return `export default ${JSON.stringify(await glossary(lang))};`;
      }
      return undefined;
    },
  };
}
