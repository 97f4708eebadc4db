// The story of chapter 8, checked by hand: linear attention answers the sum of every place the person
// visited; DeltaNet with β = 1 answers the latest place exactly (orthonormal keys).
import { describe, expect, it } from 'vitest';
import { dot } from './linalg';
import { runReference } from './index';
import {
  DEFAULT_STORY,
  ENTITIES,
  PLACES,
  decodePlaces,
  encodeStory,
  entityKeys,
  latestPlace,
  placeVector,
  rankPlaces,
  storyAnswer,
  storyCase,
  visitCounts,
  type Story,
} from './story';
import { expectClose } from './test-utils';

const story = (facts: [Story['facts'][number]['entity'], Story['facts'][number]['place']][], question: Story['question']): Story => ({
  facts: facts.map(([entity, place]) => ({ entity, place })),
  question,
});

describe('the story vocabulary', () => {
  it('entity keys are unit vectors; orthogonal keys are orthonormal, overlapping ones have cosine ≈ 0.28', () => {
    for (const set of ['orthogonal', 'overlapping'] as const)
      for (const k of entityKeys(set)) expect(dot(k, k)).toBeCloseTo(1, 14);
    const K = entityKeys('orthogonal');
    K.forEach((a, i) => K.forEach((b, j) => expect(dot(a, b)).toBe(i === j ? 1 : 0)));
    // (e_i + 0.15·1)·(e_j + 0.15·1) / ‖e_i + 0.15·1‖² = (0.3 + 0.09) / (1 + 0.3 + 0.09) = 0.39 / 1.39
    const O = entityKeys('overlapping');
    expect(dot(O[0], O[1])).toBeCloseTo(0.39 / 1.39, 14);
  });

  it('encodes one write per fact, then a question step that only reads', () => {
    const { q, k, v } = encodeStory(DEFAULT_STORY);
    expect(q).toHaveLength(6);
    expect(k[0]).toEqual([1, 0, 0, 0]); // Joe
    expect(k[1]).toEqual([0, 1, 0, 0]); // Mary
    expect(v[0]).toEqual([1, 0, 0, 0, 0]); // garden
    expect(v[1]).toEqual([0, 0, 1, 0, 0]); // office
    expect(k[5]).toEqual([0, 0, 0, 0]);
    expect(v[5]).toEqual([0, 0, 0, 0, 0]);
    q.forEach((row) => expect(row).toEqual([1, 0, 0, 0])); // every step asks about Joe
  });

  it('decodes by dot product with the place vectors', () => {
    expect(decodePlaces([1, 0, 0, 1, 0.5])).toEqual([1, 0, 0, 1, 0.5]);
    // A general decoder: scores are p_i · o.
    expect(decodePlaces([2, -1], [[1, 1], [0.5, -2]])).toEqual([1, 3]);
  });

  it('ranks places, reporting ties and an empty memory', () => {
    expect(rankPlaces([0, 2, 1, 0, 0])).toEqual({ top: 1, tied: [1] });
    expect(rankPlaces([1, 1, 0, 1, 0])).toEqual({ top: 0, tied: [0, 1, 3] });
    expect(rankPlaces([0, 0, 0, 0, 0])).toEqual({ top: null, tied: [] });
  });
});

describe('where is Joe?', () => {
  it('the default story: Joe visited garden, bathroom, kitchen — in that order', () => {
    expect(visitCounts(DEFAULT_STORY, 'joe')).toEqual([1, 1, 0, 1, 0]); // garden, kitchen, office, bathroom, bedroom
    expect(latestPlace(DEFAULT_STORY, 'joe')).toBe('kitchen');
    expect(latestPlace(DEFAULT_STORY, 'mary')).toBe('kitchen');
    expect(latestPlace(DEFAULT_STORY, 'fred')).toBeNull();
  });

  it('linear attention answers the sum of the visited places’ one-hot vectors, in every view', () => {
    // S q_Joe = Σ_s v_s (k_sᵀ k_Joe) = garden + bathroom + kitchen: a three-way tie.
    const c = storyCase(DEFAULT_STORY, { mechanism: 'linear_attention' });
    for (const view of ['recurrent', 'parallel', 'chunkwise'] as const) {
      const o = runReference(c, view).o;
      expectClose(o[o.length - 1], [1, 1, 0, 1, 0], 1e-12, view);
    }
    expect(rankPlaces(storyAnswer(DEFAULT_STORY, { mechanism: 'linear_attention' }).scores).tied).toEqual([0, 1, 3]);
  });

  it('DeltaNet with β = 1 answers the latest place exactly, in every view', () => {
    const c = storyCase(DEFAULT_STORY, { mechanism: 'deltanet', beta: 1 });
    for (const view of ['recurrent', 'parallel', 'chunkwise'] as const) {
      const o = runReference(c, view).o;
      expectClose(o[o.length - 1], placeVector('kitchen'), 1e-12, view);
    }
  });

  it('for any story and any person: linear attention = visit counts, DeltaNet (β = 1) = the latest place', () => {
    const stories = [
      story([['joe', 'garden'], ['joe', 'garden'], ['fred', 'office'], ['joe', 'bedroom']], 'joe'),
      story([['dan', 'office'], ['mary', 'garden'], ['dan', 'kitchen'], ['dan', 'office'], ['mary', 'bedroom']], 'dan'),
      story([['fred', 'bathroom']], 'fred'),
      story([['mary', 'office'], ['joe', 'kitchen']], 'dan'), // never mentioned: both know nothing
    ];
    for (const s of stories) {
      expectClose(storyAnswer(s, { mechanism: 'linear_attention' }).scores, visitCounts(s, s.question), 1e-12);
      const latest = latestPlace(s, s.question);
      const delta = storyAnswer(s, { mechanism: 'deltanet', beta: 1 }).scores;
      expectClose(delta, latest ? placeVector(latest) : [0, 0, 0, 0, 0], 1e-12);
      expect(rankPlaces(delta).top).toBe(latest ? PLACES.indexOf(latest) : null);
    }
    // Every person in the default story, asked in turn.
    for (const who of ENTITIES) {
      const s = { ...DEFAULT_STORY, question: who };
      expectClose(storyAnswer(s, { mechanism: 'linear_attention' }).scores, visitCounts(s, who), 1e-12);
    }
  });

  it('β < 1 keeps a blend that leans to the latest; β = 2 reflects the old value through the new one', () => {
    // One person, garden then kitchen. Along k the memory holds m; a step does m ← (1 − β) m + β v.
    const s = story([['joe', 'garden'], ['joe', 'kitchen']], 'joe');
    // β = 0.5: m₁ = 0.5 g, m₂ = 0.25 g + 0.5 k.
    expectClose(storyAnswer(s, { mechanism: 'deltanet', beta: 0.5 }).scores, [0.25, 0.5, 0, 0, 0], 1e-12);
    // β = 2: m₁ = 2 g (overshoots past g), m₂ = −m₁ + 2 k = −2 g + 2 k.
    expectClose(storyAnswer(s, { mechanism: 'deltanet', beta: 2 }).scores, [-2, 2, 0, 0, 0], 1e-12);
    // β = 1.5: m₁ = 1.5 g, m₂ = −0.5·1.5 g + 1.5 k = −0.75 g + 1.5 k.
    expectClose(storyAnswer(s, { mechanism: 'deltanet', beta: 1.5 }).scores, [-0.75, 1.5, 0, 0, 0], 1e-12);
  });

  it('Gated DeltaNet (β = 1): the latest place, faded by α once for every later step', () => {
    // Joe's last write is at step 5 of 6; only the question step decays it afterwards.
    expectClose(storyAnswer(DEFAULT_STORY, { mechanism: 'gated_deltanet', beta: 1, alpha: 0.8 }).scores, [0, 0.8, 0, 0, 0], 1e-12);
    // Mary's last write (step 4) is decayed at steps 5 and 6: α² = 0.64.
    const mary = { ...DEFAULT_STORY, question: 'mary' as const };
    expectClose(storyAnswer(mary, { mechanism: 'gated_deltanet', beta: 1, alpha: 0.8 }).scores, [0, 0.64, 0, 0, 0], 1e-12);
    // α = 1 is DeltaNet.
    expectClose(
      storyAnswer(DEFAULT_STORY, { mechanism: 'gated_deltanet', beta: 1, alpha: 1 }).scores,
      storyAnswer(DEFAULT_STORY, { mechanism: 'deltanet', beta: 1 }).scores,
      1e-15,
    );
  });

  it('overlapping keys: linear attention leaks other people’s places; DeltaNet still picks the latest', () => {
    const K = entityKeys('overlapping');
    const c = 0.39 / 1.39; // cosine between two people
    expect(dot(K[0], K[1])).toBeCloseTo(c, 14);
    // Linear attention: Σ_s v_s (k_sᵀ q) = garden + bathroom + kitchen (Joe) + c·(office + kitchen) (Mary).
    expectClose(storyAnswer(DEFAULT_STORY, { mechanism: 'linear_attention' }, 'overlapping').scores, [1, 1 + c, c, 1, 0], 1e-12);
    const delta = storyAnswer(DEFAULT_STORY, { mechanism: 'deltanet', beta: 1 }, 'overlapping').scores;
    expect(rankPlaces(delta).top).toBe(PLACES.indexOf('kitchen'));
    // Joe's key was written last, so reading with it returns kitchen exactly even with overlap.
    expectClose(delta, placeVector('kitchen'), 1e-12);
  });
});
