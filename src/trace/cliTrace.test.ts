import { describe, expect, it } from 'vitest';
import { runReference } from '../core';
import { randomCase } from '../core/random';
import { parseCliTrace, TraceFileError } from './cliTrace';
import { makeTrace, toCliJson } from './trace';

const cli = (withSteps: boolean) => {
  const c = randomCase('deltanet', { T: 3, dk: 2, dv: 4, seed: 1 });
  return JSON.parse(JSON.stringify(toCliJson(makeTrace(c, runReference(c, 'recurrent'), { view: 'recurrent', backend: 'wasm', ms: 0.5 }), withSteps)));
};

function problemOf(json: unknown): [string, string] {
  try {
    parseCliTrace(json);
  } catch (e) {
    if (e instanceof TraceFileError) return [e.field, e.problem];
    throw e;
  }
  return ['', 'none'];
}

describe('reading a trace command output back', () => {
  it('round-trips toCliJson, with and without the per-step states', () => {
    expect(parseCliTrace(cli(false))).toEqual(cli(false));
    const withS = parseCliTrace(cli(true));
    expect(withS.S).toHaveLength(3);
    expect(withS).toEqual(cli(true));
  });

  it('softmax attention: S_final null, no S', () => {
    const c = randomCase('softmax_attention', { T: 2, dk: 2, dv: 2, seed: 1 });
    const json = JSON.parse(JSON.stringify(toCliJson(makeTrace(c, runReference(c, 'parallel'), { view: 'parallel', backend: 'webgpu', ms: 1 }), false)));
    expect(parseCliTrace(json).S_final).toBeNull();
    expect(problemOf({ ...json, S_final: [[1]] })).toEqual(['S_final', 'state-unexpected']);
  });

  it('names the first bad field', () => {
    const good = cli(true);
    expect(problemOf([1, 2])).toEqual(['trace', 'not-object']);
    expect(problemOf({ ...good, mechanism: 'lstm' })).toEqual(['mechanism', 'unknown-mechanism']);
    expect(problemOf({ ...good, view: 'sideways' })).toEqual(['view', 'unknown-view']);
    expect(problemOf({ ...good, backend: 'cuda' })).toEqual(['backend', 'unknown-backend']);
    expect(problemOf({ ...good, o: undefined })).toEqual(['o', 'missing']);
    expect(problemOf({ ...good, o: [[1, 2, 3, 4], [1, 2]] })).toEqual(['o[1]', 'ragged']);
    expect(problemOf({ ...good, o: [[1, 2, 3, 'x']] })).toEqual(['o[0][3]', 'not-number']);
    expect(problemOf({ ...good, ms: -1 })).toEqual(['ms', 'negative']);
    expect(problemOf({ ...good, S_final: null })).toEqual(['S_final', 'state-missing']);
    expect(problemOf({ ...good, S_final: [[1, 2]] })).toEqual(['S_final', 'wrong-rows']);
    expect(problemOf({ ...good, S: good.S.slice(1) })).toEqual(['S', 'wrong-steps']);
    expect(problemOf({ ...good, S: good.S.map((s: number[][], t: number) => (t === 2 ? s.map((r) => r.slice(1)) : s)) })).toEqual(['S[2][0]', 'wrong-cols']);
    expect(problemOf({ ...good, o: [] })).toEqual(['o', 'empty']);
  });

  it('keeps non-finite outputs (null is how JSON writes NaN and ∞; 1e999 reads as ∞) for the page to explain', () => {
    const good = cli(true);
    const json = JSON.parse(JSON.stringify({ ...good, o: [[1, null, 3, 4], ...good.o.slice(1)] }).replace('"S_final":[[', '"S_final":[[1e999,'));
    json.S_final = json.S_final.map((r: number[]) => r.slice(0, good.S_final[0].length));
    const t = parseCliTrace(json);
    expect(Number.isNaN(t.o[0][1])).toBe(true);
    expect(t.S_final?.[0][0]).toBe(Infinity);
    // ms must still be a real number.
    expect(problemOf({ ...good, ms: null })).toEqual(['ms', 'not-number']);
  });

  it('words its messages with the field first', () => {
    expect(() => parseCliTrace({ ...cli(false), o: [[1, 2], [3]] })).toThrow('o[1]: expected 2 entries like the other rows, got 1');
  });
});
