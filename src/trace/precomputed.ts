// Precomputed traces: the chapters' default cases, run through the same ONNX models at build time
// (scripts/precompute-traces.ts) and shipped as precomputed-traces.json, so a page shows model numbers
// before — or without — a live runtime. The page and the build find an entry by the same case hash.
import type { Case } from '../core/cases';
import type { ViewResult } from '../core/views';

export const PRECOMPUTED_FILE = 'precomputed-traces.json';

export interface PrecomputedEntry {
  parallel: ViewResult;
  recurrent: ViewResult;
}

export type PrecomputedTraces = Record<string, PrecomputedEntry>;

/** JSON with object keys sorted and numbers to 10 significant digits: the hash must not depend on the
 *  order a case was built in, nor on the last bit of Math.cos or Math.exp, which differ between
 *  JavaScript engines (and between Node at build time and a browser). */
function canonical(x: unknown): string {
  if (typeof x === 'number') return x === 0 ? '0' : x.toPrecision(10);
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/** A stable 53-bit hash (cyrb53) of a case's canonical JSON, as 14 hex digits. Cases equal to 10
 *  digits share it; their outputs agree far inside the 1e-5 tolerance. */
export function caseHash(c: Case): string {
  const s = canonical(c);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** A fetched entry is used only when it has outputs of the case's length (a stale file is ignored). */
export function isEntryFor(entry: unknown, T: number): entry is PrecomputedEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Record<string, { o?: unknown } | undefined>;
  return [e.parallel, e.recurrent].every((r) => Array.isArray(r?.o) && r.o.length === T);
}
