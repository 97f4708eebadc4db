// The chapters' own link parameters: good text round-trips, bad text is repaired or refused with a
// problem code (never thrown), and over-long text is refused before it is parsed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORY, MAX_FACTS } from '../../core/story';
import { TOKENS } from '../../core/tokenGates';
import { storyParam, symbolList, text } from './linkSchemas';
import { optional, readParam } from './schema';

const tokens = symbolList(TOKENS, 'otsdxc', { min: 1, max: 16 });
const story = storyParam();

describe('symbolList (chapter 6 tokens)', () => {
  it('writes one letter per token and reads it back', () => {
    expect(tokens.format(['●', '▲', '⟲', '★'])).toBe('otcx');
    expect(tokens.parse('otcx')).toEqual({ ok: true, value: ['●', '▲', '⟲', '★'] });
  });
  it('drops unknown letters and says which', () => {
    expect(tokens.parse('o?t')).toEqual({ ok: true, value: ['●', '▲'], problem: { code: 'unknown-item', values: { item: '?', choices: 'o, t, s, d, x, c' } } });
  });
  it('refuses a sequence with no known token, or too long a one', () => {
    expect(tokens.parse('zz')).toMatchObject({ ok: false, problem: { code: 'unknown-item' } });
    expect(readParam(tokens, 'o'.repeat(17))).toMatchObject({ ok: false, problem: { code: 'too-long', values: { max: '16' } } });
    expect(readParam(optional(tokens), 'o'.repeat(17))).toMatchObject({ ok: false, problem: { code: 'too-long' } });
  });
});

describe('storyParam (chapter 8)', () => {
  it('round-trips the default story', () => {
    const written = story.format(DEFAULT_STORY);
    expect(written).toBe('jg,mo,jb,mk,jk_j');
    expect(story.parse(written)).toEqual({ ok: true, value: DEFAULT_STORY });
  });
  it('reads an empty story and a story without a question', () => {
    expect(story.parse('_m')).toEqual({ ok: true, value: { facts: [], question: 'mary' } });
    expect(story.parse('dr')).toEqual({ ok: true, value: { facts: [{ entity: 'dan', place: 'bedroom' }], question: 'joe' } });
  });
  it('drops an unknown fact or question and says so', () => {
    expect(story.parse('jg,zz,fo_q')).toEqual({
      ok: true,
      value: { facts: [{ entity: 'joe', place: 'garden' }, { entity: 'fred', place: 'office' }], question: 'joe' },
      problem: { code: 'unknown-item', values: { item: 'zz', choices: '[jmfd][gkobr]' } },
    });
  });
  it('every malformed value gets the notice, reserved words and stray separators alike', () => {
    const malformed = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'jg_j_m', 'jg,,mo_j', ',jg_j', 'jg_', '_', '', 'jg_jm', 'jg_constructor', 'jg_toString', 'jg,__', 'jg,valueOf_m', 'JG_j'];
    for (const text of malformed) {
      const r = story.parse(text);
      expect(r.problem?.code, `story=${text}`).toBe('unknown-item');
      // Whatever was read is a real story: known people and places only.
      if (r.ok) for (const f of r.value.facts) expect(['joe', 'mary', 'fred', 'dan']).toContain(f.entity);
    }
    // …while the well-formed ones get none.
    for (const text of ['jg,mo_j', '_m', 'dr', ' jg , mo _ m '.replace(/ /g, ''), 'jg,mo,jb,mk,jk_j']) expect(story.parse(text).problem, text).toBeUndefined();
  });
  it('refuses more facts than the page holds', () => {
    const eleven = Array.from({ length: MAX_FACTS + 1 }, () => 'jg').join(',');
    expect(readParam(story, `${eleven}_j`)).toMatchObject({ ok: false, problem: { code: 'too-long' } });
    const ten = Array.from({ length: MAX_FACTS }, () => 'jg').join(',');
    expect(readParam(story, `${ten}_j`)).toMatchObject({ ok: true });
  });
});

describe('text (chapter 1 sentence)', () => {
  it('trims, and refuses text beyond its length', () => {
    expect(text(20).parse('  hello world ')).toEqual({ ok: true, value: 'hello world' });
    expect(readParam(text(20), 'x'.repeat(21))).toMatchObject({ ok: false, problem: { code: 'too-long', values: { max: '20' } } });
    expect(readParam(optional(text(20)), '   ')).toEqual({ ok: true, value: null });
  });
});

describe('a schema may allow a longer parameter than the usual limit', () => {
  it('readParam and optional honour maxLength', () => {
    const long = { parse: (s: string) => ({ ok: true as const, value: s }), format: (s: string) => s, maxLength: 8192 };
    expect(readParam(long, 'A'.repeat(5000))).toMatchObject({ ok: true });
    expect(readParam(optional(long), 'A'.repeat(8193))).toMatchObject({ ok: false, problem: { code: 'too-long', values: { max: '8192' } } });
  });
});
