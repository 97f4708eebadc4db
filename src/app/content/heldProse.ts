// Prose that explains an exercise's answer is held back like the figure parts that would show it.
// In content/<lang>/*.md a `<!-- held: <exercise> -->` line starts such a passage and `<!-- /held -->`
// (or the end of the part) ends it; the comments pass through marked untouched, so the rendered HTML
// is cut at them here.
import { EXERCISES, type ExerciseId } from '../exercises';

export interface ProseSegment {
  html: string;
  /** The exercise whose answer this passage gives away; absent for prose that always shows. */
  held?: ExerciseId;
}

const MARK = /<!--\s*(?:held:\s*([\w-]+)|\/held)\s*-->/g;

export function isExerciseId(id: string): id is ExerciseId {
  return Object.prototype.hasOwnProperty.call(EXERCISES, id);
}

/** The HTML cut into passages that show and passages held for an exercise (an unknown id holds nothing). */
export function splitHeld(html: string): ProseSegment[] {
  const segments: ProseSegment[] = [];
  let held: ExerciseId | undefined;
  let from = 0;
  const push = (to: number) => {
    const part = html.slice(from, to);
    if (part.trim()) segments.push(held ? { html: part, held } : { html: part });
  };
  for (const m of html.matchAll(MARK)) {
    push(m.index);
    from = m.index + m[0].length;
    held = m[1] !== undefined && isExerciseId(m[1]) ? m[1] : undefined;
  }
  push(html.length);
  return segments;
}

/** The exercises a source's held markers name, in order (for the content tests). */
export function heldMarks(source: string): string[] {
  return [...source.matchAll(MARK)].map((m) => m[1] ?? '/');
}

/**
 * Prose cut into consecutive parts (the steps of src/app/steps) may cut a held passage in two: each part
 * that starts inside one gets its own opening marker, so every part holds back what the whole would.
 */
export function carryHeld(parts: readonly string[]): string[] {
  let open: string | undefined;
  return parts.map((html) => {
    const out = open ? `<!-- held: ${open} -->${html}` : html;
    for (const mark of heldMarks(html)) open = mark === '/' ? undefined : mark;
    return out;
  });
}
