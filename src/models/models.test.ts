// The ONNX models (float32, onnxruntime-web WASM in Node) against the float64 core, for every
// mechanism in every view. Tolerance (docs/design.md §2): |Δ|∞ ≤ 1e-5 · max(1, ‖ref‖∞).
import { describe, expect, it } from 'vitest';
import { MECHANISMS, type Case, type Mechanism } from '../core/cases';
import { runReference } from '../core/index';
import { maxAbs, maxAbsDiff } from '../core/linalg';
import { randomCase } from '../core/random';
import type { View, ViewResult } from '../core/views';
import { decodeOutputs, prepareModel } from './index';
import { runInNode, sessionFor } from './run-node';

const TOL = 1e-5;

function expectClose(actual: unknown, expected: unknown, label: string): void {
  const gap = maxAbsDiff(actual, expected);
  const bound = TOL * Math.max(1, maxAbs(expected));
  expect(gap, `${label}: off by ${gap} (allowed ${bound})`).toBeLessThanOrEqual(bound);
}

async function runModel(c: Case, view: View, chunk?: number): Promise<ViewResult> {
  const prepared = prepareModel(c, view, { chunk });
  const { outputs } = await runInNode(prepared);
  return decodeOutputs(c, view, outputs);
}

/** Every field the reference has, compared (per-step records field by field). */
function expectSameResult(got: ViewResult, ref: ViewResult, label: string): void {
  expectClose(got.o, ref.o, `${label} o`);
  if (ref.S_final) expectClose(got.S_final, ref.S_final, `${label} S_final`);
  else expect(got.S_final).toBeNull();
  if (ref.M) expectClose(got.M, ref.M, `${label} M`);
  if (ref.steps) {
    expect(got.steps, `${label} steps`).toBeDefined();
    const steps = got.steps ?? [];
    expect(steps.length).toBe(ref.steps.length);
    for (const field of ['S', 'decayed', 'erase', 'write', 'recalled', 'o'] as const)
      expectClose(
        steps.map((s) => s[field]),
        ref.steps.map((s) => s[field]),
        `${label} steps.${field}`,
      );
  }
}

// (T, d_k, d_v): short, odd-sized, medium and long sequences; widths from 2 to 16.
const SIZES = [
  { T: 1, dk: 2, dv: 3 },
  { T: 5, dk: 4, dv: 7 },
  { T: 64, dk: 16, dv: 16 },
  { T: 256, dk: 12, dv: 10 },
];

/** Chunk sizes per length: 1, 2, 3 and T, except at T = 256 (one odd size that leaves padding, and T). */
const chunksFor = (T: number): number[] => (T === 256 ? [48, 256] : [...new Set([1, 2, 3, T])]);

const seedOf = (m: Mechanism, T: number): number => 1000 * MECHANISMS.indexOf(m) + T;

describe.each(MECHANISMS)('%s', (mechanism) => {
  // Mamba-1's parallel view materialises T × T × D × N decays; keep its longest case narrow.
  const sizes = SIZES.map((s) => (mechanism === 'mamba' && s.T === 256 ? { T: 256, dk: 6, dv: 5 } : s));
  it.each(sizes)('T=$T d_k=$dk d_v=$dv: parallel, recurrent, chunkwise match the float64 core', async (size) => {
    const c = randomCase(mechanism, { ...size, seed: seedOf(mechanism, size.T) });
    expectSameResult(await runModel(c, 'parallel'), runReference(c, 'parallel'), 'parallel');
    expectSameResult(await runModel(c, 'recurrent'), runReference(c, 'recurrent'), 'recurrent');
    for (const chunk of chunksFor(size.T))
      expectSameResult(await runModel(c, 'chunkwise', chunk), runReference(c, 'chunkwise', chunk), `chunkwise(${chunk})`);
  });
});

describe('parameters are graph inputs', () => {
  it('one session serves two lengths and two parameter values', async () => {
    const cases: Case[] = [
      { ...randomCase('retnet', { T: 5, dk: 4, dv: 3, seed: 1 }), gamma: 0.9 },
      { ...randomCase('retnet', { T: 64, dk: 4, dv: 3, seed: 2 }), gamma: 0.3 },
      randomCase('gated_deltanet', { T: 5, dk: 3, dv: 5, seed: 3 }),
      randomCase('gated_deltanet', { T: 7, dk: 3, dv: 5, seed: 4 }),
      randomCase('mamba', { T: 9, dk: 4, dv: 3, seed: 5 }),
      randomCase('mamba', { T: 20, dk: 4, dv: 3, seed: 6 }),
    ];
    for (const view of ['parallel', 'recurrent', 'chunkwise'] as const) {
      for (let i = 0; i < cases.length; i += 2) {
        const [a, b] = [cases[i], cases[i + 1]];
        const pa = prepareModel(a, view, { chunk: 4 });
        const pb = prepareModel(b, view, { chunk: 4 });
        expect(pb.key).toBe(pa.key);
        expect(await sessionFor(pb)).toBe(await sessionFor(pa));
        expectSameResult(decodeOutputs(a, view, (await runInNode(pa)).outputs), runReference(a, view, 4), `${pa.key} first`);
        expectSameResult(decodeOutputs(b, view, (await runInNode(pb)).outputs), runReference(b, view, 4), `${pb.key} second`);
      }
    }
  });

  it('RetNet with γ = 0 (forget at once) and γ = 1 (never forget) stays finite and exact', async () => {
    for (const gamma of [0, 1]) {
      const c: Case = { ...randomCase('retnet', { T: 6, dk: 3, dv: 2, seed: 9 }), gamma };
      for (const [view, chunk] of [['parallel', 2], ['recurrent', 2], ['chunkwise', 4]] as const)
        expectSameResult(await runModel(c, view, chunk), runReference(c, view, chunk), `γ=${gamma} ${view}`);
    }
  });

  it('different chunk sizes and delta-family lengths get different keys', () => {
    const c = randomCase('deltanet', { T: 5, dk: 2, dv: 2, seed: 1 });
    const long = randomCase('deltanet', { T: 9, dk: 2, dv: 2, seed: 1 });
    expect(prepareModel(c, 'chunkwise', { chunk: 2 }).key).not.toBe(prepareModel(c, 'chunkwise', { chunk: 3 }).key);
    expect(prepareModel(c, 'parallel').key).not.toBe(prepareModel(long, 'parallel').key);
    expect(prepareModel(c, 'recurrent').key).toBe(prepareModel(long, 'recurrent').key);
  });
});
