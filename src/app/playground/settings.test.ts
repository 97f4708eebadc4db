import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../core/limits';
import { playgroundStrings } from './playground.strings';
import { DEFAULT_SETTINGS, parseSettings, printSettings, setSetting } from './settings';

describe('playground settings in the link', () => {
  it('round-trips every field', () => {
    const s = { ...DEFAULT_SETTINGS, mechanism: 'gated_deltanet' as const, seed: 42, T: 100, dk: 16, dv: 8, chunk: 7, preset: 'one-hot' as const, gate: 0.75, beta: 0.25 };
    expect(printSettings(s)).toBe('m:gated_deltanet,seed:42,T:100,dk:16,dv:8,C:7,preset:one-hot,gate:0.75,beta:0.25');
    expect(parseSettings(printSettings(s))).toEqual({ settings: s, notes: [] });
  });

  it('no link: the defaults, quietly', () => {
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, notes: [] });
    expect(parseSettings('')).toEqual({ settings: DEFAULT_SETTINGS, notes: [] });
  });

  it('clamps what is out of range and says so', () => {
    const { settings, notes } = parseSettings('T:5000,dk:0,C:9999,gate:2');
    expect([settings.T, settings.dk, settings.chunk, settings.gate]).toEqual([1024, 1, 1024, 1]);
    expect(notes).toEqual([
      { kind: 'clamped', name: 'T', raw: '5000', value: '1024', allowed: '1…1024' },
      { kind: 'clamped', name: 'dk', raw: '0', value: '1', allowed: '1…64' },
      { kind: 'clamped', name: 'chunk', raw: '9999', value: '1024', allowed: '1…1024' },
      { kind: 'clamped', name: 'gate', raw: '2', value: '1', allowed: '0.05…1' },
    ]);
  });

  it('rejects nonsense (the default stays) and ignores unknown keys, with a note each', () => {
    const { settings, notes } = parseSettings('m:lstm,T:abc,beta:NaN,seed:1.5,zoom:3,oops,preset:<script>');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notes.map((n) => [n.kind, n.name])).toEqual([
      ['unknown', 'zoom:3'],
      ['unknown', 'oops'],
      ['rejected', 'mechanism'],
      ['rejected', 'seed'],
      ['rejected', 'T'],
      ['rejected', 'preset'],
      ['rejected', 'beta'],
    ]);
    expect(notes[2]).toMatchObject({ raw: 'lstm', value: 'linear_attention' });
  });

  it('a short T without a chunk fits the chunk silently', () => {
    expect(parseSettings('T:2')).toEqual({ settings: { ...DEFAULT_SETTINGS, T: 2, chunk: 2 }, notes: [] });
  });

  it('values typed into the page are checked the same way', () => {
    const a = setSetting(DEFAULT_SETTINGS, 'T', '2000');
    expect(a.settings.T).toBe(1024);
    expect(a.note).toMatchObject({ kind: 'clamped', name: 'T', value: '1024' });
    const b = setSetting(DEFAULT_SETTINGS, 'T', '2');
    expect(b).toEqual({ settings: { ...DEFAULT_SETTINGS, T: 2, chunk: 2 } });
    const c = setSetting(DEFAULT_SETTINGS, 'dv', 'four');
    expect(c.settings).toBe(DEFAULT_SETTINGS);
    expect(c.note).toMatchObject({ kind: 'rejected', name: 'dv', value: '4' });
  });

  // Found by settings.property.test.ts: a rejected chunk used to leave the default chunk (3) above T.
  it('a rejected chunk keeps the default fitted to the link\'s T', () => {
    expect(parseSettings('T:0,C:')).toEqual({
      settings: { ...DEFAULT_SETTINGS, T: 1, chunk: 1 },
      notes: [
        { kind: 'clamped', name: 'T', raw: '0', value: '1', allowed: '1…1024' },
        { kind: 'rejected', name: 'chunk', raw: '', value: '1', allowed: '1…1' },
      ],
    });
  });

  it('the limits the page states in words (its strings and its lead, content/<lang>/playground.md) are the table\'s (src/core/limits.ts), in both languages', () => {
    for (const lang of ['en', 'zh-TW'] as const) {
      const ui = playgroundStrings[lang];
      expect(ui.inputs.limits).toContain(String(LIMITS.maxT));
      expect(ui.inputs.limits).toContain(String(LIMITS.maxDim));
      expect(readFileSync(`content/${lang}/playground.md`, 'utf8')).toContain(String(LIMITS.maxT));
    }
  });
});
