import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaryKeys, parseGlossary, plainTerm, termForms, termKey } from './parse';

const read = (lang: string) => readFileSync(`content/${lang}/glossary.md`, 'utf8');

describe('parseGlossary', () => {
  it('reads the intro and every row of a Term | Meaning table', () => {
    const table = parseGlossary('Intro line.\n\n| Term | Meaning |\n|---|---|\n| key $\\kk$ | Where a value goes. |\n| a \\| b | Bar. |\n\nAfter.');
    expect(table.intro).toBe('Intro line.');
    expect(table.rows).toEqual([
      { term: 'key $\\kk$', meaning: 'Where a value goes.' },
      { term: 'a | b', meaning: 'Bar.' },
    ]);
  });

  it('says so when there is no table', () => {
    expect(() => parseGlossary('no table here')).toThrow(/no Term \| Meaning table/);
  });

  it('gives both shipped glossaries the same number of entries, and the English one 34 distinct keys', () => {
    const en = parseGlossary(read('en'));
    const zh = parseGlossary(read('zh-TW'));
    expect(en.rows.length).toBe(34);
    expect(zh.rows.length).toBe(en.rows.length);
    const keys = glossaryKeys(en);
    expect(new Set(keys).size).toBe(34);
    expect(keys.slice(0, 3)).toEqual(['memory-matrix', 'state', 'key']);
    expect(keys).toContain('state-space-model-ssm');
    expect(keys).toContain('kv-cache');
    expect(keys.at(-1)).toBe('equivalence-badge');
  });

  it('has rows in the same order in both languages (each Chinese term names its English one)', () => {
    const en = parseGlossary(read('en')).rows.map((r) => plainTerm(r.term).toLowerCase());
    const zh = parseGlossary(read('zh-TW')).rows.map((r) => plainTerm(r.term).toLowerCase());
    // "狀態空間模型（state space model，SSM）" carries "state space model"; "delta rule" is the term itself.
    zh.forEach((term, i) => expect(term.replace(/，/g, ' ')).toContain(en[i].replace(/\s*\(.*\)/, '')));
  });

  it('rejects two terms with the same key', () => {
    expect(() => glossaryKeys({ intro: '', rows: [{ term: 'Key', meaning: '' }, { term: 'key $k$', meaning: '' }] })).toThrow(/share the key "key"/);
  });
});

describe('termKey and termForms', () => {
  it('makes keys from the English words only', () => {
    expect(termKey('memory matrix $S$')).toBe('memory-matrix');
    expect(termKey('write strength $\\bet$')).toBe('write-strength');
    expect(termKey('state space model (SSM)')).toBe('state-space-model-ssm');
  });

  it('lists the term and its bracketed names, without math or single Chinese characters', () => {
    expect(termForms('state space model (SSM)')).toEqual(['state space model', 'SSM']);
    expect(termForms('記憶矩陣（memory matrix）$S$')).toEqual(['記憶矩陣', 'memory matrix']);
    expect(termForms('狀態空間模型（state space model，SSM）')).toEqual(['狀態空間模型', 'state space model', 'SSM']);
    expect(termForms('鍵（key）$\\kk$')).toEqual(['key']);
    expect(termForms('softmax 注意力（softmax attention）')).toEqual(['softmax 注意力', 'softmax attention']);
  });
});
