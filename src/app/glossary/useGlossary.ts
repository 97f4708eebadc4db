import { useEffect, useState } from 'react';
import type { Lang } from '../i18n';
import { loadGlossary, type Glossary } from './loadGlossary';

/** The glossary for a language, once loaded (asked for once `wanted`); an error message if it could not be. */
export function useGlossary(lang: Lang, wanted = true): { glossary: Glossary | null; error: string | null } {
  const [state, setState] = useState<{ lang: Lang; glossary: Glossary | null; error: string | null }>({ lang, glossary: null, error: null });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadGlossary(lang).then(
      (glossary) => live && setState({ lang, glossary, error: null }),
      (e: unknown) => live && setState({ lang, glossary: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [lang, wanted]);
  return state.lang === lang ? state : { glossary: null, error: null };
}
