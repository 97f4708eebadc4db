// Per-chapter strings: each chapter keeps its own interface words beside its code, in both
// languages, and the type checker makes sure the 繁體中文 table has every key the English one has.
import type { Lang } from './index';
import { useStrings } from './index';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

export type Localized<T> = Record<Lang, Widen<T>>;

export function defineStrings<T>(en: T, zhTW: Widen<T>): Localized<T> {
  return { en: en as Widen<T>, 'zh-TW': zhTW };
}

/** The current language's table of a chapter's strings. */
export function useLocalized<T>(table: Localized<T>): Widen<T> {
  return table[useStrings().lang];
}
