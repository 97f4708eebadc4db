// The course, in reading order (docs/design.md §1). A chapter with a `load` is live; the others are shown
// in the table of contents so the learner sees the whole arc.
import type { ComponentType } from 'react';
import type { TaskId } from '../../core/tasks';
import type { TrainedMechanism } from '../../models/trained';

export interface ChapterEntry {
  number: number;
  slug: string;
  /** Prose file id under content/<lang>/, and the chapter's folder here (chapters/<contentId>/index.tsx). */
  contentId: string;
  load?: () => Promise<{ default: ComponentType }>;
  /** A trained network on a task (issue 8), shown after the prose with the model shown first. */
  trained?: { task: TaskId; model: TrainedMechanism };
  /** Named parts of the figure, each embeddable alone (#/embed/<slug>/<name>; see src/app/embed). */
  figures?: readonly string[];
}

export const CHAPTERS: ChapterEntry[] = [
  { number: 0, slug: 'why', contentId: 'ch00-why', load: () => import('./ch00-why') },
  { number: 1, slug: 'rnn', contentId: 'ch01-rnn', load: () => import('./ch01-rnn') },
  { number: 2, slug: 'linear-attention', contentId: 'ch02-linear-attention', load: () => import('./ch02-linear-attention') },
  { number: 3, slug: 'write-read', contentId: 'ch03-write-read', load: () => import('./ch03-write-read') },
  { number: 4, slug: 'capacity', contentId: 'ch04-capacity', load: () => import('./ch04-capacity'), trained: { task: 'mqar', model: 'linear_attention' } },
  { number: 5, slug: 'retnet', contentId: 'ch05-retnet', load: () => import('./ch05-retnet') },
  { number: 6, slug: 'gates', contentId: 'ch06-gates', load: () => import('./ch06-gates'), trained: { task: 'story', model: 'mamba2' } },
  { number: 7, slug: 'finer-gates', contentId: 'ch07-finer-gates', load: () => import('./ch07-finer-gates') },
  { number: 8, slug: 'deltanet', contentId: 'ch08-deltanet', load: () => import('./ch08-deltanet'), trained: { task: 'story', model: 'deltanet' } },
  { number: 9, slug: 'mamba', contentId: 'ch09-mamba', load: () => import('./ch09-mamba'), trained: { task: 'selective_copy', model: 'mamba' }, figures: ['zoh', 'convolution', 'selective', 'scan'] },
  { number: 10, slug: 'where-they-stand', contentId: 'ch10-where', load: () => import('./ch10-where'), figures: ['recap', 'chunkwise', 'side-by-side'] },
];

export function findChapter(slug: string): ChapterEntry | undefined {
  return CHAPTERS.find((c) => c.slug === slug);
}

/** The live chapters before and after this one, for previous / next links. */
export function neighbours(slug: string): { previous?: ChapterEntry; next?: ChapterEntry } {
  const live = CHAPTERS.filter((c) => c.load);
  const i = live.findIndex((c) => c.slug === slug);
  if (i < 0) return {};
  return { previous: live[i - 1], next: live[i + 1] };
}
