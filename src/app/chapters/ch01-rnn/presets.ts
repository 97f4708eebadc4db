// Chapter 1's LSTM and sentences, kept as data so tests can rebuild exactly what the page shows.
import { embed, tokenize, type LstmSpec } from '../../../core/lstm';
import type { Mat } from '../../../core/linalg';

/** A 4-unit LSTM reading 4-dimensional embeddings, weights from seed 7 (core/lstm.ts lstmWeights). */
export const LSTM_SPEC: LstmSpec = { inputSize: 4, hiddenSize: 4, seed: 7 };

export type SentencePreset = 'greeting' | 'story';

/** The lecture's training example, and the start of the story chapter 8 comes back to (in the page's language). */
export const SENTENCES: Record<SentencePreset, Record<'en' | 'zh-TW', string>> = {
  greeting: { en: '大家好，我是', 'zh-TW': '大家好，我是' },
  story: { en: 'Joe went to the garden then Fred picked up the milk', 'zh-TW': '喬去花園，弗雷德拿起牛奶' },
};

/** Longest sentence the page accepts (the diagram stays readable). */
export const MAX_TOKENS = 12;

/** The embeddings x_1 … x_T the LSTM reads for a list of tokens. */
export function lstmInputs(tokens: readonly string[]): Mat {
  return tokens.map((token) => embed(token, LSTM_SPEC.inputSize, LSTM_SPEC.seed));
}

/** Tokens of a typed sentence, cut to MAX_TOKENS. */
export function sentenceTokens(text: string): string[] {
  return tokenize(text).slice(0, MAX_TOKENS);
}
