import { useEffect, useState } from 'react';
import { useStrings } from '../i18n';
import { SafeHtml } from '../../viz/safeHtml';
import { loadContent, type ProsePart } from './loadContent';

/** A block of chapter prose from content/<lang>/<id>.md. */
export function Prose({ id, part = 'all' }: { id: string; part?: ProsePart }) {
  const { lang } = useStrings();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    loadContent(lang, id, part).then(
      (h) => live && setHtml(h),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [lang, id, part]);
  if (error) return <p role="alert">{error}</p>;
  return <SafeHtml className="prose" html={html ?? ''} />;
}
