// The exercise list is plain data; these checks tie every answer token to what the page renders it
// from (the strings tables, the float64 core), so a token cannot drift from the page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReference } from '../core';
import { floatBytes, scoreMatrixFloats, stateFloats } from '../core/cost';
import { keepFactor } from '../core/selective';
import { DEFAULT_STORY, PLACES, storyCase } from '../core/story';
import { gatedRetentionCase, gatesPreset, readAfterClear } from '../core/tokenGates';
import { formatNumber } from '../viz/format';
import { formatBytes } from '../viz/units';
import { ch00Strings } from './chapters/ch00-why/strings';
import { COST_WIDTHS, PREDICT_T } from './chapters/ch00-why/presets';
import { ch01Strings } from './chapters/ch01-rnn/strings';
import { capacityStrings } from './chapters/ch04-capacity/strings';
import { gatesStrings } from './chapters/ch06-gates/strings';
import { finerGatesStrings } from './chapters/ch07-finer-gates/strings';
import { ch08Strings } from './chapters/ch08-deltanet/strings';
import { mambaCase } from './chapters/ch09-mamba/presets';
import { ch09Strings } from './chapters/ch09-mamba/strings';
import { whereStrings } from './chapters/ch10-where/strings';
import { CHAPTERS } from './chapters/registry';
import { splitHeld } from './content/heldProse';
import { EXERCISES, EXERCISE_IDS } from './exercises';
import { LANGS, fill } from './i18n';
import { playgroundStrings } from './playground/playground.strings';

const tokens = (id: keyof typeof EXERCISES, lang: (typeof LANGS)[number]) => EXERCISES[id].tokens[lang];

describe('the exercise list', () => {
  it('names real chapters, and every exercise has tokens in both languages', () => {
    for (const id of EXERCISE_IDS) {
      const { route } = EXERCISES[id];
      if (route.page === 'chapter') expect(CHAPTERS.map((c) => c.slug)).toContain(route.slug);
      for (const lang of LANGS) expect(EXERCISES[id].tokens[lang].length).toBeGreaterThan(0);
    }
  });

  it('gives each question on one page its own test id', () => {
    const seen = new Set(EXERCISE_IDS.map((id) => `${JSON.stringify(EXERCISES[id].route)} ${EXERCISES[id].testId}`));
    expect(seen.size).toBe(EXERCISE_IDS.length);
  });

  it('answers that are choices of the strings tables exist there', () => {
    for (const lang of LANGS) {
      expect(Object.keys(ch01Strings[lang].predict.choices)).toContain(EXERCISES.rnn.answer);
      expect(Object.keys(capacityStrings[lang].predict.choices)).toContain(EXERCISES.capacity.answer);
      expect(Object.keys(gatesStrings[lang].predict.choices)).toContain(EXERCISES.gates.answer);
      expect(Object.keys(finerGatesStrings[lang].predict.choices)).toContain(EXERCISES['finer-gates'].answer);
      expect(Object.keys(ch08Strings[lang].predict.choices)).toContain(EXERCISES.deltanet.answer);
      expect(Object.keys(ch09Strings[lang].selective.predict.choices)).toContain(EXERCISES['mamba-selective'].answer);
      expect(Object.keys(ch09Strings[lang].scan.predict.choices)).toContain(EXERCISES['mamba-scan'].answer);
      expect(Object.keys(whereStrings[lang].predict.choices)).toContain(EXERCISES.where.answer);
      expect(Object.keys(playgroundStrings[lang].predict.choices)).toContain(EXERCISES.playground.answer);
    }
  });

  it('chapter 0: the ratio is the answer, and the score matrix’s bytes at T = 4096 are the token', () => {
    expect(EXERCISES.why.answer).toBe(String(scoreMatrixFloats(PREDICT_T) / stateFloats(COST_WIDTHS)));
    expect(EXERCISES.why.answer).toBe('65536');
    const bytes = formatBytes(floatBytes(scoreMatrixFloats(PREDICT_T)));
    for (const lang of LANGS) {
      expect(tokens('why', lang)).toEqual([bytes]);
      expect(ch00Strings[lang].predict.explanation).toContain('{scoreBytes}');
    }
  });

  it('chapter 6: the token is the read right after ⟲, as the outputs table prints it', () => {
    const seq = gatesPreset('one-clear');
    const after = readAfterClear(seq, runReference(gatedRetentionCase(seq), 'recurrent').o);
    expect(after).not.toBeNull();
    const row = after!.o.map((x) => formatNumber(x, 2)).join(' ');
    for (const lang of LANGS) expect(tokens('gates', lang)).toEqual([row]);
  });

  it('chapter 8: DeltaNet reads 1.00 at the kitchen for Joe, and linear attention ties', () => {
    const o = runReference(storyCase(DEFAULT_STORY, { mechanism: 'deltanet', beta: 1 }), 'parallel').o;
    const last = o[o.length - 1];
    expect(formatNumber(last[PLACES.indexOf('kitchen')], 2)).toBe('1.00');
    for (const lang of LANGS) {
      const ui = ch08Strings[lang];
      expect(tokens('deltanet', lang)[0]).toBe(`${ui.places.kitchen} = 1.00`);
      expect(ui.answers.tie).toContain(tokens('deltanet', lang)[1]);
    }
  });

  it('chapter 9: a filler keeps 0.99 of channel 1; the complete tree’s words', () => {
    const keep = keepFactor(mambaCase('selective'), 1, 0, 0);
    for (const lang of LANGS) {
      expect(tokens('mamba-selective', lang)).toEqual([`${ch09Strings[lang].selective.tokens.um} = ${formatNumber(keep, 2)}`]);
      expect(ch09Strings[lang].scan.complete).toContain(tokens('mamba-scan', lang)[0]);
    }
    expect(formatNumber(keep, 2)).toBe('0.99');
  });

  it('tokens taken from the prose lie in a passage held for that exercise, in both languages', () => {
    const prose = { deltanet: ['ch08-deltanet', 2], where: ['ch10-where', 1] } as const;
    for (const [id, [file, index]] of Object.entries(prose) as [keyof typeof prose, (typeof prose)[keyof typeof prose]][]) {
      for (const lang of LANGS) {
        const source = readFileSync(new URL(`../../content/${lang}/${file}.md`, import.meta.url), 'utf8');
        // The page's own cut (splitHeld works on the Markdown as on its HTML: the markers pass through).
        const held = splitHeld(source).filter((s) => s.held === id);
        expect(held.length, `${file} ${lang}: a passage held for ${id}`).toBeGreaterThan(0);
        expect(held.map((s) => s.html).join(' ').replace(/\s+/g, ' '), `${file} ${lang}`).toContain(tokens(id, lang)[index]);
      }
    }
  });

  it('the other tokens are the words the page shows', () => {
    for (const lang of LANGS) {
      expect(ch01Strings[lang].predict.explanation).toContain(tokens('rnn', lang)[0]);
      expect(fill(capacityStrings[lang].firstFail, { n: 9 })).toContain(tokens('capacity', lang)[0]);
      expect(finerGatesStrings[lang].predict.explanation).toContain(tokens('finer-gates', lang)[0]);
      expect(whereStrings[lang].state.cache).toBe(tokens('where', lang)[0]);
      expect(playgroundStrings[lang].predict.explanation).toContain(tokens('playground', lang)[0]);
    }
  });
});
