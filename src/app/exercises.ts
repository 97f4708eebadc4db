// Every predict-then-reveal exercise of the course, in one place. PredictReveal takes its test id and
// answer from here; figures that would show an answer hold it back through the exercise's gate
// (components/AnswerGate.tsx); e2e/exercises.spec.ts walks this list.
// Kept to plain data so the main bundle stays small: exercises.test.ts checks every token against the
// strings tables and the float64 core, so a token cannot drift from what the page shows.
import type { Lang } from './i18n';
import type { Route } from './routes';

export interface Exercise {
  /** The page that asks it. */
  route: Extract<Route, { page: 'chapter' } | { page: 'playground' }>;
  /** data-testid of the PredictReveal section (also the prefix of its commit, result and reveal buttons). */
  testId: string;
  /** The id of the right choice. */
  answer: string;
  /** Link parameters under which the page's figures would show the answer (the e2e check sets them). */
  query?: string;
  /** Whether a figure on the page holds part of itself back (AnswerGate placeholders) until the answer shows. */
  figures: boolean;
  /**
   * Text that gives the answer away, per language. It is matched against the page's visible text,
   * whitespace collapsed, plus one "column header = cell" line per visible table cell and the text of
   * visible SVG labels — so "kitchen = 1.00" is the kitchen column of a table holding 1.00.
   */
  tokens: Readonly<Record<Lang, readonly string[]>>;
}

export const EXERCISES = {
  why: {
    route: { page: 'chapter', slug: 'why' },
    testId: 'predict',
    answer: '65536',
    figures: true,
    // The score matrix at T = 4096 in the bytes table (and the explanation).
    tokens: { en: ['64 MiB'], 'zh-TW': ['64 MiB'] },
  },
  rnn: {
    route: { page: 'chapter', slug: 'rnn' },
    testId: 'predict',
    answer: 'five',
    figures: false,
    tokens: { en: ['five states, each waiting for the one before'], 'zh-TW': ['五個狀態，每一個都得等前一個算完'] },
  },
  capacity: {
    route: { page: 'chapter', slug: 'capacity' },
    testId: 'predict',
    answer: '9',
    figures: true,
    query: 'keys=one-hot&dk=8',
    tokens: { en: ['linear attention first fails at n = 9.'], 'zh-TW': ['線性注意力在 n = 9 時第一次出錯'] },
  },
  gates: {
    route: { page: 'chapter', slug: 'gates' },
    testId: 'predict-gates',
    answer: 'own',
    figures: true,
    // Step 6 is the read right after ⟲.
    query: 't=6',
    // Row 6 of the outputs O (the read right after ⟲) for the default sequence.
    tokens: { en: ['0.65 −0.47 0.13 −0.06'], 'zh-TW': ['0.65 −0.47 0.13 −0.06'] },
  },
  'finer-gates': {
    route: { page: 'chapter', slug: 'finer-gates' },
    testId: 'predict-finer-gates',
    answer: 'column',
    figures: false,
    tokens: { en: ['A factor of 0 empties column 2'], 'zh-TW': ['因子為 0 會把第 2 欄清空'] },
  },
  deltanet: {
    route: { page: 'chapter', slug: 'deltanet' },
    testId: 'predict',
    answer: 'mix-latest',
    figures: true,
    // The question's step.
    query: 't=6',
    // DeltaNet's read of "Joe?" in the outputs O, and linear attention's verdict on the same read.
    // The prose after the figure explains it: "The kitchen replaces the garden" is held with it.
    tokens: {
      en: ['kitchen = 1.00', 'the memory cannot tell', 'The kitchen replaces the garden'],
      'zh-TW': ['廚房 = 1.00', '記憶分不出來', '廚房取代了花園'],
    },
  },
  'mamba-selective': {
    route: { page: 'chapter', slug: 'mamba' },
    testId: 'predict-delta',
    answer: 'keep',
    figures: true,
    // Step 2 is the filler "um".
    query: 't=2',
    // The fraction of the memory a filler keeps, in the exp(Δ_t A) table.
    tokens: { en: ['um = 0.99'], 'zh-TW': ['嗯 = 0.99'] },
  },
  'mamba-scan': {
    route: { page: 'chapter', slug: 'mamba' },
    testId: 'predict-scan',
    answer: 'three',
    figures: true,
    // A link to the complete tree.
    query: 'level=3',
    tokens: { en: ['The tree is complete'], 'zh-TW': ['整棵樹完成了'] },
  },
  where: {
    route: { page: 'chapter', slug: 'where-they-stand' },
    testId: 'predict',
    answer: 'softmax_attention',
    figures: true,
    // The recap's cache cell, and the prose after the figure that explains it.
    tokens: {
      en: ['t·(dₖ + dᵥ) numbers: grows', 'its state grows with the sequence'],
      'zh-TW': ['t·(dₖ + dᵥ) 個數：會變長', '所以狀態會隨序列變長'],
    },
  },
  playground: {
    route: { page: 'playground' },
    testId: 'pg-predict',
    answer: 'crossover',
    figures: false,
    tokens: { en: ['They meet where 128 T = 8192'], 'zh-TW': ['兩者在 128 T = 8192'] },
  },
} as const satisfies Record<string, Exercise>;

export type ExerciseId = keyof typeof EXERCISES;
export const EXERCISE_IDS = Object.keys(EXERCISES) as ExerciseId[];
