// The query string as the page's state: read it, change some parameters, write it back short.
// Hash routes (#/chapter/retnet) and the query (?v=1&lang=en&t=3) coexist: the route says which
// page, the query says what that page shows. Pure functions; UrlState.tsx wires them to history.

/** Parameters that describe the whole site rather than one page; they survive a change of page. */
export const GLOBAL_PARAMS = ['v', 'lang', 'present', 'hide', 'compute'] as const;

const globalRank = (name: string) => (GLOBAL_PARAMS as readonly string[]).indexOf(name);
const isGlobal = (name: string) => globalRank(name) >= 0;

/**
 * Every parameter a page of this site reads, so a typo ("gama=0.5") is reported instead of silently
 * doing nothing. Adding a knob to a page is one line here and one `useUrlParam` where it is used.
 */
export const PAGE_PARAMS = [
  'step', // the step of a chapter's derivation the reader is on (src/app/steps), 1-based
  't', // the time cursor's step, 1-based as on the page (0 = before the first step)
  'preset', // a chapter's example (chapter 1's sentence, chapter 6's sequence, …)
  'seed', // random inputs (chapters 2, 4, 10)
  'gamma', // RetNet's decay (chapter 5)
  'edit', // edited input vectors of single steps (chapters 2, 5)
  'k', // keys of chapter 3's key plane
  'val', // values of chapter 3
  'q', // chapter 3's query
  'pg', // the playground's settings (src/app/playground/settings.ts reads and checks them)
  'case', // the playground's typed or imported case, deflated (src/app/playground/caseLink.ts)
  'len', // chapter 0's longest measured T
  'text', // chapter 1's own sentence
  'keys', // the kind of keys (chapter 4: one-hot / random; chapter 8: orthogonal / overlapping)
  'dk', // chapter 4's key width
  'n', // chapter 4's number of stored pairs
  'm', // the mechanism or gate model a figure runs (chapters 4, 7, 10)
  'seq', // chapter 6's token sequence, one letter per token
  'close', // chapter 7: the step whose key dimension 2 is closed
  'story', // chapter 8's story ("jg,mo_j")
  'beta', // the delta rule's β (chapter 8)
  'gated', // chapter 8: Gated DeltaNet on
  'alpha', // Gated DeltaNet's α (chapter 8)
  'dt', // chapter 9's Δ
  'input', // chapter 9's S4 input
  'mode', // chapter 9: selective or fixed Δ
  'entry', // chapter 9: the memory entry the scan follows ("1-2": d = 1, n = 2)
  'level', // chapter 9: scan levels shown
  'tk', // the trained-model panel's task (playground)
  'tm', // the trained-model panel's model
  'tl', // the trained-model panel's difficulty
  'ts', // the trained-model panel's sequence seed
  'tt', // the trained-model panel's step
  'task', // the training lab's task (src/app/train/settings.ts)
  'dm', // the training lab's d_model
  'layers', // the training lab's number of layers
  'mech', // the training lab's mechanisms, comma-separated
  'abl', // the training lab's ablations
  'probe', // the training lab's model whose memory is shown
  'tp', // the training lab's memory figure step
  'backend', // the training lab's compute backend (auto, wasm, webgpu, cpu)
  'batch', // the training lab's sequences per batch (32, or the offline runs' 64)
] as const;

export function isKnownParam(name: string): boolean {
  return isGlobal(name) || (PAGE_PARAMS as readonly string[]).includes(name);
}

/** The language is written by the i18n layer itself; this layer leaves it where it is. */
export const LANG_PARAM = 'lang';

/** Query text → ordered parameters; of a repeated name the first wins, as with `URLSearchParams.get`. */
export function parseQuery(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(search)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** Commas, colons and underscores stay readable in a pasted link; everything else is escaped. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/**
 * Parameters → "?v=1&lang=en&…" ('' when there are none). Site-wide parameters come first in a fixed
 * order, then the page's in the order they were first set; `v` is added whenever anything besides the
 * language is in the link, so a later site can tell how to read it.
 */
export function formatQuery(params: ReadonlyMap<string, string>, version: number): string {
  const rest = [...params.keys()].filter((k) => k !== 'v' && k !== LANG_PARAM);
  const entries: Array<[string, string]> = [];
  if (rest.length > 0) entries.push(['v', String(version)]);
  const lang = params.get(LANG_PARAM);
  if (lang !== undefined) entries.push([LANG_PARAM, lang]);
  const ordered = [...rest.filter(isGlobal).sort((a, b) => globalRank(a) - globalRank(b)), ...rest.filter((k) => !isGlobal(k))];
  for (const k of ordered) entries.push([k, params.get(k) ?? '']);
  return entries.length === 0 ? '' : `?${entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
}

/** Only the site-wide parameters: what a link keeps when it moves to another page. */
export function globalOnly(params: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...params].filter(([k]) => isGlobal(k)));
}

/** Only the page's own parameters (what Back restores for that page). */
export function pageOnly(params: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...params].filter(([k]) => !isGlobal(k)));
}

/** The same parameters with some set (text) or removed (null). */
export function withChanges(params: ReadonlyMap<string, string>, changes: ReadonlyMap<string, string | null>): Map<string, string> {
  const out = new Map(params);
  for (const [k, v] of changes) {
    if (v === null) out.delete(k);
    else out.set(k, v);
  }
  return out;
}

/** The same address with some parameters set or removed, written the short way (for a shared link). */
export function linkWith(href: string, changes: ReadonlyMap<string, string | null>, version: number): string {
  const url = new URL(href);
  url.search = formatQuery(withChanges(parseQuery(url.search), changes), version);
  return url.href;
}
