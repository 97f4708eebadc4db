import { useEffect, useState } from 'react';
import { useStrings, type Lang } from '../i18n';
import { SafeHtml } from '../../viz/safeHtml';
import { loadContent, type ProsePart } from './loadContent';

/** A step after rendering (e.g. glossary terms); it gets the rendered HTML and returns the HTML to show. */
export type ProseTransform = (html: string, lang: Lang) => Promise<string>;

/** A block of chapter prose from content/<lang>/<id>.md. */
export function Prose({ id, part = 'all', transform }: { id: string; part?: ProsePart; transform?: ProseTransform }) {
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
  if (error) return <p role="alert">{error}</p>;
  return <SafeHtml className="prose" html={html ?? ''} />;
}
