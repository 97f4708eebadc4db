// Typed or imported numbers in the link (?case=…): the case's JSON, deflated and written in URL-safe
// base64, so a link reproduces them exactly (every number at full precision) and stays short enough
// to paste. A case too large for a sane link is refused here and the page says so instead.
import type { Case } from '../../core/cases';
import { LIMITS } from '../../core/limits';
import { readCase, type ImportProblem } from './importFile';

/** Longest ?case= text written or read (src/core/limits.ts). */
export const MAX_CASE_LINK = LIMITS.maxCaseLink;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Whether the link carries the custom numbers: yes, not yet (being compressed), or too many of them. */
export type CaseInLink = 'in-link' | 'pending' | { tooLarge: number };

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const plain = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(plain, (c) => c.charCodeAt(0));
}

/** The ?case= text for a case, or its length when that is longer than MAX_CASE_LINK. */
export async function encodeCase(c: Case): Promise<{ text: string } | { tooLarge: number }> {
  const json = new TextEncoder().encode(JSON.stringify(c));
  const text = toBase64Url(await through(json, new CompressionStream('deflate-raw')));
  return text.length > MAX_CASE_LINK ? { tooLarge: text.length } : { text };
}

export type CaseLinkProblem = { code: 'unreadable' } | ImportProblem;

/** The case a ?case= text holds, checked like a typed case (the core's parseCase and the playground's sizes). */
export async function decodeCase(text: string): Promise<{ ok: true; case: Case } | { ok: false; problem: CaseLinkProblem }> {
  if (text.length > MAX_CASE_LINK || !BASE64URL.test(text)) return { ok: false, problem: { code: 'unreadable' } };
  let json: unknown;
  try {
    const bytes = await through(fromBase64Url(text), new DecompressionStream('deflate-raw'));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: { code: 'unreadable' } };
  }
  return readCase(json);
}
