// The trained models' tasks, token for token the generators of scripts/train/tasks.py: the same
// mulberry32 stream (random.ts) and only integer draws, so a seed gives the same sequences in Python
// and here. The site regenerates the held-out sets the training script scored, and a learner's
// "generate" button draws from the same distribution the models were trained on.
import { rng, type Rng } from './random';
import { ENTITIES, PLACES } from './story';

export const IGNORE = -1;

export interface Example {
  tokens: number[];
  /** The right answer at each position, or IGNORE where nothing is asked. */
  targets: number[];
}

export type TaskId = 'mqar' | 'story' | 'selective_copy';
export const TASK_IDS: readonly TaskId[] = ['mqar', 'story', 'selective_copy'];

/** Uniform in 0 … n−1. */
export const randint = (r: Rng, n: number): number => Math.floor(r() * n);

/** k distinct draws from 0 … n−1 (a partial Fisher–Yates shuffle, as in tasks.py). */
export function distinct(r: Rng, n: number, k: number): number[] {
  const arr = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + randint(r, n - i);
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr.slice(0, k);
}

export const MQAR = { keys: 32, values: 32, maxQueries: 8 } as const;
export const STORY = { entities: 4, places: 5 } as const;
export const SELCOPY = { data: 16, noise: 8, span: 24 } as const;

/** Multi-query associative recall: k₁ v₁ … kₙ vₙ | q₁ … q_m; each query's answer is its value. */
export function mqar(r: Rng, pairs: number): Example {
  const { keys: nk, values: nv, maxQueries } = MQAR;
  const keys = distinct(r, nk, pairs);
  const values = keys.map(() => randint(r, nv));
  const asked = distinct(r, pairs, Math.min(pairs, maxQueries));
  const tokens: number[] = [];
  const targets: number[] = [];
  keys.forEach((k, i) => {
    tokens.push(1 + k, 1 + nk + values[i]);
    targets.push(IGNORE, IGNORE);
  });
  tokens.push(0);
  targets.push(IGNORE);
  for (const i of asked) {
    tokens.push(1 + keys[i]);
    targets.push(1 + nk + values[i]);
  }
  return { tokens, targets };
}

/** "Where is X?": `moves` (entity, place) pairs, then "? X"; the answer is X's latest place. */
export function story(r: Rng, moves: number): Example {
  const { entities: ne, places: np } = STORY;
  const tokens: number[] = [];
  const targets: number[] = [];
  const where = new Map<number, number>();
  const order: number[] = [];
  for (let i = 0; i < moves; i++) {
    const e = randint(r, ne);
    const p = randint(r, np);
    tokens.push(1 + e, 1 + ne + p);
    targets.push(IGNORE, IGNORE);
    where.set(e, p);
    order.push(e);
  }
  const asked = order[randint(r, moves)];
  tokens.push(0, 1 + asked);
  targets.push(IGNORE, 1 + ne + (where.get(asked) ?? 0));
  return { tokens, targets };
}

/** Selective copying: `marked` data tokens among noise, then '|' and the data in order (teacher forcing). */
export function selectiveCopy(r: Rng, marked: number): Example {
  const { data: nd, noise: nn, span } = SELCOPY;
  const slots = distinct(r, span, marked).sort((a, b) => a - b);
  const data = distinct(r, nd, marked);
  const region = Array.from({ length: span }, () => 1 + nd + randint(r, nn));
  slots.forEach((s, i) => (region[s] = 1 + data[i]));
  return {
    tokens: [...region, 0, ...data.slice(0, -1).map((d) => 1 + d)],
    targets: [...new Array<number>(span).fill(IGNORE), ...data.map((d) => 1 + d)],
  };
}

export interface TaskSpec {
  make: (r: Rng, level: number) => Example;
  vocab: number;
  /** Difficulty levels scored in the manifest (pairs, moves, marked tokens). */
  levels: readonly number[];
  /** Levels the generator may be asked for in the page. */
  range: readonly [number, number];
}

export const TASKS: Record<TaskId, TaskSpec> = {
  mqar: { make: mqar, vocab: 1 + MQAR.keys + MQAR.values, levels: [4, 8, 12, 16, 24], range: [1, MQAR.keys] },
  story: { make: story, vocab: 1 + STORY.entities + STORY.places, levels: [2, 4, 8, 16], range: [1, 24] },
  selective_copy: { make: selectiveCopy, vocab: 1 + SELCOPY.data + SELCOPY.noise, levels: [2, 4, 6, 8], range: [1, SELCOPY.data] },
};

/** The held-out set of one difficulty, exactly as scripts/train/tasks.py `held_out` draws it. */
export function heldOut(task: TaskId, level: number, n: number, seed: number): Example[] {
  const r = rng(seed * 1000 + level);
  return Array.from({ length: n }, () => TASKS[task].make(r, level));
}

/** Readable token names: '|' / '?', keys k0…, values 0…, the story chapter's entities and places, data letters, noise dots. */
export function tokenName(task: TaskId, tok: number): string {
  if (task === 'mqar') {
    if (tok === 0) return '|';
    return tok <= MQAR.keys ? `k${tok - 1}` : `${tok - 1 - MQAR.keys}`;
  }
  if (task === 'story') {
    if (tok === 0) return '?';
    return tok <= STORY.entities ? ENTITIES[tok - 1] : PLACES[tok - 1 - STORY.entities];
  }
  if (tok === 0) return '|';
  return tok <= SELCOPY.data ? String.fromCharCode(64 + tok) : `·${tok - SELCOPY.data}`;
}

/** Probabilities of a row of logits (softmax in float64). */
export function probabilities(logits: readonly number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/**
 * The right answers for any token sequence of a task (typed by a learner, not only generated):
 * mqar answers each key after '|' with the value stored after it (IGNORE if it was never stored);
 * story answers the last token with that entity's latest place; selective copy answers '|' and
 * each token after it with the next data token of the region.
 */
export function solve(task: TaskId, tokens: readonly number[]): number[] {
  const out = tokens.map(() => IGNORE);
  const sep = tokens.indexOf(0);
  if (task === 'mqar') {
    if (sep < 0) return out;
    const stored = new Map<number, number>();
    for (let i = 0; i + 1 < sep; i++) {
      const [a, b] = [tokens[i], tokens[i + 1]];
      if (a >= 1 && a <= MQAR.keys && b > MQAR.keys) stored.set(a, b);
    }
    for (let t = sep + 1; t < tokens.length; t++) out[t] = stored.get(tokens[t]) ?? IGNORE;
    return out;
  }
  if (task === 'story') {
    const last = tokens.length - 1;
    const asked = tokens[last];
    if (last < 1 || tokens[last - 1] !== 0 || asked < 1 || asked > STORY.entities) return out;
    for (let i = 0; i + 1 < last - 1; i++) if (tokens[i] === asked && tokens[i + 1] > STORY.entities) out[last] = tokens[i + 1];
    return out;
  }
  if (sep < 0) return out;
  const data = tokens.slice(0, sep).filter((t) => t >= 1 && t <= SELCOPY.data);
  for (let t = sep; t < tokens.length && t - sep < data.length; t++) out[t] = data[t - sep];
  return out;
}

/** Why a typed sequence was refused, for the page to put in words. */
export type TokenProblem = { kind: 'empty' } | { kind: 'unknown'; word: string } | { kind: 'too-long'; max: number };

export const MAX_TYPED_TOKENS = 256;

/** Words → tokens by their names (tokenName), case-insensitive; noise may be typed as ·3, .3 or n3. */
export function parseTokens(task: TaskId, text: string): { tokens: number[] } | { problem: TokenProblem } {
  const words = text.trim().split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { problem: { kind: 'empty' } };
  if (words.length > MAX_TYPED_TOKENS) return { problem: { kind: 'too-long', max: MAX_TYPED_TOKENS } };
  const names = new Map<string, number>();
  for (let tok = 0; tok < TASKS[task].vocab; tok++) names.set(tokenName(task, tok).toLowerCase(), tok);
  const tokens: number[] = [];
  for (const word of words) {
    const w = word.toLowerCase().replace(/^[.n](\d+)$/, '·$1');
    const tok = names.get(w);
    if (tok === undefined) return { problem: { kind: 'unknown', word } };
    tokens.push(tok);
  }
  return { tokens };
}

/** Where a task asks for an answer: after '|' (recall, copying) or the entity after '?' (story). */
export function queryPositions(task: TaskId, tokens: readonly number[]): number[] {
  const all = tokens.map((_, t) => t);
  const sep = tokens.indexOf(0);
  if (task === 'story') {
    const last = tokens.length - 1;
    return last >= 1 && tokens[last - 1] === 0 ? [last] : [];
  }
  if (sep < 0) return [];
  return all.filter((t) => (task === 'mqar' ? t > sep : t >= sep));
}

/** Chance accuracy of a task: one over the number of possible answers. */
export const CHANCE: Record<TaskId, number> = { mqar: 1 / MQAR.values, story: 1 / STORY.places, selective_copy: 1 / SELCOPY.data };
