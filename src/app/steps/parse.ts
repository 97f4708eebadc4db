// Step-linked reading (issue #16): a chapter's derivation is a sequence of steps, each a short passage
// of prose plus the figure state it needs. The states are data written next to the prose, in
// content/<lang>/<chapter>.md, as one HTML comment per step (marked passes comments through untouched):
//
//   <!-- step: t=1 beat=write view=recurrent hide=q,o show=k,v highlight=write -->
//   <!-- step: part=chunkwise set=C:1 -->
//   …the passage…
//   <!-- notes: what the lecturer says here (speaker notes, never shown to readers) -->
//   <!-- /steps -->   (optional: the prose after it is not part of any step)
//
// t: the time cursor's step (1-based, 0 = the empty memory); beat: a beat of that step (viz/beats.ts);
// view: parallel | recurrent | both; show / hide: quantities revealed or held back from this step on
// (hidden ones stay hidden until a later step shows them); highlight: quantities outlined in this step
// only. part: on a page with several figures (chapter 1's two, chapter 10's three), the one the step
// drives (its cursor, beat, settings and highlights; scrolled into view), while what the step hides
// and which view it shows hold for every figure on the page; set: figure settings the step puts in
// place, name:whole number (chapter 10's chunk size C). t, view, part and set carry over to later
// steps; beat and highlight belong to their step alone.
// Everything here is pure, so the grammar and the folding are unit-tested without a browser.
import { BEATS, type Beat } from '../../viz/beats';

/** The quantities a figure can hold back, by the names the prose uses. */
export const QUANTITIES = [
  'q', // the step's query
  'k', // the step's key
  'v', // the step's value
  'S', // the memory matrix (chapter 0: its bytes)
  'write', // the write term v kᵀ landing on S
  'o', // the read-out o_t = S_t q_t
  'gate', // the step's decay γ (α in Gated DeltaNet)
  'beta', // the delta rule's step size β
  'A', // the T × T weights: tril(QKᵀ) (⊙ D) in the parallel view; chapter 0's score matrix
  'D', // the decay mask's tint on those weights
  'O', // the parallel view's outputs O (and the equivalence badge that compares them)
  'kv', // attention's KV cache: every past key and value, kept (chapter 0's bytes)
] as const;
export type Quantity = (typeof QUANTITIES)[number];

export const VIEWS = ['both', 'parallel', 'recurrent'] as const;
export type StepView = (typeof VIEWS)[number];

/** One marker as written. */
export interface StepState {
  t?: number;
  beat?: Beat;
  view?: StepView;
  show?: Quantity[];
  hide?: Quantity[];
  highlight?: Quantity[];
  part?: string;
  set?: Record<string, number>;
}

/** A step as the figure needs it: every field resolved from this marker and the ones before it. */
export interface ResolvedStep {
  /** 1-based, as in ?step=n and on the page. */
  index: number;
  t: number;
  beat: Beat | null;
  view: StepView;
  /** In QUANTITIES order. */
  hidden: Quantity[];
  highlight: Quantity[];
  /** The figure part the step drives; null: the page's figure, whichever it is. */
  part: string | null;
  /** Figure settings in force (from this step and the ones before it). */
  set: Record<string, number>;
}

export type MarkerResult = { ok: true; state: StepState } | { ok: false; error: string };

const isQuantity = (s: string): s is Quantity => (QUANTITIES as readonly string[]).includes(s);
const isBeat = (s: string): s is Beat => (BEATS as readonly string[]).includes(s);
const isView = (s: string): s is StepView => (VIEWS as readonly string[]).includes(s);
const PART = /^[a-z][a-z0-9-]*$/;

/** The body of a step marker ("t=1 beat=write hide=o"), or what is wrong with it. */
export function parseStepMarker(body: string): MarkerResult {
  const state: StepState = {};
  for (const part of body.trim().split(/\s+/).filter((p) => p.length > 0)) {
    const m = /^(\w+)=(\S*)$/.exec(part);
    if (!m) return { ok: false, error: `"${part}" is not key=value` };
    const [, key, value] = m;
    if (key in state) return { ok: false, error: `${key} is given twice` };
    switch (key) {
      case 't':
        if (!/^\d+$/.test(value)) return { ok: false, error: `t=${value} is not a whole number ≥ 0` };
        state.t = Number(value);
        break;
      case 'beat':
        if (!isBeat(value)) return { ok: false, error: `beat=${value} is not one of ${BEATS.join(', ')}` };
        state.beat = value;
        break;
      case 'view':
        if (!isView(value)) return { ok: false, error: `view=${value} is not one of ${VIEWS.join(', ')}` };
        state.view = value;
        break;
      case 'show':
      case 'hide':
      case 'highlight': {
        const items = value.split(',').filter((s) => s.length > 0);
        const bad = items.find((s) => !isQuantity(s));
        if (bad !== undefined) return { ok: false, error: `${key}: "${bad}" is not one of ${QUANTITIES.join(', ')}` };
        state[key] = items as Quantity[];
        break;
      }
      case 'part':
        if (!PART.test(value)) return { ok: false, error: `part=${value} is not a name (a-z, 0-9, -)` };
        state.part = value;
        break;
      case 'set': {
        const set: Record<string, number> = {};
        for (const item of value.split(',')) {
          const s = /^([A-Za-z]\w*):(\d+)$/.exec(item);
          if (!s) return { ok: false, error: `set: "${item}" is not name:whole number` };
          if (s[1] in set) return { ok: false, error: `set: ${s[1]} is given twice` };
          set[s[1]] = Number(s[2]);
        }
        state.set = set;
        break;
      }
      default:
        return { ok: false, error: `unknown key "${key}"` };
    }
  }
  const both = (state.show ?? []).find((q) => state.hide?.includes(q));
  if (both !== undefined) return { ok: false, error: `${both} is both shown and hidden` };
  return { ok: true, state };
}

/** Fold the markers into the states the figure takes, step by step. */
export function resolveSteps(states: readonly StepState[]): ResolvedStep[] {
  let t = 0;
  let view: StepView = 'both';
  let hidden = new Set<Quantity>();
  let part: string | null = null;
  let set: Record<string, number> = {};
  return states.map((s, i) => {
    t = s.t ?? t;
    view = s.view ?? view;
    part = s.part ?? part;
    set = { ...set, ...s.set };
    hidden = new Set([...hidden, ...(s.hide ?? [])].filter((q) => !s.show?.includes(q)));
    return {
      index: i + 1,
      t,
      beat: s.beat ?? null,
      view,
      hidden: QUANTITIES.filter((q) => hidden.has(q)),
      highlight: QUANTITIES.filter((q) => s.highlight?.includes(q)),
      part,
      set,
    };
  });
}

export interface StepPassage {
  state: StepState;
  /** The passage's HTML, without its markers. */
  html: string;
  /** Speaker notes (plain text), '' when the step has none. */
  notes: string;
}

export interface SteppedProse {
  /** Prose before the first step (always shown, no figure state). */
  intro: string;
  steps: StepPassage[];
  /** Prose after `<!-- /steps -->`. */
  outro: string;
  /** Markers that could not be read (the content test fails on any). */
  errors: string[];
}

const MARKER = /<!--\s*(step:|notes:|\/steps\b)([\s\S]*?)-->/g;

/** Cut rendered prose (or its Markdown source: the comments are the same) into its steps. */
export function splitSteps(html: string): SteppedProse {
  const out: SteppedProse = { intro: '', steps: [], outro: '', errors: [] };
  let from = 0;
  let where: 'intro' | 'step' | 'outro' = 'intro';
  const flush = (to: number) => {
    const part = html.slice(from, to);
    if (where === 'intro') out.intro += part;
    else if (where === 'outro') out.outro += part;
    else out.steps[out.steps.length - 1].html += part;
  };
  for (const m of html.matchAll(MARKER)) {
    flush(m.index);
    from = m.index + m[0].length;
    const [, kind, body] = m;
    if (kind === 'step:') {
      if (where === 'outro') out.errors.push('a step after <!-- /steps -->');
      const parsed = parseStepMarker(body);
      if (!parsed.ok) out.errors.push(`step ${out.steps.length + 1}: ${parsed.error}`);
      out.steps.push({ state: parsed.ok ? parsed.state : {}, html: '', notes: '' });
      where = 'step';
    } else if (kind === 'notes:') {
      const step = out.steps[out.steps.length - 1];
      if (where !== 'step' || !step) out.errors.push('notes outside a step');
      else step.notes = [step.notes, body.trim().replace(/\s+/g, ' ')].filter((s) => s.length > 0).join(' ');
    } else {
      where = 'outro';
    }
  }
  flush(html.length);
  return out;
}

/**
 * Prose cut before each of its section headings (`<h2`), so a long part can be laid out a section at
 * a time. The cuts never lose a byte: the parts joined are the prose.
 */
export function splitSections(html: string): string[] {
  const cuts = [...html.matchAll(/<h2[\s>]/g)].map((m) => m.index).filter((i) => html.slice(0, i).trim() !== '');
  return [0, ...cuts].map((from, i) => html.slice(from, cuts[i] ?? html.length));
}
