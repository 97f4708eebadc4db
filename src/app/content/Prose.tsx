import { useEffect, useState } from 'react';
import { useStrings, type Lang } from '../i18n';
import { SafeHtml } from '../../viz/safeHtml';
import { GatePlaceholder, useExerciseGate } from '../components/AnswerGate';
import type { ExerciseId } from '../exercises';
import { splitHeld } from './heldProse';
import { loadContent, type ProsePart } from './loadContent';
import { useSettled } from '../shell/pageSettle';

/** A step after rendering (e.g. glossary terms); it gets the rendered HTML and returns the HTML to show. */
export type ProseTransform = (html: string, lang: Lang) => Promise<string>;

/** Loads a block of chapter prose (content/<lang>/<id>.md) as HTML, in the page's language. */
export function useProseHtml(id: string, part: ProsePart, transform?: ProseTransform): { html: string | null; error: string | null } {
  const { lang } = useStrings();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    loadContent(lang, id, part)
      .then((h) => (transform ? transform(h, lang).catch(() => h) : h))
      .then(
        (h) => live && setHtml(h),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [lang, id, part, transform]);
  return { html, error };
}

/** A block of chapter prose from content/<lang>/<id>.md. */
export function Prose({ id, part = 'all', transform }: { id: string; part?: ProsePart; transform?: ProseTransform }) {
  const { html, error } = useProseHtml(id, part, transform);
  useSettled(`prose-${part}`, html !== null || error !== null);
  if (error) return <p role="alert">{error}</p>;
  return <ProseHtml html={html ?? ''} />;
}

/** Rendered prose, with its passages held for an exercise (`<!-- held: … -->`) behind their gates. */
export function ProseHtml({ html }: { html: string }) {
  const segments = splitHeld(html);
  if (segments.length <= 1 && !segments[0]?.held) return <SafeHtml className="prose" html={html} />;
  return (
    <>
      {segments.map((s, i) =>
        s.held ? <HeldPassage key={i} exercise={s.held} html={s.html} /> : <SafeHtml key={i} className="prose" html={s.html} />,
      )}
    </>
  );
}

/** A passage that explains an exercise's answer: a placeholder until the learner has answered. */
function HeldPassage({ exercise, html }: { exercise: ExerciseId; html: string }) {
  const gate = useExerciseGate(exercise);
  if (gate.state === 'open') return <SafeHtml className="prose" html={html} />;
  return <GatePlaceholder exercise={exercise} state={gate.state} kind="prose" />;
}
