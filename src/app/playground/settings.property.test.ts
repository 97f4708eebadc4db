// Generative tests of the playground's ?pg= settings (settings.ts): any link text gives settings
// within the limits (src/core/limits.ts) and notes short enough to show; settings the page writes
// read back as themselves, with no note.
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { MECHANISMS } from '../../core/cases';
import { LIMITS } from '../../core/limits';
import { INPUT_PRESETS } from '../../core/playgroundInputs';
import { FIELDS, PLAYGROUND_LIMITS, parseSettings, printSettings, setSetting, type Note, type PlaygroundSettings } from './settings';
import { playgroundStrings } from './playground.strings';
import { fill } from '../i18n';

const RUNS = { numRuns: 300, seed: 20261204 };

function expectWithinLimits(s: PlaygroundSettings): void {
  expect(MECHANISMS).toContain(s.mechanism);
  expect(INPUT_PRESETS).toContain(s.preset);
  for (const [x, lo, hi] of [
    [s.T, 1, LIMITS.maxT],
    [s.dk, 1, LIMITS.maxDim],
    [s.dv, 1, LIMITS.maxDim],
    [s.chunk, 1, Math.min(s.T, LIMITS.maxChunk)],
    [s.seed, 0, PLAYGROUND_LIMITS.maxSeed],
  ] as const) {
    expect(Number.isInteger(x)).toBe(true);
    expect(x >= lo && x <= hi, `${x} in ${lo}…${hi}`).toBe(true);
  }
  expect(s.gate >= PLAYGROUND_LIMITS.minGate && s.gate <= 1).toBe(true);
  expect(s.beta >= 0 && s.beta <= 1).toBe(true);
}

/** A note as both pages show it: filled, short. */
function expectWorded(n: Note): void {
  for (const lang of ['en', 'zh-TW'] as const) {
    const ui = playgroundStrings[lang];
    const text = fill(ui.notes[n.kind], { name: n.name, raw: n.raw, value: n.value ?? '', allowed: n.allowed ?? '' });
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text.length).toBeLessThanOrEqual(300);
  }
}

const key = fc.constantFrom(...FIELDS.map((f) => f.key), 'zoom', '', 'T ');
const raw = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -5000, max: 5000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(...MECHANISMS, ...INPUT_PRESETS, '1e999', '-0', '0x10', '1.5', ' 3'),
);
const pgText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.array(fc.tuple(key, raw).map(([k, v]) => `${k}:${v}`), { maxLength: 10 }).map((parts) => parts.join(',')),
);

const settings: fc.Arbitrary<PlaygroundSettings> = fc
  .record({
    mechanism: fc.constantFrom(...MECHANISMS),
    seed: fc.integer({ min: 0, max: PLAYGROUND_LIMITS.maxSeed }),
    T: fc.integer({ min: 1, max: LIMITS.maxT }),
    dk: fc.integer({ min: 1, max: LIMITS.maxDim }),
    dv: fc.integer({ min: 1, max: LIMITS.maxDim }),
    chunk: fc.integer({ min: 1, max: LIMITS.maxChunk }),
    preset: fc.constantFrom(...INPUT_PRESETS),
    gate: fc.double({ min: PLAYGROUND_LIMITS.minGate, max: 1, noNaN: true }),
    beta: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
  })
  .map((s) => ({ ...s, chunk: Math.min(s.chunk, s.T) }));

describe('playground settings, generated', () => {
  it.prop([fc.option(pgText, { nil: null })], RUNS)('any ?pg= text gives settings within the limits and worded notes', (pg) => {
    const { settings: s, notes } = parseSettings(pg);
    expectWithinLimits(s);
    notes.forEach(expectWorded);
    // and what the page then writes reads back as the same settings, with nothing to say
    expect(parseSettings(printSettings(s))).toEqual({ settings: s, notes: [] });
  });

  it.prop([settings], RUNS)('settings the page writes read back as themselves', (s) => {
    expect(parseSettings(printSettings(s))).toEqual({ settings: s, notes: [] });
  });

  it.prop([settings, fc.constantFrom(...FIELDS.map((f) => f.name)), raw], RUNS)('a value typed into a box keeps every setting within the limits', (s, name, text) => {
    const { settings: next, note } = setSetting(s, name, text);
    expectWithinLimits(next);
    if (note) expectWorded(note);
  });
});
