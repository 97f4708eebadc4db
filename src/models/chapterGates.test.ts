// Chapters 6 and 7 feed the graphs extreme gates: ⟲'s γ ≈ 5e-7 and a "closed" key dimension of 1e-6.
// The float32 graphs (log-gates, cumulative sums) must still agree with the float64 core there.
import { describe, expect, it } from 'vitest';
import { GATE_MODELS, finerGateExample } from '../core/finerGates';
import { runReference } from '../core/index';
import { maxAbsDiff } from '../core/linalg';
import { gatedRetentionCase, gatesPreset } from '../core/tokenGates';
import type { Case } from '../core/cases';
import type { View } from '../core/views';
import { decodeOutputs, prepareModel } from './index';
import { runInNode } from './run-node';
import { float32Tolerance } from '../core/float32';

async function expectAgrees(c: Case, view: View, label: string): Promise<void> {
  const { outputs } = await runInNode(prepareModel(c, view));
  const got = decodeOutputs(c, view, outputs);
  const ref = runReference(c, view);
  const bound = float32Tolerance(ref.o);
  expect(maxAbsDiff(got.o, ref.o), `${label} o`).toBeLessThanOrEqual(bound);
  if (ref.M) expect(maxAbsDiff(got.M, ref.M), `${label} M`).toBeLessThanOrEqual(float32Tolerance(ref.M));
  if (ref.steps) expect(maxAbsDiff(got.steps?.map((s) => s.S), ref.steps.map((s) => s.S)), `${label} S`).toBeLessThanOrEqual(bound);
}

describe('chapter 6: token sequences with ⟲', () => {
  for (const preset of ['one-clear', 'two-clears', 'no-clear'] as const)
    it.each(['parallel', 'recurrent'] as const)(`${preset}, %s`, async (view) => {
      await expectAgrees(gatedRetentionCase(gatesPreset(preset)), view, `${preset} ${view}`);
    });
});

describe('chapter 7: every live row of the gate table', () => {
  for (const model of GATE_MODELS) {
    const e = finerGateExample(model);
    if (!e.live) continue;
    const live = e.live;
    it.each(['parallel', 'recurrent'] as const)(`${model}, %s`, async (view) => {
      await expectAgrees(live, view, `${model} ${view}`);
    });
  }
  it.each(['parallel', 'recurrent'] as const)('gla with key dimension 2 closed at step 5, %s', async (view) => {
    const live = finerGateExample('gla', { closeColumn: { step: 4, dim: 1 } }).live;
    if (!live) throw new Error('gla is live');
    await expectAgrees(live, view, `closed ${view}`);
  });
});
