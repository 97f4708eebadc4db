// Chapter 4's capacity cases on the ONNX models (float32, WASM in Node): the recall errors the page
// plots agree with the float64 core within capacityTolerance, including the exact recalls (≈ 0) below
// the cliff. The cases have zero keys, zero values and β = 0 in the read phase; the graphs must take them.
import { describe, expect, it } from 'vitest';
import { CAPACITY_MECHANISMS, EXACT_ERROR, capacityCase, capacityPairs, capacityPoint, capacityTolerance, type KeyKind } from '../core/capacity';
import type { Case } from '../core/cases';
import type { View } from '../core/views';
import { decodeOutputs, prepareModel } from './index';
import { runInNode } from './run-node';

async function liveO(c: Case, view: View) {
  const prepared = prepareModel(c, view);
  const { outputs } = await runInNode(prepared);
  return decodeOutputs(c, view, outputs).o;
}

describe.each(['one-hot', 'random'] as KeyKind[])('capacity curve, %s keys, d_k = 6', (keys) => {
  const pairs = capacityPairs({ dk: 6, dv: 4, count: 14, keys, seed: 1 });
  it.each(CAPACITY_MECHANISMS)('%s: parallel and recurrent models match the core at every n', async (m) => {
    for (const view of ['parallel', 'recurrent'] as View[]) {
      for (let n = 1; n <= 14; n++) {
        const o = await liveO(capacityCase(m, pairs, n), view);
        const live = capacityPoint(m, pairs, n, () => o);
        const ref = capacityPoint(m, pairs, n);
        expect(Math.abs(live - ref), `${m} ${view} n=${n}: ${live} vs ${ref}`).toBeLessThanOrEqual(capacityTolerance(ref));
        if (keys === 'one-hot' && n <= 6 && m !== 'softmax_attention') expect(live).toBeLessThan(EXACT_ERROR);
      }
    }
  });
});
