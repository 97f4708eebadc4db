// A chapter's declared reading steps, read from its content file by the same parser the page uses, so
// the step specs compare the page against the content and not against the page's own idea of it.
import { readFileSync } from 'node:fs';
import { resolveSteps, splitSteps, type ResolvedStep } from '../src/app/steps/parse';

/** The steps of content/<lang>/<contentId>.md, and for each whether its passage is held (it starts inside a held part or opens one). */
export function readSteps(contentId: string, lang: string): { steps: ResolvedStep[]; held: boolean[] } {
  const split = splitSteps(readFileSync(`content/${lang}/${contentId}.md`, 'utf8'));
  let open = false;
  const held = split.steps.map((s) => {
    const marks = [...s.html.matchAll(/<!--\s*(held:|\/held)/g)].map((m) => m[1]);
    const heldHere = open || marks.includes('held:');
    for (const m of marks) open = m === 'held:';
    return heldHere;
  });
  return { steps: resolveSteps(split.steps.map((s) => s.state)), held };
}

export function stepsOf(contentId: string, lang: string): ResolvedStep[] {
  return readSteps(contentId, lang).steps;
}
