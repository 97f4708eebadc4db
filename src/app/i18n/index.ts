// Language choice: URL (?lang=) first so links are language-addressable, then the saved choice.
import { createContext, useContext } from 'react';

export const LANGS = ['en', 'zh-TW'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-TW': '繁體中文' };

const STORAGE_KEY = 'memory-lane.lang';

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

export function initialLang(search: string, stored: string | null): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(stored)) return stored;
  return 'en';
}

export function loadLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage can be disabled; the URL still works
  }
  return initialLang(location.search, stored);
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: private mode
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  document.documentElement.lang = lang;
}

/** Fills {name} placeholders: the one filler of the site. It lives with the screen-reader helpers in
 * src/viz/aria.ts, because src/viz does not import from src/app; every table's templates go through it. */
export { fillTemplate as fill } from '../../viz/aria';

export const LangContext = createContext<{ lang: Lang }>({ lang: 'en' });
/** The page's language; the words themselves come from each table through useLocalized (define.ts). */
export const useStrings = () => useContext(LangContext);
