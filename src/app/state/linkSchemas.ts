// Schemas for the chapters' own kinds of link parameter — a typed sentence, a sequence of tokens, a
// story — built like schema.ts's: a parse never throws, and what it repaired comes back as a problem.
import { DEFAULT_STORY, ENTITIES, MAX_FACTS, PLACES, type Entity, type Fact, type Place, type Story } from '../../core/story';
import { clip, type Parsed, type Schema } from './schema';

/** Free text (chapter 1's own sentence), trimmed; text longer than maxChars is refused before parsing. */
export function text(maxChars: number): Schema<string> {
  return { parse: (s) => ({ ok: true, value: s.trim() }), format: (s) => s, maxLength: maxChars };
}

/**
 * A sequence of items written one character each (chapter 6's tokens: "otsdc"). `codes[i]` writes
 * `items[i]`; unknown characters are dropped and reported; fewer than `min` known items refuse it.
 */
export function symbolList<K extends string>(items: readonly K[], codes: string, { min, max }: { min: number; max: number }): Schema<K[]> {
  const choices = Array.from(codes).join(', ');
  return {
    parse(s) {
      const out: K[] = [];
      let unknown: string | undefined;
      for (const c of Array.from(s.trim())) {
        const i = codes.indexOf(c);
        if (i < 0 || c.length !== 1) unknown ??= c;
        else out.push(items[i]);
      }
      if (out.length < min) return { ok: false, problem: { code: 'unknown-item', values: { item: clip(unknown ?? s), choices } } };
      return unknown === undefined ? { ok: true, value: out } : { ok: true, value: out, problem: { code: 'unknown-item', values: { item: clip(unknown), choices } } };
    },
    format: (list) => list.map((k) => codes[items.indexOf(k)]).join(''),
    maxLength: max,
  };
}

/** One letter per person and per place, so a fact is two letters ("jg": Joe went to the garden). */
const ENTITY_CODES = 'jmfd';
const PLACE_CODES = 'gkobr';
// Map lookups: a link's text is never used as a property name, so "__proto__" or "constructor" is
// just an unknown code like any other.
const ENTITY_BY_CODE = new Map<string, Entity>(Array.from(ENTITY_CODES, (c, i) => [c, ENTITIES[i]]));
const PLACE_BY_CODE = new Map<string, Place>(Array.from(PLACE_CODES, (c, i) => [c, PLACES[i]]));

/**
 * Chapter 8's story: its facts as two letters each, comma-separated, then "_" and whom the question
 * asks about: "jg,mo,jb,mk,jk_j" (no "_…": the question is about Joe). Anything else — an unknown
 * fact or question, a second "_", an empty part — is dropped and reported, whatever the text.
 */
export function storyParam(): Schema<Story> {
  const choices = `[${ENTITY_CODES}][${PLACE_CODES}]`;
  return {
    parse(s): Parsed<Story> {
      const whole = s.trim();
      const parts = whole.split('_');
      const [factText, askText] = parts;
      let unknown: string | undefined;
      // Nothing at all, a second "_" ("jg_j_m", "__proto__") or a "_" with no one after it: no story this page writes.
      if (whole === '' || parts.length > 2 || askText === '') unknown = whole;
      const facts: Fact[] = [];
      const factParts = factText === '' ? [] : factText.split(',').map((p) => p.trim());
      for (const part of factParts) {
        const who = part.length === 2 ? ENTITY_BY_CODE.get(part[0]) : undefined;
        const where = part.length === 2 ? PLACE_BY_CODE.get(part[1]) : undefined;
        if (who && where) facts.push({ entity: who, place: where });
        else unknown ??= part === '' ? whole : part;
      }
      const asked = askText === undefined || askText === '' ? DEFAULT_STORY.question : ENTITY_BY_CODE.get(askText);
      if (asked === undefined) unknown ??= askText;
      const value = { facts: facts.slice(0, MAX_FACTS), question: asked ?? DEFAULT_STORY.question };
      return unknown === undefined ? { ok: true, value } : { ok: true, value, problem: { code: 'unknown-item', values: { item: clip(unknown), choices } } };
    },
    format: (story) =>
      `${story.facts.map((f) => ENTITY_CODES[ENTITIES.indexOf(f.entity)] + PLACE_CODES[PLACES.indexOf(f.place)]).join(',')}_${ENTITY_CODES[ENTITIES.indexOf(story.question)]}`,
    // Ten facts of two letters, their commas, and "_j": a longer text cannot be a story of this page.
    maxLength: 3 * MAX_FACTS + 1,
  };
}

