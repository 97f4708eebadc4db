// The chapters' own inputs, one menu away: open any chapter's example in the playground to see it at
// other sizes, in the chunkwise view, or exported. Built by the chapters' preset functions, so the
// numbers are exactly what the chapter shows.
import type { Case } from '../../core/cases';
import { DEFAULT_STORY, storyCase } from '../../core/story';
import { gatedRetentionCase, gatesPreset } from '../../core/tokenGates';
import { mambaCase } from '../chapters/ch09-mamba/presets';
import { linearAttentionPreset, retnetPreset } from '../chapters/presets';

export const CHAPTER_EXAMPLES = ['ch2-one-hot', 'ch5-single-write', 'ch6-clear', 'ch8-story', 'ch9-selective'] as const;
export type ChapterExample = (typeof CHAPTER_EXAMPLES)[number];

export function chapterExample(id: ChapterExample): Case {
  switch (id) {
    case 'ch2-one-hot':
      return linearAttentionPreset('one-hot');
    case 'ch5-single-write':
      return retnetPreset('single-write', 0.8);
    case 'ch6-clear':
      return gatedRetentionCase(gatesPreset('one-clear'));
    case 'ch8-story':
      return storyCase(DEFAULT_STORY, { mechanism: 'deltanet', beta: 1 });
    case 'ch9-selective':
      return mambaCase('selective');
  }
}
