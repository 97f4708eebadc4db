// KaTeX's two main faces (katex.min.css's @font-face names), asked for before a formula is put in the
// page. Laid out before its face is in, a formula is set in the fallback faces first: a symbol they lack
// (⊤, ∑) costs a slow font lookup there, and the whole formula is laid out again when the face arrives.
import { orAfter } from '../runtime/deadline';

/** The faces nearly every formula sets its letters and symbols in. */
const KATEX_FACES = ['1em KaTeX_Main', 'italic 1em KaTeX_Math'];

/** How long a formula waits for its faces at most: a stalled font must not hold the page's text. */
const FACES_WAIT_MS = 3000;

let faces: Promise<void> | null = null;

/** Starts loading the faces (once); settles when they are in, have failed or took too long (then the fallback faces show). */
export function loadKatexFaces(): Promise<void> {
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  if (!fonts) return Promise.resolve();
  faces ??= orAfter(
    Promise.all(KATEX_FACES.map((face) => fonts.load(face))).then(
      () => undefined,
      () => undefined,
    ),
    FACES_WAIT_MS,
    () => undefined,
  );
  return faces;
}

/** Whether rendered HTML holds a KaTeX formula. */
export function hasKatex(html: string): boolean {
  return html.includes('class="katex');
}
