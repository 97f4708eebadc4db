import { startTransition, useEffect, useMemo, useState } from 'react';
import { useStrings } from '../i18n';
import { SafeHtml } from '../../viz/safeHtml';
import { GatePlaceholder, useExerciseGate } from '../components/AnswerGate';
import type { ExerciseId } from '../exercises';
import { splitHeld, type ProseSegment } from './heldProse';
import { applyMarks } from '../glossary/marks';
import { loadPart, type ProsePart } from './loadContent';
import { useSettled, useStaggered } from '../shell/pageSettle';
import { splitBlocks } from './blocks';

/**
 * Loads a block of prose (content/<lang>/<id>.md) as HTML, in the page's language, once `wanted`; with
 * `glossary`, the first use of each term is a button that opens its entry (a chapter's GlossaryTerms
 * handles them).
 */
export function useProseHtml(id: string, part: ProsePart, glossary = false, wanted = true): { html: string | null; error: string | null } {
  const { lang } = useStrings();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    setError(null);
    // The prose after a figure is below the page's top: rendered as a transition, in slices React can
    // yield between (a chapter's part, split into its steps and pieces, was a 40–60 ms task unthrottled).
    const show = (p: string) => (part === 'after' ? startTransition(() => setHtml(p)) : setHtml(p));
    loadPart(lang, id, part).then(
      (p) => live && show(glossary ? applyMarks(p.html, p.marks) : p.html),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [lang, id, part, glossary, wanted]);
  return { html, error };
}

/** A block of prose from content/<lang>/<id>.md. */
export function Prose({ id, part = 'all', glossary }: { id: string; part?: ProsePart; glossary?: boolean }) {
  const { html, error } = useProseHtml(id, part, glossary);
  useSettled(`prose-${part}`, html !== null || error !== null);
  if (error) return <p role="alert">{error}</p>;
  return <ProseHtml html={html ?? ''} />;
}

/** About how many elements a piece of staggered prose holds (blocks.ts). */
const PIECE_ELEMENTS = 120;

/**
 * Prose rendered at build time (set unsanitised: see SafeHtml's `trusted`), with its passages held for
 * an exercise (`<!-- held: … -->`) behind their gates. With `stagger` (prose in a page's lower stage),
 * its shown passages are laid out a few blocks a frame while the page loads (blocks.ts): each piece is
 * a `.prose` box of its own, which looks the same, as the margins between blocks collapse through it.
 */
export function ProseHtml({ html, stagger = false }: { html: string; stagger?: boolean }) {
  const pieces = useMemo(
    () => splitHeld(html).flatMap((s): ProseSegment[] => (s.held || !stagger ? [s] : splitBlocks(s.html, PIECE_ELEMENTS).map((piece) => ({ html: piece })))),
    [html, stagger],
  );
  const count = useStaggered(pieces.length, stagger ? 1 : pieces.length);
  if (pieces.length <= 1 && !pieces[0]?.held) return <SafeHtml className="prose" html={html} trusted />;
  return (
    <>
      {pieces.slice(0, count).map((s, i) =>
        s.held ? <HeldPassage key={i} exercise={s.held} html={s.html} /> : <SafeHtml key={i} className="prose" html={s.html} trusted />,
      )}
    </>
  );
}

/** A passage that explains an exercise's answer: a placeholder until the learner has answered. */
function HeldPassage({ exercise, html }: { exercise: ExerciseId; html: string }) {
  const gate = useExerciseGate(exercise);
  if (gate.state === 'open') return <SafeHtml className="prose" html={html} trusted />;
  return <GatePlaceholder exercise={exercise} state={gate.state} kind="prose" />;
}
