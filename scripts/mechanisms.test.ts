// Every mechanism reaches every surface derived from its spec (src/core/registry.ts): the trace
// command (parse, --help), the playground (inputs, knobs, their words), the recap table, the cost
// counter, the bench plan, the ONNX feeds and the words in both languages. A mechanism added to the
// registry without one of them fails here, by name.
import { describe, expect, it } from 'vitest';
import { whereStrings } from '../src/app/chapters/ch10-where/strings';
import { mechanismStrings } from '../src/app/mechanismStrings';
import { playgroundStrings } from '../src/app/playground/playground.strings';
import { MECHANISM_SPECS, MECHANISMS, parseCase, specOf } from '../src/core/cases';
import { FORMS, formCosts } from '../src/core/formCost';
import { playgroundCase, mechanismKnobs } from '../src/core/playgroundInputs';
import { randomCase } from '../src/core/random';
import { recapRows } from '../src/core/recap';
import { VIEWS } from '../src/core/views';
import { caseFeeds } from '../src/models/adapter';
import { prepareModel } from '../src/models/index';
import { mechanismColor } from '../src/viz/theme';
import { skipReason, theory } from './bench/plan';
import { helpText } from './traceCli';

const LANGS = ['en', 'zh-TW'] as const;
const sizes = { T: 5, dk: 3, dv: 2 };

describe.each(MECHANISMS)('%s reaches every surface', (m) => {
  const spec = specOf(m);
  const c = randomCase(m, { ...sizes, seed: 7 });

  it('trace command: its case reads back, and --help names it with every field', () => {
    expect(parseCase(JSON.parse(JSON.stringify(c)))).toEqual(c);
    const line = helpText()
      .split('\n')
      .find((l) => l.trim().startsWith(`${m} `));
    expect(line, `--help has no line for ${m}`).toBeDefined();
    for (const field of Object.keys(spec.fields)) expect(line).toContain(`${field} [`);
  });

  it('playground: generated inputs are a valid case, its knobs have words in both languages', () => {
    for (const preset of ['random', 'one-hot', 'repeat'] as const) {
      const p = playgroundCase(m, { ...sizes, seed: 3, preset, gateLevel: 0.8, beta: 0.5 });
      expect(parseCase(JSON.parse(JSON.stringify(p))).mechanism).toBe(m);
    }
    const knobs = mechanismKnobs(m);
    expect(knobs.gate).toBe(spec.knobs.gate !== null);
    for (const lang of LANGS) {
      const ui = playgroundStrings[lang];
      expect(ui.mechanisms[m]).toBeTruthy();
      if (spec.knobs.gate) expect(ui.inputs.gateHelp[spec.knobs.gate]).toBeTruthy();
    }
  });

  it('recap table: one row, with its chapter, formula and forgetting in both languages', () => {
    const row = recapRows().find((r) => r.mechanism === m);
    expect(row).toBeDefined();
    expect(row?.formula).toBeTruthy();
    expect(row?.chapter).toBeGreaterThan(0);
    for (const lang of LANGS) {
      expect(whereStrings[lang].mechanisms[m]).toBeTruthy();
      expect(whereStrings[lang].forgets[m]).toBeTruthy();
    }
  });

  it('cost counter: every form has a finite, positive cost', () => {
    const costs = formCosts(64, 8, { dk: 4, dv: 4 }, m);
    for (const form of FORMS) {
      expect(Number.isFinite(costs[form].flops) && costs[form].flops > 0, form).toBe(true);
      expect(costs[form].memory).toBeGreaterThan(0);
    }
  });

  it('bench plan: a theory for every view, and a memory verdict', () => {
    for (const view of VIEWS) {
      expect(theory(m, view).exponent).toBeGreaterThan(0);
      const skip = skipReason(m, view, 64);
      expect(skip === undefined || typeof skip === 'string').toBe(true);
    }
  });

  it('ONNX: feeds are exactly its fields, and a model is prepared for every view', () => {
    expect(Object.keys(caseFeeds(c)).sort()).toEqual(Object.keys(spec.fields).sort());
    for (const view of VIEWS) {
      const model = prepareModel(c, view, { chunk: 2 });
      expect(model.key).toContain(m);
      expect(model.build().length).toBeGreaterThan(0);
    }
  });

  it('words and colour: a name, label, caption and forgetting in both languages, a colour', () => {
    for (const lang of LANGS) {
      const w = mechanismStrings[lang][m];
      for (const key of ['name', 'label', 'caption', 'forgets'] as const) expect(w[key], `${lang} ${key}`).toBeTruthy();
    }
    expect(mechanismColor[m]).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(MECHANISM_SPECS[m].recap.examples.length).toBeGreaterThan(0);
  });
});

describe('the registry', () => {
  it('recap rows are numbered once each', () => {
    const rows = MECHANISMS.map((m) => MECHANISM_SPECS[m].recap.row);
    expect(new Set(rows).size).toBe(rows.length);
  });
});
