import { describe, expect, it } from 'vitest';
import { beatAt, beatsFor, type Beat } from './beats';
import { memoryFrame, stepInputs } from './memoryFrame';
import { runReference } from '../core';
import { randomCase } from '../core/random';
import type { StepRecord } from '../core/rule';

const delta = randomCase('gated_deltanet', { T: 4, dk: 3, dv: 2, seed: 5 });
const steps: StepRecord[] = runReference(delta, 'recurrent').steps ?? [];
const dims = { dv: 2, dk: 3 };
const at = (beat: Beat, progress: number) => ({ beat, index: 0, progress });

describe('memoryFrame', () => {
  it('before the first step shows the empty memory and no beat', () => {
    const f = memoryFrame(steps, dims, -1, null);
    expect(f.beat).toBe('none');
    expect(f.S).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(f.o).toBeNull();
  });
  it('without a position (first render, hover) shows the step’s end state exactly', () => {
    const f = memoryFrame(steps, dims, 2, null);
    expect(f.S).toBe(steps[2].S);
    expect(f.o).toBe(steps[2].o);
  });
  it('decay runs from S_{t−1} to the decayed memory', () => {
    expect(memoryFrame(steps, dims, 2, at('decay', 0)).S).toEqual(steps[1].S);
    expect(memoryFrame(steps, dims, 2, at('decay', 1)).S).toBe(steps[2].decayed);
    const mid = memoryFrame(steps, dims, 2, at('decay', 0.5)).S;
    expect(mid[0][0]).toBeCloseTo((steps[1].S[0][0] + steps[2].decayed[0][0]) / 2, 12);
  });
  it('the delta beats: read the old value, erase it, write the new one', () => {
    const old = memoryFrame(steps, dims, 1, at('read-old', 0.3));
    expect(old.recalled).toBe(steps[1].recalled);
    expect(old.S).toBe(steps[1].decayed);
    const erased = memoryFrame(steps, dims, 1, at('erase', 1));
    expect(erased.term?.kind).toBe('erase');
    // End of erase + the write = S_t: the keyframes chain into the recorded state.
    erased.S.forEach((row, i) => row.forEach((x, j) => expect(x + steps[1].write[i][j]).toBeCloseTo(steps[1].S[i][j], 12)));
    const written = memoryFrame(steps, dims, 1, at('write', 1));
    expect(written.S).toBe(steps[1].S);
    expect(written.term).toEqual({ kind: 'write', values: steps[1].write, opacity: 1 });
  });
  it('the write appears first, then lands', () => {
    const appearing = memoryFrame(steps, dims, 1, at('write', 0.25));
    expect(appearing.term?.opacity).toBeCloseTo(0.5, 12);
    expect(memoryFrame(steps, dims, 1, at('write', 0.5)).S).toEqual(memoryFrame(steps, dims, 1, at('erase', 1)).S);
  });
  it('the read sweeps the key columns and o_t builds up to the recorded output', () => {
    expect(memoryFrame(steps, dims, 3, at('read', 0)).sweepColumn).toBe(0);
    expect(memoryFrame(steps, dims, 3, at('read', 0.99)).sweepColumn).toBe(2);
    const done = memoryFrame(steps, dims, 3, at('read', 1));
    expect(done.sweepColumn).toBeNull();
    expect(done.o).toBe(steps[3].o);
    expect(memoryFrame(steps, dims, 3, at('write', 1)).o).toBeNull();
  });
  it('reduced motion shows each beat’s end state, with the same information', () => {
    for (const { beat } of beatsFor({ erase: true, decay: true })) {
      const reduced = memoryFrame(steps, dims, 2, at(beat, 0.1), true);
      const end = memoryFrame(steps, dims, 2, at(beat, 1));
      expect(reduced.progress).toBe(1);
      expect(reduced.S).toEqual(end.S);
      expect(reduced.o).toEqual(end.o);
      expect(reduced.term?.opacity ?? 1).toBe(1);
    }
  });
  it('plays with beatAt: the end of the schedule is S_t and o_t', () => {
    const schedule = beatsFor({ erase: true, decay: true });
    const f = memoryFrame(steps, dims, 0, beatAt(Number.POSITIVE_INFINITY, schedule));
    expect(f.S).toBe(steps[0].S);
    expect(f.o).toBe(steps[0].o);
  });
});

describe('stepInputs', () => {
  it('picks q, k, v, β and γ of the step from the case', () => {
    const x = stepInputs(delta, 2);
    if (delta.mechanism !== 'gated_deltanet') throw new Error('unexpected case');
    expect(x).toEqual({ q: delta.q[2], k: delta.k[2], v: delta.v[2], beta: delta.beta[2], gate: delta.gate[2] });
  });
  it('reads Mamba’s C as the query and B as the key, with no v', () => {
    const m = randomCase('mamba2', { T: 3, dk: 2, dv: 2, seed: 1 });
    expect(stepInputs(m, 1)).toEqual({ q: m.C[1], k: m.B[1] });
  });
});
