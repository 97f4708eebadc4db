// Everything the playground's generated inputs depend on, as one typed object, and its round trip
// through the link (?pg=m:deltanet,seed:3,T:8,…). A declarative table of fields does the parsing and
// the printing, so adding a knob is one row. A link is untrusted: a value out of range is clamped, a
// value that makes no sense is rejected (the default stays), and every such repair becomes a Note
// the page shows — never a crash, never a silent change.
import { MECHANISMS, type Mechanism } from '../../core/cases';
import { LIMITS } from '../../core/limits';
import { INPUT_PRESETS, type InputPreset } from '../../core/playgroundInputs';
import { amended, oneOf, reject, type Schema } from '../state/schema';

export interface PlaygroundSettings {
  mechanism: Mechanism;
  seed: number;
  T: number;
  dk: number;
  dv: number;
  /** Chunk size of the chunkwise view (1..T). */
  chunk: number;
  preset: InputPreset;
  /** Gate level in [0.05, 1] (playgroundInputs.ts says what it sets per mechanism). */
  gate: number;
  /** The delta rule's β in [0, 1]. */
  beta: number;
}

/** The playground's sizes (src/core/limits.ts) and the ranges of its own knobs. */
export const PLAYGROUND_LIMITS = { maxT: LIMITS.maxT, maxDim: LIMITS.maxDim, maxChunk: LIMITS.maxChunk, maxSeed: 2 ** 31 - 1, minGate: 0.05 } as const;

export const DEFAULT_SETTINGS: PlaygroundSettings = {
  mechanism: 'linear_attention',
  seed: 1,
  T: 8,
  dk: 4,
  dv: 4,
  chunk: 3,
  preset: 'random',
  gate: 0.9,
  beta: 0.5,
};

export type SettingName = keyof PlaygroundSettings;

/** A repair made while reading a value: clamped into range, rejected (default kept), or unknown key. */
export interface Note {
  kind: 'clamped' | 'rejected' | 'unknown';
  /** The setting's name (or, for unknown, the key as written). */
  name: string;
  /** What was written, shortened. */
  raw: string;
  /** The value used instead (clamped / rejected). */
  value?: string;
  /** The allowed range or choices, for the message. */
  allowed?: string;
}

/**
 * One setting: its key in the link, and its schema (src/app/state/schema.ts, the type every link
 * parser uses) given the settings read so far (the chunk's range depends on T). A schema's
 * 'out-of-range' problem is a clamp; a rejection keeps the old value.
 */
interface Field<K extends SettingName> {
  name: K;
  /** The key in the link. */
  key: string;
  schema(sofar: PlaygroundSettings): Schema<PlaygroundSettings[K]>;
  /** Allowed values in words, for messages (may depend on T for the chunk). */
  allowed(sofar: PlaygroundSettings): string;
}

const INT = /^[+-]?\d{1,12}$/;
const NUM = /^[+-]?(\d{1,12}(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/;

/** A number (whole, or not) clamped into [min, max]; text that is not one is refused. */
function clampedNumber(pattern: RegExp, min: number, max: number): Schema<number> {
  return {
    parse(text) {
      if (!pattern.test(text)) return reject('not-a-number');
      const n = Number(text);
      if (!Number.isFinite(n)) return reject('not-a-number');
      const v = Math.min(max, Math.max(min, n));
      return v === n ? { ok: true, value: v } : amended(v, 'out-of-range', { min: String(min), max: String(max), value: String(v) });
    },
    format: (v) => String(v),
  };
}

function intField<K extends SettingName>(name: K, key: string, min: number, max: (s: PlaygroundSettings) => number): Field<K> {
  return {
    name,
    key,
    schema: (sofar) => clampedNumber(INT, min, max(sofar)) as unknown as Schema<PlaygroundSettings[K]>,
    allowed: (s) => `${min}…${max(s)}`,
  };
}

function numberField<K extends SettingName>(name: K, key: string, min: number, max: number): Field<K> {
  return { name, key, schema: () => clampedNumber(NUM, min, max) as unknown as Schema<PlaygroundSettings[K]>, allowed: () => `${min}…${max}` };
}

function choiceField<K extends SettingName>(name: K, key: string, choices: readonly string[]): Field<K> {
  return { name, key, schema: () => oneOf(choices) as unknown as Schema<PlaygroundSettings[K]>, allowed: () => choices.join(', ') };
}

const L = PLAYGROUND_LIMITS;

/** In link order. The chunk comes after T: its range depends on it. */
export const FIELDS = [
  choiceField('mechanism', 'm', MECHANISMS),
  intField('seed', 'seed', 0, () => L.maxSeed),
  intField('T', 'T', 1, () => L.maxT),
  intField('dk', 'dk', 1, () => L.maxDim),
  intField('dv', 'dv', 1, () => L.maxDim),
  intField('chunk', 'C', 1, (s) => Math.min(s.T, L.maxChunk)),
  choiceField('preset', 'preset', INPUT_PRESETS),
  numberField('gate', 'gate', L.minGate, 1),
  numberField('beta', 'beta', 0, 1),
] as const;

type AnyField = Field<SettingName>;
const fields = FIELDS as readonly AnyField[];

const print = (field: AnyField, s: PlaygroundSettings): string => field.schema(s).format(s[field.name] as never);

/** A value read through its schema: used as is, clamped (a note says so), or rejected. */
function read(field: AnyField, raw: string, sofar: PlaygroundSettings): { ok: false } | { ok: true; value: PlaygroundSettings[SettingName]; clamped: boolean } {
  const parsed = field.schema(sofar).parse(raw);
  if (!parsed.ok) return { ok: false };
  return { ok: true, value: parsed.value, clamped: parsed.problem?.code === 'out-of-range' };
}

const shorten = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

/** One value typed into the page (a number box) checked like a link's value. */
export function setSetting(settings: PlaygroundSettings, name: SettingName, raw: string): { settings: PlaygroundSettings; note?: Note } {
  const field = fields.find((f) => f.name === name);
  if (!field) return { settings };
  const parsed = read(field, raw.trim(), settings);
  if (!parsed.ok) return { settings, note: { kind: 'rejected', name, raw: shorten(raw), value: print(field, settings), allowed: field.allowed(settings) } };
  const next = fitChunk({ ...settings, [name]: parsed.value });
  const note: Note | undefined = parsed.clamped
    ? { kind: 'clamped', name, raw: shorten(raw), value: print(field, next), allowed: field.allowed(settings) }
    : undefined;
  return { settings: next, note };
}

/** Keep the chunk inside 1..T when T changes. */
export function fitChunk(s: PlaygroundSettings): PlaygroundSettings {
  return s.chunk > s.T ? { ...s, chunk: s.T } : s;
}

/** Read the link's ?pg= value. Missing: the defaults, no notes. */
export function parseSettings(pg: string | null): { settings: PlaygroundSettings; notes: Note[] } {
  let settings = { ...DEFAULT_SETTINGS };
  const notes: Note[] = [];
  if (!pg) return { settings, notes };
  const given = new Map<string, string>();
  for (const part of pg.split(',')) {
    if (part === '') continue;
    const at = part.indexOf(':');
    const key = at < 0 ? part : part.slice(0, at);
    const field = fields.find((f) => f.key === key);
    if (!field || at < 0) notes.push({ kind: 'unknown', name: shorten(part), raw: shorten(part) });
    else given.set(key, part.slice(at + 1));
  }
  for (const field of fields) {
    const raw = given.get(field.key);
    if (raw === undefined) continue;
    const parsed = read(field, raw, settings);
    if (!parsed.ok) {
      // The value kept is the one used: a default chunk longer than the link's T is fitted to it.
      notes.push({ kind: 'rejected', name: field.name, raw: shorten(raw), value: print(field, fitChunk(settings)), allowed: field.allowed(settings) });
      continue;
    }
    const next = { ...settings, [field.name]: parsed.value };
    if (parsed.clamped) notes.push({ kind: 'clamped', name: field.name, raw: shorten(raw), value: print(field, next), allowed: field.allowed(settings) });
    settings = next;
  }
  // A link that sets T below the default chunk (and no usable chunk) is not a mistake: fit it silently.
  settings = fitChunk(settings);
  return { settings, notes };
}

/** The ?pg= value for these settings (every field, so a link is a full description of the inputs). */
export function printSettings(s: PlaygroundSettings): string {
  return fields.map((f) => `${f.key}:${print(f, s)}`).join(',');
}
