// KaTeX, rendered to a string once per formula; no fonts or scripts from the network. KaTeX (~75 KB
// gzipped) is fetched with the first formula, not in the first bundle: until it arrives (a moment, from
// the same origin) the formula shows its TeX source.
import type Katex from 'katex';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { katexMacros } from './katexMacros';
import { rememberRecent } from './recent';
import { SafeHtml, loadSanitizer } from './safeHtml';
import { useHoldPaint, usePaintTurn } from './paintHold';
import { loadKatexFaces } from './katexFaces';

let katex: typeof Katex | null = null;
let loading: Promise<typeof Katex> | null = null;
function loadKatex(): Promise<typeof Katex> {
  // The sanitiser comes with it: a formula is shown sanitised in its first render (safeHtml.tsx). So do
  // its main faces: typeset before they are in, it would be laid out twice (katexFaces.ts).
  loading ??= Promise.all([import('katex'), loadSanitizer(), loadKatexFaces()]).then(([m]) => (katex = m.default));
  return loading;
}

export interface FormulaProps {
  tex: string;
  display?: boolean;
}

/** Whether KaTeX is in (fetching it on first use): a page can wait for it before painting its formulas. */
export function useKatexReady(): boolean {
  const [ready, setReady] = useState(katex !== null);
  useEffect(() => {
    if (ready) return;
    let current = true;
    // A transition: the formulas of a page typeset in slices React can yield between, not one long task.
    loadKatex().then(() => current && startTransition(() => setReady(true)), () => undefined);
    return () => {
      current = false;
    };
  }, [ready]);
  return ready;
}

/**
 * The last formulas typeset: a figure shows the same few formulas again and again (its steps, its
 * panels, a re-mount), and typesetting one takes a slow phone milliseconds each time. The output
 * depends on the TeX and the mode alone.
 */
const typesetDisplay = rememberRecent(64, (tex) => typesetWith(tex, true));
const typesetInline = rememberRecent(64, (tex) => typesetWith(tex, false));

function typesetWith(tex: string, display: boolean): string {
  return katex!.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', macros: { ...katexMacros } });
}

export function Formula({ tex, display = false }: FormulaProps) {
  const ready = useKatexReady();
  // While the page comes in, each formula is put in at its own turn: a table's 22 formulas, all in one
  // commit, were one long task to insert and the next frame a long one to style (chapter 7).
  const turn = usePaintTurn(ready);
  // Typeset, a formula is wider or narrower than its source: a page's gate waits for it.
  useHoldPaint(!ready || !turn);
  const html = useMemo(() => (ready && turn && katex ? (display ? typesetDisplay : typesetInline)(tex) : null), [tex, display, ready, turn]);
  if (html === null) return <span className={display ? 'formula formula-pending formula-display' : 'formula formula-pending'}>{tex}</span>;
  return <SafeHtml as="span" className="formula" html={html} />;
}
