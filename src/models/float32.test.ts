// Numbers at float32's edges through the real ONNX graphs (WASM in Node), against the float64 core:
// gates that round to 0 in float32 must forget (not turn every later output into NaN), and products
// that pass float32's limit must be named by the checks of src/core/float32.ts, never shown as NaN.
import { describe, expect, it } from 'vitest';
import type { Case } from '../core/cases';
import { float32Problem, resultNonFinite } from '../core/float32';
import { runReference } from '../core/index';
import { maxAbsDiff } from '../core/linalg';
import type { View, ViewResult } from '../core/views';
import { decodeOutputs, prepareModel } from './index';
import { runInNode } from './run-node';
import { float32Tolerance } from '../core/float32';

async function run(c: Case, view: View, chunk = 2): Promise<ViewResult> {
  const { outputs } = await runInNode(prepareModel(c, view, { chunk }));
  return decodeOutputs(c, view, outputs);
}

function expectLikeCore(got: ViewResult, c: Case, view: View, chunk = 2): void {
  const ref = runReference(c, view, chunk);
  expect(resultNonFinite(got), `${c.mechanism} ${view}`).toBeNull();
  for (const field of ['o', 'S_final'] as const) {
    const gap = maxAbsDiff(got[field], ref[field]);
    expect(gap, `${c.mechanism} ${view} ${field}: off by ${gap}`).toBeLessThanOrEqual(float32Tolerance(ref[field]));
  }
}

const q = [[1, 0], [0, 1], [1, 1], [0.5, -1]];
const k = [[1, 0], [0, 1], [1, 1], [1, 0.5]];
const v = [[2, 1], [3, -1], [4, 0.5], [-1, 2]];
// 1e-50 and 1e-300 are valid gates (> 0) that float32 stores as 0: the memory is cleared there.
const tinyGates: Case[] = [
  { mechanism: 'gated_retention', gate: [0.9, 1e-50, 0.8, 1e-300], q, k, v },
  { mechanism: 'gla', gate: [[0.9, 0.7], [1e-50, 0.5], [0.8, 1e-45], [1e-300, 0.6]], q, k, v },
  { mechanism: 'gated_deltanet', gate: [0.9, 1e-50, 0.8, 0.7], beta: [1, 0.5, 0.5, 1], q, k, v },
  // Δ·A = −10⁶⁰: −∞ in float32; each factor alone is finite.
  { mechanism: 'mamba2', x: v, B: k, C: q, dt: [0.5, 1e30, 0.5, 0.7], A: -1e30 },
  { mechanism: 'mamba', x: v, dt: [[0.5, 1], [1e30, 0.2], [0.5, 1e30], [0.3, 0.3]], A: [[-1e30, -1], [-0.5, -1e30]], B: k, C: q },
];

describe('gates that round to 0 in float32: every view gives the float64 answer', () => {
  for (const c of tinyGates)
    for (const [view, chunk] of [['parallel', 2], ['chunkwise', 1], ['chunkwise', 3], ['recurrent', 2]] as const)
      it(`${c.mechanism} ${view}${view === 'chunkwise' ? ` C=${chunk}` : ''}`, async () => {
        expectLikeCore(await run(c, view, chunk), c, view, chunk);
      });
});

describe('products beyond float32: found and named, not shown', () => {
  it('q·k overflows in the parallel and chunkwise forms only: "form", and the recurrent view holds the core answer', async () => {
    const c: Case = { mechanism: 'linear_attention', q: [[1e20], [1e20]], k: [[1e20], [1e20]], v: [[1e-20], [1e-20]] };
    const recurrent = await run(c, 'recurrent');
    expectLikeCore(recurrent, c, 'recurrent');
    for (const view of ['parallel', 'chunkwise'] as const) {
      const got = await run(c, view);
      // The graphs really do overflow here (otherwise this test checks nothing).
      expect(resultNonFinite(got)).toBe('o[0][0]');
      expect(float32Problem(c, got, recurrent)).toEqual({ kind: 'form', field: 'o[0][0]' });
    }
  });

  it('an answer beyond float32 (finite in float64) is "overflow" in every view', async () => {
    const c: Case = { mechanism: 'retnet', gamma: 0.5, q: [[1e20, 0]], k: [[1e20, 0]], v: [[1e10]] };
    const ref = runReference(c, 'recurrent');
    expect(Number.isFinite(ref.o[0][0])).toBe(true); // 1e50: float64 holds it
    const recurrent = await run(c, 'recurrent');
    for (const view of ['parallel', 'recurrent', 'chunkwise'] as const) {
      const got = await run(c, view);
      expect(float32Problem(c, got, recurrent)?.kind).toBe('overflow');
    }
  });

  it('an input beyond float32 is named before anything else', async () => {
    const c: Case = { mechanism: 'deltanet', beta: [1], q: [[1, 0]], k: [[1, 0]], v: [[0, -1e39]] };
    expect(float32Problem(c, await run(c, 'parallel'))).toEqual({ kind: 'input', field: 'v[0][1]' });
  });
});
