// ?case= round trip: every number comes back exactly, a case too large for a link is refused with its
// size, and text that is not one of our compressed cases is refused with a reason, never thrown.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases';
import { chapterExample } from './chapterExamples';
import { MAX_CASE_LINK, decodeCase, encodeCase } from './caseLink';
import { playgroundCase } from '../../core/playgroundInputs';

async function textOf(c: Case): Promise<string> {
  const r = await encodeCase(c);
  if (!('text' in r)) throw new Error(`too large: ${r.tooLarge}`);
  return r.text;
}

describe('case links', () => {
  it('round-trips a typed case exactly, in URL-safe characters', async () => {
    const c: Case = { mechanism: 'retnet', gamma: 0.9, q: [[1, 0], [0.1 + 0.2, -1e-7]], k: [[1, 0], [0, 1]], v: [[2], [Math.PI]] };
    const text = await textOf(c);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeCase(text)).toEqual({ ok: true, case: c });
  });
  it('keeps a chapter example, a T = 16 random case and 768 typed numbers short enough to paste', async () => {
    const example = chapterExample('ch5-single-write');
    expect(await decodeCase(await textOf(example))).toEqual({ ok: true, case: example });
    // Random numbers carry all 17 digits: about 13 characters each, compressed.
    const random = playgroundCase('linear_attention', { T: 16, dk: 4, dv: 4, seed: 3, preset: 'random', gateLevel: 1, beta: 1 });
    const text = await textOf(random);
    expect(text.length).toBeLessThan(3000);
    expect(await decodeCase(text)).toEqual({ ok: true, case: random });
    // Numbers a learner types are short, and compress far better.
    const row = (t: number) => [0, 1, 2, 3].map((j) => ((t * 7 + j * 3) % 11) / 10 - 0.5);
    const rows = Array.from({ length: 64 }, (_, t) => row(t));
    const typed: Case = { mechanism: 'linear_attention', q: rows, k: rows.map((r) => r.slice().reverse()), v: rows };
    const typedText = await textOf(typed);
    expect(typedText.length).toBeLessThan(1500);
    expect(await decodeCase(typedText)).toEqual({ ok: true, case: typed });
  });
  it('says how long a too-large case would be instead of writing it', async () => {
    const big = playgroundCase('linear_attention', { T: 512, dk: 16, dv: 16, seed: 1, preset: 'random', gateLevel: 1, beta: 1 });
    const r = await encodeCase(big);
    expect('tooLarge' in r && r.tooLarge > MAX_CASE_LINK).toBe(true);
  });
  it('refuses text that is not a compressed case, and a case the playground cannot run', async () => {
    expect(await decodeCase('not base64!')).toEqual({ ok: false, problem: { code: 'unreadable' } });
    expect(await decodeCase('AAAA')).toEqual({ ok: false, problem: { code: 'unreadable' } });
    expect(await decodeCase('x'.repeat(MAX_CASE_LINK + 1))).toEqual({ ok: false, problem: { code: 'unreadable' } });
    // A valid deflate stream of JSON that is not a case.
    const notCase = await textOf({ mechanism: 'nope' } as unknown as Case);
    expect(await decodeCase(notCase)).toMatchObject({ ok: false, problem: { code: 'invalid' } });
  });
});
