// Chapters 6 and 8 show the same trained task through different memories: each has its own prose,
// about its own model, with the held-out accuracies exactly as public/models/manifest.json has them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../chapters/registry';
import { hasContent, trainedProseId } from './loadContent';

const LANGS = ['en', 'zh-TW'] as const;
const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as { models: { id: string; accuracy: Record<string, number> }[] };
const accuracy = (id: string) => manifest.models.find((m) => m.id === id)?.accuracy ?? {};
const prose = (lang: string, id: string) => readFileSync(`content/${lang}/${id}.md`, 'utf8');
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 80);

describe('the trained-model prose', () => {
  const gates = CHAPTERS.find((c) => c.slug === 'gates')!;
  const delta = CHAPTERS.find((c) => c.slug === 'deltanet')!;
  it('every chapter with a trained panel has its prose in both languages', () => {
    for (const c of CHAPTERS) if (c.trained) for (const lang of LANGS) expect(hasContent(lang, trainedProseId(c.trained.task, c.slug)), `${c.slug} ${lang}`).toBe(true);
  });
  it('chapters 6 and 8 do not share a paragraph word for word', () => {
    const a = trainedProseId(gates.trained!.task, gates.slug);
    const b = trainedProseId(delta.trained!.task, delta.slug);
    expect(a).not.toBe(b);
    for (const lang of LANGS) {
      const shared = paragraphs(prose(lang, a)).filter((p) => paragraphs(prose(lang, b)).includes(p) && !/seed|種子/.test(p));
      expect(shared, lang).toEqual([]);
    }
  });
  it('each speaks of its own model, with its numbers from the manifest', () => {
    const ch6 = prose('en', trainedProseId('story', 'gates'));
    const ch8 = prose('en', trainedProseId('story', 'deltanet'));
    expect(gates.trained!.model).toBe('mamba2');
    expect(delta.trained!.model).toBe('deltanet');
    const m2 = accuracy('story/mamba2');
    expect(ch6).toContain(`Mamba-2 layer answers ${Math.round(m2['2'] * 100)}% of the`);
    expect(ch6).toContain(`${Math.round(m2['8'] * 100)}% with eight and ${Math.round(m2['16'] * 100)}% with sixteen`);
    const dn = accuracy('story/deltanet');
    expect(Object.values(dn).every((x) => x === 1)).toBe(true);
    expect(ch8).toContain('DeltaNet answers every held-out story');
    const la = accuracy('story/linear_attention');
    for (const text of [ch6, ch8]) expect(text).toContain(`${Math.round(la['4'] * 100)}% with four moves, ${Math.round(la['8'] * 100)}% with eight and ${Math.round(la['16'] * 100)}% with sixteen`);
    for (const [lang, text] of LANGS.map((l) => [l, prose(l, trainedProseId('story', 'gates'))] as const)) expect(text, lang).toMatch(/Mamba-2/);
    for (const [lang, text] of LANGS.map((l) => [l, prose(l, trainedProseId('story', 'deltanet'))] as const)) expect(text, lang).toMatch(/DeltaNet/);
  });
});
