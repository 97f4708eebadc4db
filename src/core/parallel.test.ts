// The parallel and chunkwise forms of the general rule on programs no single mechanism produces:
// every gate shape, gates of exactly 0, an initial memory S₀, and the erase term.
import { describe, expect, it } from 'vitest';
import { chunkwise } from './chunkwise';
import { DELTA_WEIGHTS_MAX_T, decayMask, initialDecay, parallel } from './parallel';
import { type Rng, randomMatrix, randomVector, rng, uniform, unitRows } from './random';
import { type Gate, type GateShape, type MemoryProgram, recurrent } from './rule';
import { expectClose } from './test-utils';

const dk = 3;
const dv = 2;

function randomGate(r: Rng, shape: GateShape, zeroAt: boolean): Gate {
  const g = (): number => (zeroAt ? 0 : uniform(r, 0.5, 1));
  switch (shape) {
    case 'none':
      return { shape };
    case 'scalar':
      return { shape, value: g() };
    case 'column':
      return { shape, value: Array.from({ length: dk }, g) };
    case 'row':
      return { shape, value: Array.from({ length: dv }, g) };
    case 'full':
      return { shape, value: Array.from({ length: dv }, () => Array.from({ length: dk }, g)) };
  }
}

/** A random program; the gate at `zeroStep` is exactly 0 (a "clear memory" token). */
function program(seed: number, T: number, shape: GateShape, erase: boolean, zeroStep = -1): MemoryProgram {
  const r = rng(seed);
  const k = erase ? unitRows(randomMatrix(r, T, dk)) : randomMatrix(r, T, dk);
  return {
    dk,
    dv,
    erase,
    steps: k.map((kt, t) => ({
      q: randomVector(r, dk),
      k: kt,
      v: randomVector(r, dv),
      beta: erase ? uniform(r, 0.1, 0.9) : uniform(r, 0.5, 1.5),
      gate: randomGate(r, shape, t === zeroStep),
    })),
  };
}

const SHAPES: GateShape[] = ['none', 'scalar', 'column', 'row', 'full'];

describe('parallel and chunkwise forms of the general rule', () => {
  describe.each(SHAPES)('gate %s', (shape) => {
    const erases = shape === 'none' || shape === 'scalar' ? [false, true] : [false];
    it.each(erases)('erase %s, with an initial state S₀ and a zero gate', (erase) => {
      const T = 13;
      const p = program(3, T, shape, erase, shape === 'none' ? -1 : 6);
      const S0 = randomMatrix(rng(9), dv, dk);
      const ref = recurrent(p, S0);
      const par = parallel(p, { S0 });
      expectClose(par.o, ref.o, 1e-10, 'parallel o');
      expectClose(par.S_final, ref.S, 1e-10, 'parallel S');
      for (const chunk of [1, 2, 5, T, T + 4]) {
        const ch = chunkwise(p, chunk, S0);
        expectClose(ch.o, ref.o, 1e-10, `chunkwise(${chunk}) o`);
        expectClose(ch.S_final, ref.S, 1e-10, `chunkwise(${chunk}) S`);
        // The carried memory is the recurrent state at each chunk boundary.
        ch.carried.forEach((S, n) => expectClose(S, n === 0 ? S0 : ref.steps[n * chunk - 1].S, 1e-10, 'carry'));
      }
    });
  });

  it('a zero gate wipes the memory: outputs after it ignore everything before', () => {
    const p = program(4, 8, 'scalar', false, 4);
    const wiped = parallel({ ...p, steps: p.steps.slice(4) }).o;
    expectClose(parallel(p, { S0: randomMatrix(rng(1), dv, dk) }).o.slice(4), wiped, 1e-12);
  });

  it('the delta rule with a per-key gate runs (diagonal-plus-low-rank form); one per value channel is refused', () => {
    const p = program(5, 4, 'column', true);
    expectClose(parallel(p).o, recurrent(p).o, 1e-9);
    expect(() => chunkwise(program(5, 4, 'full', true), 2)).toThrow(/shared by the value channels/);
  });

  it('rejects chunk sizes that are not whole numbers ≥ 1', () => {
    const p = program(6, 4, 'none', false);
    expect(() => chunkwise(p, 0)).toThrow(/chunk/);
    expect(() => chunkwise(p, 1.5)).toThrow(/chunk/);
  });

  it('an empty sequence returns S₀', () => {
    const S0 = randomMatrix(rng(2), dv, dk);
    for (const erase of [false, true]) {
      const r = parallel({ dk, dv, erase, steps: [] }, { S0 });
      expect(r.o).toEqual([]);
      expect(r.S_final).toEqual(S0);
    }
  });

  it('decay mask by hand: γ = [a, b, c] → [[1], [b, 1], [bc, c, 1]]; prefix products [a, ab, abc]', () => {
    expect(decayMask([2, 3, 5])).toEqual([
      [1, 0, 0],
      [3, 1, 0],
      [15, 5, 1],
    ]);
    expect(initialDecay([2, 3, 5])).toEqual([2, 6, 30]);
  });
});

describe('the delta family’s effective weights', () => {
  it('are formed up to DELTA_WEIGHTS_MAX_T steps and skipped beyond (they cost O(T³))', () => {
    const short = program(7, 20, 'scalar', true);
    expect(parallel(short).M).toHaveLength(20);
    expect(parallel(short, { weights: false }).M).toBeNull();
    const long = program(7, DELTA_WEIGHTS_MAX_T + 1, 'none', true);
    const r = parallel(long);
    expect(r.M).toBeNull();
    expectClose(r.o, recurrent(long).o, 1e-10);
  });
});
