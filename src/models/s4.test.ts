// The S4 graphs (float32, onnxruntime-web WASM in Node) against the float64 core: both views give the
// core's outputs, and so each other's. Tolerance (docs/design.md §2): 1e-5 · max(1, ‖ref‖∞).
import { describe, expect, it } from 'vitest';
import { OSCILLATOR, sampleSignal } from '../core/continuous';
import { maxAbsDiff } from '../core/linalg';
import { randomMatrix, randomVector, rng } from '../core/random';
import { discretizeZOH, ssmConvolution, ssmKernel, ssmRecurrent, type DiscreteSSM } from '../core/s4';
import { runInNode, sessionFor } from './run-node';
import { buildS4Convolution, buildS4Recurrent, decodeS4, prepareS4, type S4View } from './s4';
import { float32Tolerance } from '../core/float32';

function expectClose(actual: unknown, expected: unknown, label: string): void {
  const gap = maxAbsDiff(actual, expected);
  const bound = float32Tolerance(expected);
  expect(gap, `${label}: off by ${gap} (allowed ${bound})`).toBeLessThanOrEqual(bound);
}

async function run(d: DiscreteSSM, x: number[], view: S4View) {
  return decodeS4(view, (await runInNode(prepareS4(d, x, view))).outputs);
}

describe('S4 graphs match the core', () => {
  const cases: [string, DiscreteSSM, number[]][] = [
    ['oscillator Δ = 0.5, pulse, L = 16', discretizeZOH(OSCILLATOR, 0.5), sampleSignal([{ start: 1, end: 3, value: 1 }], 0.5, 16)],
    ['oscillator Δ = 2.7, impulse, L = 16', discretizeZOH(OSCILLATOR, 2.7), [1, ...new Array<number>(15).fill(0)]],
    ['one step, L = 1', discretizeZOH(OSCILLATOR, 1), [0.7]],
    [
      'random stable N = 4, L = 37 (not a power of two)',
      (() => {
        const r = rng(7);
        const A = randomMatrix(r, 4, 4, 0.4).map((row, i) => row.map((a, j) => (i === j ? a - 1 : a)));
        return discretizeZOH({ A, B: randomVector(r, 4), C: randomVector(r, 4) }, 0.3);
      })(),
      randomVector(rng(8), 37),
    ],
  ];
  it.each(cases)('%s: convolution and recurrence give the core’s y (and K, h)', async (_, d, x) => {
    const conv = await run(d, x, 'convolution');
    const rec = await run(d, x, 'recurrent');
    const ref = ssmRecurrent(d, x);
    expectClose(conv.y, ssmConvolution(d, x), 'convolution y');
    expectClose(conv.K, ssmKernel(d, x.length), 'kernel K');
    expectClose(rec.y, ref.y, 'recurrent y');
    expectClose(rec.h, ref.h, 'recurrent h');
    expectClose(conv.y, rec.y, 'convolution vs recurrence');
  });

  it('one session serves every Δ and every length up to its bucket', async () => {
    const a = prepareS4(discretizeZOH(OSCILLATOR, 0.2), randomVector(rng(1), 9), 'convolution');
    const b = prepareS4(discretizeZOH(OSCILLATOR, 1.9), randomVector(rng(2), 16), 'convolution');
    expect(b.key).toBe(a.key);
    expect(await sessionFor(b)).toBe(await sessionFor(a));
    expect(prepareS4(discretizeZOH(OSCILLATOR, 1), [1], 'recurrent').key).toBe(prepareS4(discretizeZOH(OSCILLATOR, 2), [1, 2, 3], 'recurrent').key);
  });
});

describe('S4 graph structure', () => {
  it('the convolution graph has no Scan / Loop / If / Trilu / CumSum (WebGPU runs it)', () => {
    for (const f of [0, 1, 4, 6]) {
      const ops = buildS4Convolution(f).opTypes();
      for (const bad of ['Scan', 'Loop', 'If', 'Trilu', 'CumSum']) expect(ops.has(bad), bad).toBe(false);
    }
  });
  it('the recurrent graph loops with one Scan; bytes are deterministic', () => {
    expect(buildS4Recurrent().opTypes().has('Scan')).toBe(true);
    expect(buildS4Recurrent().toBytes()).toEqual(buildS4Recurrent().toBytes());
    expect(buildS4Convolution(4).toBytes()).toEqual(buildS4Convolution(4).toBytes());
  });
});
