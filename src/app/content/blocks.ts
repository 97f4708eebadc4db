// A passage's HTML cut between its top-level blocks into pieces of about `budget` elements each, so that
// a page can lay a long passage out a piece a frame as it loads (useStaggered in pageSettle.tsx): laid
// out whole, a passage of ~500 elements (KaTeX makes ~40 per formula) was one 24 ms task unthrottled.
// The HTML is the build's own (marked and KaTeX escape every `<` and `>` in text and attributes), so
// its tags can be followed by pattern; what the count cannot follow (tags that do not balance) stays
// one piece.
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The pieces, in order; joined, they are `html` again. */
export function splitBlocks(html: string, budget: number): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let weight = 0;
  let from = 0;
  for (const m of html.matchAll(TAG)) {
    const [tag, closing, name, selfClosing] = m;
    if (name === undefined) continue; // a comment
    if (closing) depth--;
    else {
      weight++;
      if (!selfClosing && !VOID.has(name.toLowerCase())) depth++;
    }
    if (depth < 0) return [html];
    if (depth === 0 && weight >= budget) {
      const to = m.index + tag.length;
      pieces.push(html.slice(from, to));
      from = to;
      weight = 0;
    }
  }
  if (depth !== 0) return [html];
  const rest = html.slice(from);
  if (pieces.length === 0) return [html];
  if (weight === 0 && !rest.trim()) pieces[pieces.length - 1] += rest;
  else pieces.push(rest);
  return pieces;
}
