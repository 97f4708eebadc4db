// A chapter's glossary buttons travel as positions: the build marks the prose (markTerms.ts, in
// src/app/content/buildProse.ts) and the page puts the buttons back, so it neither matches terms
// itself nor downloads each part twice (plain for the train page, marked for a chapter).

/** A button around html.slice(at, end), for the term `key`; positions in the unmarked HTML. */
export type TermMark = readonly [at: number, end: number, key: string];

export function termButton(key: string, text: string): string {
  return `<button type="button" class="gloss-term" data-term="${key}" aria-expanded="false">${text}</button>`;
}

/** The HTML with its buttons back (marks in order, as markTerms gives them). */
export function applyMarks(html: string, marks: readonly TermMark[]): string {
  let out = '';
  let from = 0;
  for (const [at, end, key] of marks) {
    out += html.slice(from, at) + termButton(key, html.slice(at, end));
    from = end;
  }
  return out + html.slice(from);
}
