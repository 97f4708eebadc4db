// Chapter 8's story as numbers: "Joe went to the garden … Joe went to the kitchen. Where is Joe?"
// Each fact "X went to P" is one write, key = X's entity key, value = P's one-hot place vector. Every
// step also reads with the asked person's key, so row t of O says where the memory thinks they are
// after fact t; a last step asks the question without writing (k = 0, v = 0).
// Answers are decoded by dot product with the place vectors, the way a language model's output
// layer would score its vocabulary.
import type { CaseOf } from './cases';
import { type Mat, type Vec, dot } from './linalg';
import { runReference } from './index';

export const ENTITIES = ['joe', 'mary', 'fred', 'dan'] as const;
export type Entity = (typeof ENTITIES)[number];

export const PLACES = ['garden', 'kitchen', 'office', 'bathroom', 'bedroom'] as const;
export type Place = (typeof PLACES)[number];

export interface Fact {
  entity: Entity;
  place: Place;
}

export interface Story {
  facts: readonly Fact[];
  /** Whom the question asks about. */
  question: Entity;
}

/** Long enough for a story with every kind of fact, short enough to read on one screen. */
export const MAX_FACTS = 10;

export const DEFAULT_STORY: Story = {
  facts: [
    { entity: 'joe', place: 'garden' },
    { entity: 'mary', place: 'office' },
    { entity: 'joe', place: 'bathroom' },
    { entity: 'mary', place: 'kitchen' },
    { entity: 'joe', place: 'kitchen' },
  ],
  question: 'joe',
};

/**
 * 'orthogonal': one axis per person (orthonormal keys: no crosstalk at all).
 * 'overlapping': unit keys with cosine ≈ 0.28 between any two people, like learned keys are.
 */
export type KeySet = 'orthogonal' | 'overlapping';
export const KEY_SETS: readonly KeySet[] = ['orthogonal', 'overlapping'];

/** Shared component added to every axis before normalising, for the overlapping key set. */
const OVERLAP = 0.15;

export function l2normalise(x: Vec): Vec {
  const n = Math.sqrt(dot(x, x));
  return n > 0 ? x.map((xi) => xi / n) : x.slice();
}

/** One unit key per person (rows in ENTITIES order), d_k = 4. */
export function entityKeys(keys: KeySet = 'orthogonal'): Mat {
  const d = ENTITIES.length;
  return ENTITIES.map((_, i) =>
    l2normalise(Array.from({ length: d }, (_, j) => (i === j ? 1 : 0) + (keys === 'overlapping' ? OVERLAP : 0))),
  );
}

export function entityKey(entity: Entity, keys: KeySet = 'orthogonal'): Vec {
  return entityKeys(keys)[ENTITIES.indexOf(entity)];
}

/** The place vectors (rows in PLACES order): one-hot, d_v = 5. They are both the values written and the decoder. */
export function placeVectors(): Mat {
  return PLACES.map((_, i) => PLACES.map((__, j) => (i === j ? 1 : 0)));
}

export function placeVector(place: Place): Vec {
  return placeVectors()[PLACES.indexOf(place)];
}

/** q, k, v of the story: one step per fact, then the question step. T = facts + 1. */
export function encodeStory(story: Story, keys: KeySet = 'orthogonal'): { q: Mat; k: Mat; v: Mat } {
  const asked = entityKey(story.question, keys);
  const none = (n: number) => new Array<number>(n).fill(0);
  return {
    q: [...story.facts.map(() => asked), asked],
    k: [...story.facts.map((f) => entityKey(f.entity, keys)), none(ENTITIES.length)],
    v: [...story.facts.map((f) => placeVector(f.place)), none(PLACES.length)],
  };
}

/** Which memory reads the story: β is the delta rule's step size, α Gated DeltaNet's forget gate. */
export type StoryMemory =
  | { mechanism: 'linear_attention' }
  | { mechanism: 'deltanet'; beta: number }
  | { mechanism: 'gated_deltanet'; beta: number; alpha: number };

export type StoryCase = CaseOf<'linear_attention'> | CaseOf<'deltanet'> | CaseOf<'gated_deltanet'>;

/** The story as a case of one mechanism; β and α are the same at every step (the question step included). */
export function storyCase(story: Story, memory: StoryMemory, keys: KeySet = 'orthogonal'): StoryCase {
  const attn = encodeStory(story, keys);
  const every = (x: number) => attn.q.map(() => x);
  // β and α, where the memory has them, as per-step fields (α is Gated DeltaNet's gate).
  const beta = 'beta' in memory ? { beta: every(memory.beta) } : {};
  const gate = 'alpha' in memory ? { gate: every(memory.alpha) } : {};
  return { mechanism: memory.mechanism, ...attn, ...beta, ...gate } as StoryCase;
}

/** Scores over PLACES: the dot product of the read o with each place vector. */
export function decodePlaces(o: Vec, places: Mat = placeVectors()): Vec {
  return places.map((p) => dot(p, o));
}

export interface Ranking {
  /** Index of the highest score; null when nothing scores above `eps` (the memory knows nothing). */
  top: number | null;
  /** Every index within `eps` of the highest score (length > 1: a tie the memory cannot break). */
  tied: number[];
}

export function rankPlaces(scores: Vec, eps = 1e-4): Ranking {
  const best = Math.max(...scores);
  if (!(best > eps)) return { top: null, tied: [] };
  const tied = scores.flatMap((s, i) => (best - s <= eps ? [i] : []));
  return { top: tied[0], tied };
}

/** How many times the story sends `entity` to each place (PLACES order). */
export function visitCounts(story: Story, entity: Entity): number[] {
  return PLACES.map((p) => story.facts.filter((f) => f.entity === entity && f.place === p).length);
}

/** Where the story last sent `entity`, or null if it never moves. */
export function latestPlace(story: Story, entity: Entity): Place | null {
  for (let i = story.facts.length - 1; i >= 0; i--) if (story.facts[i].entity === entity) return story.facts[i].place;
  return null;
}

/** The float64 answer to the story's question: the last read o_T and its scores over the places. */
export function storyAnswer(story: Story, memory: StoryMemory, keys: KeySet = 'orthogonal'): { o: Vec; scores: Vec } {
  const o = runReference(storyCase(story, memory, keys), 'recurrent').o;
  const last = o[o.length - 1];
  return { o: last, scores: decodePlaces(last) };
}
