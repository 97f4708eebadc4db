// The link as the page's state. `useUrlParam(name, schema, fallback)` is useState whose value starts
// from the link and is written back to it (history.replaceState, so Back still means "previous
// page"), so the address bar always describes what the learner sees and a pasted link reproduces it.
// A bad parameter never breaks the page: it is clamped or dropped, and the problem is listed in one
// notice (UrlNotice.tsx).
import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { LANG_PARAM, formatQuery, globalOnly, isKnownParam, pageOnly, parseQuery } from './query';
import { URL_VERSION, clip, readParam, versionProblem, type Problem, type Schema } from './schema';

/** One parameter of the link that could not be used as given. */
export interface LinkIssue {
  param: string;
  /** The link's text for it, clipped. */
  text: string;
  problem: Problem;
}

interface UrlStateApi {
  /** The parameter's text as the page now stands (null when absent). */
  get(name: string): string | null;
  /** Set (text) or remove (null) a parameter; the address bar follows a moment later. */
  set(name: string, text: string | null): void;
  report(issue: LinkIssue): void;
}

/** Outside a provider (render tests, a figure on its own) parameters are simply absent. */
const DETACHED: UrlStateApi = { get: () => null, set: () => undefined, report: () => undefined };
const UrlStateContext = createContext<UrlStateApi>(DETACHED);
const IssuesContext = createContext<{ issues: readonly LinkIssue[]; dismiss: () => void }>({ issues: [], dismiss: () => undefined });

/** history.state key naming the page the query was written for (so Back restores that page's state). */
const OWNER = 'memoryLaneQueryFor';
/** Fired on window after the address bar changed, for whoever shows the current link. */
const URL_CHANGED = 'memorylane:urlchange';
/** Writes are gathered for a moment: playback moves the cursor often, and browsers limit replaceState. */
const WRITE_DELAY_MS = 80;

interface Scope {
  /** The page (route) these parameters belong to. */
  route: string;
  params: Map<string, string>;
}

function ownerOfHistoryEntry(): string | null {
  const state: unknown = history.state;
  if (typeof state !== 'object' || state === null) return null;
  const owner = (state as Record<string, unknown>)[OWNER];
  return typeof owner === 'string' ? owner : null;
}

/** Write the scope's parameters (and the language as the i18n layer left it) to the address bar. */
function writeAddress(scope: Scope): void {
  const params = new Map(scope.params);
  const lang = parseQuery(location.search).get(LANG_PARAM);
  if (lang === undefined) params.delete(LANG_PARAM);
  else params.set(LANG_PARAM, lang);
  const url = `${location.pathname}${formatQuery(params, URL_VERSION)}${location.hash}`;
  const state: unknown = history.state;
  const base = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
  if (url === `${location.pathname}${location.search}${location.hash}` && base[OWNER] === scope.route) return;
  try {
    history.replaceState({ ...base, [OWNER]: scope.route }, '', url);
  } catch {
    // Too many address changes in a short time (Safari): the next change writes the whole state again.
    return;
  }
  window.dispatchEvent(new Event(URL_CHANGED));
}

export interface UrlStateProviderProps {
  /** Which page is showing (e.g. "chapter/retnet"): a new page starts from the site-wide parameters only. */
  route: string;
  children: ReactNode;
}

export function UrlStateProvider({ route, children }: UrlStateProviderProps) {
  const [scope, setScope] = useState<Scope>(() => ({ route, params: parseQuery(location.search) }));
  const [issues, setIssues] = useState<readonly LinkIssue[]>([]);
  let current = scope;
  if (scope.route !== route) {
    // A new page keeps the site-wide parameters as this session has them (language, presenter mode,
    // hidden parts). Its own parameters come from the link only when Back/Forward returns to an
    // entry this page wrote; a link to another page starts that page fresh.
    const params = globalOnly(scope.params);
    if (ownerOfHistoryEntry() === route) for (const [k, v] of pageOnly(parseQuery(location.search))) params.set(k, v);
    current = { route, params };
    setScope(current);
    setIssues([]);
  }

  const latest = useRef(current);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const api = useMemo<UrlStateApi>(
    () => ({
      get: (name) => current.params.get(name) ?? null,
      set: (name, text) => {
        if (text === null) current.params.delete(name);
        else current.params.set(name, text);
        if (timer.current !== null) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          writeAddress(latest.current); // a write from a page already left changes only its own scope
        }, WRITE_DELAY_MS);
      },
      report: (issue) =>
        setIssues((list) => (list.some((i) => i.param === issue.param && i.problem.code === issue.problem.code) ? list : [...list, issue])),
    }),
    // `current` is the scope object itself; a new page makes a new one.
    [current],
  );

  // Each page: drop what this site does not understand, check the link's version, and write the
  // address at once so it carries the page's name (Back) and the current format.
  useLayoutEffect(() => {
    latest.current = current;
    for (const [name, text] of [...current.params]) {
      if (isKnownParam(name)) continue;
      current.params.delete(name);
      api.report({ param: name, text: clip(text), problem: { code: 'unknown-param' } });
    }
    const version = versionProblem(current.params.get('v') ?? null);
    if (version) api.report({ param: 'v', text: clip(current.params.get('v') ?? ''), problem: version });
    writeAddress(current);
  }, [current, api]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const issuesValue = useMemo(() => ({ issues, dismiss: () => setIssues([]) }), [issues]);
  return (
    <UrlStateContext.Provider value={api}>
      <IssuesContext.Provider value={issuesValue}>{children}</IssuesContext.Provider>
    </UrlStateContext.Provider>
  );
}

/** What the link's parameter starts the page with, and whether the link must be corrected. */
interface Start<T> {
  value: T;
  issue?: LinkIssue;
  /** The corrected text to write back (null: remove the parameter); absent when the link is fine. */
  rewrite?: string | null;
}

function startFrom<T>(name: string, text: string | null, schema: Schema<T>, fallback: T): Start<T> {
  if (text === null) return { value: fallback };
  const canonical = (value: T) => {
    const out = schema.format(value);
    return out === '' || out === schema.format(fallback) ? null : out;
  };
  const parsed = readParam(schema, text);
  if (!parsed.ok) return { value: fallback, issue: { param: name, text: clip(text), problem: parsed.problem }, rewrite: null };
  const rewrite = canonical(parsed.value);
  const issue = parsed.problem ? { param: name, text: clip(text), problem: parsed.problem } : undefined;
  return { value: parsed.value, issue, rewrite: rewrite === text ? undefined : rewrite };
}

export type SetParam<T> = (next: T | ((previous: T) => T)) => void;

/**
 * useState kept in the link. The schema reads the link once, when the component mounts; later values
 * are written back (the default is left out, so links stay short).
 */
export function useUrlParam<T>(name: string, schema: Schema<T>, fallback: T): [T, SetParam<T>] {
  const api = useContext(UrlStateContext);
  const [start] = useState(() => startFrom(name, api.get(name), schema, fallback));
  const [value, setValue] = useState<T>(start.value);
  // The setter must see this render's schema and default (they can depend on a preset), and the
  // newest value even before React re-renders (two sets in one event), so it reads them from refs.
  const config = useRef({ api, schema, fallback });
  config.current = { api, schema, fallback };
  const current = useRef(value);

  useEffect(() => {
    if (start.issue) api.report(start.issue);
    if (start.rewrite !== undefined) api.set(name, start.rewrite);
    // Once per mount: the link is read when the page opens.
  }, []);

  const set = useMemo<SetParam<T>>(
    () => (next) => {
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(current.current) : next;
      current.current = resolved;
      const { api: link, schema: format, fallback: byDefault } = config.current;
      const text = format.format(resolved);
      link.set(name, text === '' || text === format.format(byDefault) ? null : text);
      setValue(resolved);
    },
    [name],
  );
  return [value, set];
}

/** The problems found in the current page's link (for the notice). */
export function useLinkIssues(): { issues: readonly LinkIssue[]; dismiss: () => void } {
  return useContext(IssuesContext);
}

function subscribeToAddress(onChange: () => void): () => void {
  window.addEventListener(URL_CHANGED, onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener(URL_CHANGED, onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/** The address as it stands, kept current (for "copy the link to this view"). */
export function useCurrentHref(): string {
  return useSyncExternalStore(subscribeToAddress, () => location.href, () => '');
}
