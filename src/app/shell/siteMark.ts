// The site's mark: a small memory matrix S, written by keys k (the row above it) with values v (the
// column beside it), as in the app icon. It is the page's first paint: index.html carries the same
// markup inside #root, a header with the mark alone (no words, so no language), painted as soon as the
// style sheet is in, while the code downloads; React's header replaces it with the mark at the same
// place (siteMark.test.ts holds index.html to this markup). Its colours are the symbols' tokens
// (styles.css, .site-mark).

const CELL = 6;
const at = (i: number) => 14 + i * (CELL + 2);
/** Which cells of the 4 × 4 matrix hold ink, and how much (classes mk-1 … mk-3 in styles.css). */
const WRITTEN = ['3..1', '.2.3', '1.3.', '.3.2'];

function cells(): string {
  const out: string[] = [];
  for (let i = 0; i < 4; i++) {
    out.push(`<rect class="mk-k" x="${at(i)}" y="2" width="${CELL}" height="${CELL}" rx="1"/>`);
    out.push(`<rect class="mk-v" x="2" y="${at(i)}" width="${CELL}" height="${CELL}" rx="1"/>`);
  }
  WRITTEN.forEach((row, r) =>
    [...row].forEach((ink, c) => {
      if (ink !== '.') out.push(`<rect class="mk-${ink}" x="${at(c)}" y="${at(r)}" width="${CELL}" height="${CELL}"/>`);
    }),
  );
  return out.join('');
}

/** The mark's SVG (decorative: the site's name stands beside it). */
export const SITE_MARK_SVG = `<svg class="site-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false"><rect class="mk-S" x="11.5" y="11.5" width="35" height="35" rx="2"/>${cells()}</svg>`;

/** What index.html paints before the code has run: the header, with the mark where React will put it. */
export const STATIC_SHELL = `<header class="site-header"><div class="site-brand"><span class="site-name"><span class="site-mark-box">${SITE_MARK_SVG}</span></span></div></header>`;
