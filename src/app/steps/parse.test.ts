import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStepMarker, resolveSteps, splitSections, splitSteps } from './parse';

describe('parseStepMarker', () => {
  it('reads every key', () => {
    expect(parseStepMarker(' t=3 beat=write view=recurrent show=k,v hide=o,S highlight=write ')).toEqual({
      ok: true,
      state: { t: 3, beat: 'write', view: 'recurrent', show: ['k', 'v'], hide: ['o', 'S'], highlight: ['write'] },
    });
    expect(parseStepMarker('')).toEqual({ ok: true, state: {} });
    expect(parseStepMarker('part=side-by-side set=C:1,b:12 hide=kv')).toEqual({ ok: true, state: { part: 'side-by-side', set: { C: 1, b: 12 }, hide: ['kv'] } });
  });
  it('refuses what it cannot read, saying why', () => {
    for (const bad of ['t=-1', 't=1.5', 'beat=jump', 'view=side', 'hide=x', 'show=k,,zz', 'colour=red', 't', 't=1 t=2', 'show=k hide=k', 'part=', 'part=Chunk', 'part=a_b', 'set=C', 'set=C:-1', 'set=C:1.5', 'set=C:1,C:2', 'set=:3', 'set=']) {
      const r = parseStepMarker(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.length, bad).toBeGreaterThan(0);
    }
  });
});

describe('resolveSteps', () => {
  it('carries t, view and what is hidden; beat and highlight belong to one step', () => {
    const steps = resolveSteps([
      { t: 1, beat: 'write', view: 'recurrent', hide: ['q', 'o', 'A', 'O'], highlight: ['write'] },
      { beat: 'read', show: ['q', 'o'] },
      { t: 4, view: 'both', show: ['A'] },
      { hide: ['k'], show: ['O'] },
    ]);
    expect(steps).toEqual([
      { index: 1, t: 1, beat: 'write', view: 'recurrent', hidden: ['q', 'o', 'A', 'O'], highlight: ['write'], part: null, set: {} },
      { index: 2, t: 1, beat: 'read', view: 'recurrent', hidden: ['A', 'O'], highlight: [], part: null, set: {} },
      { index: 3, t: 4, beat: null, view: 'both', hidden: ['O'], highlight: [], part: null, set: {} },
      { index: 4, t: 4, beat: null, view: 'both', hidden: ['k'], highlight: [], part: null, set: {} },
    ]);
  });
  it('carries the part and the settings; a later setting replaces the same name only', () => {
    const steps = resolveSteps([{ part: 'recap' }, { part: 'chunkwise', set: { C: 3, b: 2 } }, { set: { C: 1 } }, { part: 'side-by-side' }]);
    expect(steps.map((s) => [s.part, s.set])).toEqual([
      ['recap', {}],
      ['chunkwise', { C: 3, b: 2 }],
      ['chunkwise', { C: 1, b: 2 }],
      ['side-by-side', { C: 1, b: 2 }],
    ]);
  });
  it('starts from the empty memory with everything on show', () => {
    expect(resolveSteps([{}])).toEqual([{ index: 1, t: 0, beat: null, view: 'both', hidden: [], highlight: [], part: null, set: {} }]);
  });
});

describe('splitSteps', () => {
  it('cuts prose into intro, steps with their notes, and outro', () => {
    const html = '<p>intro</p>\n<!-- step: t=1 hide=o -->\n<p>one</p>\n<!-- notes: say\n  this -->\n<!-- step: show=o -->\n<p>two</p>\n<!-- /steps -->\n<p>end</p>';
    const s = splitSteps(html);
    expect(s.errors).toEqual([]);
    expect(s.intro.trim()).toBe('<p>intro</p>');
    expect(s.steps.map((p) => [p.html.trim(), p.notes, p.state])).toEqual([
      ['<p>one</p>', 'say this', { t: 1, hide: ['o'] }],
      ['<p>two</p>', '', { show: ['o'] }],
    ]);
    expect(s.outro.trim()).toBe('<p>end</p>');
  });
  it('leaves prose without markers whole and reports bad markers', () => {
    expect(splitSteps('<p>a</p>')).toEqual({ intro: '<p>a</p>', steps: [], outro: '', errors: [] });
    expect(splitSteps('<!-- notes: x --><!-- step: beat=fly -->').errors).toHaveLength(2);
  });
});

describe('splitSections', () => {
  it('cuts before each section heading and loses nothing', () => {
    const html = '<p>a</p>\n<h2 id="x">X</h2>\n<p>b</p><h2>Y</h2><p>c <h2x></p>';
    expect(splitSections(html)).toEqual(['<p>a</p>\n', '<h2 id="x">X</h2>\n<p>b</p>', '<h2>Y</h2><p>c <h2x></p>']);
  });
  it('does not start with an empty part, and keeps prose without headings whole', () => {
    expect(splitSections('\n<h2>X</h2><p>b</p>')).toEqual(['\n<h2>X</h2><p>b</p>']);
    expect(splitSections('<p>a</p>')).toEqual(['<p>a</p>']);
    expect(splitSections('')).toEqual(['']);
  });
});

// The steps are data beside the prose: both languages must take the figure through the same states,
// every marker must read, and a passage must not be empty.
describe('the chapters’ steps', () => {
  const files = readdirSync('content/en').filter((f) => f.endsWith('.md'));
  const read = (lang: string, f: string) => splitSteps(readFileSync(`content/${lang}/${f}`, 'utf8'));
  for (const f of files) {
    it(`${f}: readable, the same states in en and zh-TW, notes in both`, () => {
      const en = read('en', f);
      const zh = read('zh-TW', f);
      expect(en.errors).toEqual([]);
      expect(zh.errors).toEqual([]);
      expect(zh.steps.map((s) => s.state)).toEqual(en.steps.map((s) => s.state));
      for (const s of [...en.steps, ...zh.steps]) expect(s.html.trim().length).toBeGreaterThan(0);
      expect(zh.steps.map((s) => s.notes.length > 0)).toEqual(en.steps.map((s) => s.notes.length > 0));
      // A step that shows a quantity must follow one that hid it (show is for reveals, not decoration).
      const resolved = resolveSteps(en.steps.map((s) => s.state));
      en.steps.forEach((s, i) => {
        for (const q of s.state.show ?? []) expect(i > 0 && resolved[i - 1].hidden.includes(q), `${f} step ${i + 1} shows ${q}`).toBe(true);
      });
    });
  }
});
