// Every table of interface words, found without a list: each key exists in both languages with the
// same {placeholders}, and 繁體中文 is really translated (no English sentence copied over). A table
// is found by its file name (*.strings.ts, a chapter folder's strings.ts, or the mechanism glossary
// *Strings.ts), and a second check makes sure no defineStrings call hides in a file of another name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from './index';
import { defineStrings, type Localized } from './define';
import { mechanismStrings } from '../mechanismStrings';

const modules = import.meta.glob<Record<string, unknown>>(['/src/**/*.strings.ts', '/src/**/strings.ts', '/src/**/*Strings.ts'], { eager: true });

type Tree = { [k: string]: string | Tree };

function isTable(x: unknown): x is Localized<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const keys = Object.keys(x).sort();
  return keys.length === LANGS.length && [...LANGS].sort().every((l, i) => keys[i] === l);
}

function leaves(tree: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]];
  return Object.entries(tree as Tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const holes = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort().join(' ');

/** What is wrong with one table: keys missing in a language, non-strings, placeholders that differ. */
export function tableProblems(table: Localized<unknown>): string[] {
  const [first, ...rest] = LANGS;
  const base = new Map(leaves(table[first]));
  const problems: string[] = [];
  for (const lang of LANGS)
    for (const [k, v] of leaves(table[lang])) if (typeof v !== 'string' || v.length === 0) problems.push(`${lang} ${k}: not a word (${String(v)})`);
  for (const lang of rest) {
    const other = new Map(leaves(table[lang]));
    for (const k of base.keys()) if (!other.has(k)) problems.push(`${lang} ${k}: missing`);
    for (const k of other.keys()) if (!base.has(k)) problems.push(`${first} ${k}: missing`);
    for (const [k, v] of base) {
      const w = other.get(k);
      if (typeof v === 'string' && typeof w === 'string' && holes(v) !== holes(w)) problems.push(`${lang} ${k}: placeholders "${holes(w)}", ${first} has "${holes(v)}"`);
    }
  }
  return problems;
}

/** The glossary's mechanism words, every language. A name that is the same in both (RetNet, Mamba-2) is
 * not an untranslated copy, and no other table may spell one out: it takes it from the glossary. */
const glossaryWords = (lang: (typeof LANGS)[number]) => leaves(mechanismStrings[lang]).map(([, v]) => String(v));
const GLOSSARY_NAMES = new Set(LANGS.flatMap((lang) => leaves(mechanismStrings[lang]).filter(([k]) => k.endsWith('.name')).map(([, v]) => String(v))));
const SAME_IN_BOTH = new Set(glossaryWords('en').filter((w) => glossaryWords('zh-TW').includes(w)));

/** English sentences copied unchanged into 繁體中文, less those the same on purpose. */
function copied(name: string, table: Localized<unknown>): string[] {
  const zh = new Map(leaves(table['zh-TW']));
  return leaves(table.en)
    .filter(([k, v]) => typeof v === 'string' && zh.get(k) === v && !SAME_IN_BOTH.has(v) && !SAME_ON_PURPOSE.test(`${name}:${k}`) && /[a-z]{4,}/i.test(v.replace(/\{\w+\}/g, '')))
    .map(([k]) => `${name}:${k}`);
}

// Words that are the same in both languages on purpose: formulas, symbols, product names, and the
// step-track templates of chapter 8 ("who→place", "who?").
const SAME_ON_PURPOSE = new RegExp(
  [
    String.raw`^runStrings:backends\.webgpu$`,
    String.raw`^figureStrings:(memory\.(q|k|v|beta)|equivalence\.backends\.webgpu)$`,
    String.raw`^ch03Strings:(overlap|contribution|key|query|value)$`,
    String.raw`^labStrings:\w+Formula$`,
    String.raw`^siteStrings:scrollFrame\.formula$`,
    String.raw`^ch08Strings:(step\.(old|target|error)|token)$`,
  ].join('|'),
);

const tables: Array<[string, Localized<unknown>]> = Object.values(modules).flatMap((exports) =>
  Object.entries(exports)
    .filter(([, value]) => isTable(value))
    .map(([name, value]) => [name, value as Localized<unknown>] as [string, Localized<unknown>]),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [path] : [];
  });
}

describe('interface word tables', () => {
  it('are all found: every file that calls defineStrings is one the glob reads', () => {
    const defining = sourceFiles('src')
      .filter((f) => !f.endsWith(join('i18n', 'define.ts')) && /\bdefineStrings\(/.test(readFileSync(f, 'utf8')))
      .map((f) => `/${f.split('\\').join('/')}`)
      .sort();
    expect(defining.length).toBeGreaterThan(10);
    expect(defining).toEqual(Object.keys(modules).sort());
  });

  it('are each exported from their file (one table per defineStrings call)', () => {
    const calls = Object.keys(modules).reduce((n, f) => n + (readFileSync(f.slice(1), 'utf8').match(/\bdefineStrings\(/g) ?? []).length, 0);
    expect(tables.length).toBe(calls);
  });

  for (const [name, table] of tables)
    describe(name, () => {
      it('has every key in both languages, with the same {placeholders}', () => {
        expect(tableProblems(table)).toEqual([]);
      });
      it('is translated: no English sentence is copied into 繁體中文', () => {
        expect(copied(name, table)).toEqual([]);
      });
    });

  it('spell no mechanism name of their own: names come from the glossary (mechanismStrings.ts)', () => {
    const quoted = (file: string) => [...readFileSync(file, 'utf8').matchAll(/'([^'\\]*)'/g)].map((m) => m[1]);
    const spelled = Object.keys(modules)
      .filter((f) => !f.endsWith('/mechanismStrings.ts'))
      .flatMap((f) => quoted(f.slice(1)).filter((q) => GLOSSARY_NAMES.has(q)).map((q) => `${f}: '${q}'`));
    expect(GLOSSARY_NAMES.size).toBeGreaterThan(10);
    expect(spelled).toEqual([]);
  });

  it('the check fails on a missing key, a lost placeholder and an empty word (a table built wrong on purpose)', () => {
    const wrong = defineStrings({ a: 'step {t} of {T}', b: { c: 'one' } }, { a: '第 {t} 步', b: { c: '' } }) as Localized<unknown>;
    (wrong['zh-TW'] as Record<string, unknown>).extra = '多';
    delete ((wrong['zh-TW'] as Record<string, Record<string, unknown>>).b as Record<string, unknown>).c;
    expect(tableProblems(wrong).sort()).toEqual(['en extra: missing', 'zh-TW a: placeholders "{t}", en has "{T} {t}"', 'zh-TW b.c: missing'].sort());
    const empty = defineStrings({ a: 'one' }, { a: '' }) as Localized<unknown>;
    expect(tableProblems(empty)).toEqual(['zh-TW a: not a word ()']);
  });
});
