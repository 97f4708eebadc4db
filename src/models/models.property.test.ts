// Generative test of the ONNX models (float32, onnxruntime-web WASM in Node) against the float64 core:
// any small valid case, in any view, agrees within 1e-5 · max(1, ‖ref‖∞) (docs/design.md §2).
// Few runs: each one builds and runs a model.
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runReference } from '../core/index';
import { maxAbs, maxAbsDiff } from '../core/linalg';
import { validCase } from '../core/test-arbitraries';
import { VIEWS } from '../core/views';
import { decodeOutputs, prepareModel } from './index';
import { runInNode } from './run-node';

const TOL = 1e-5;

function expectClose(actual: unknown, expected: unknown, label: string): void {
  const gap = maxAbsDiff(actual, expected);
  const bound = TOL * Math.max(1, maxAbs(expected));
  expect(gap, `${label}: off by ${gap} (allowed ${bound})`).toBeLessThanOrEqual(bound);
}

describe('ONNX models, generated', () => {
  // Numbers of three decimals: the float32 range itself (overflow, underflow) is tested elsewhere.
  it.prop([validCase({ maxT: 4, maxDim: 3, float32Safe: true }), fc.constantFrom(...VIEWS), fc.integer({ min: 1, max: 4 })], { numRuns: 20, seed: 20261204 })(
    'a small valid case agrees with the float64 core in every view',
    async (c, view, chunk) => {
      const ref = runReference(c, view, chunk);
      const { outputs } = await runInNode(prepareModel(c, view, { chunk }));
      const got = decodeOutputs(c, view, outputs);
      expectClose(got.o, ref.o, `${c.mechanism} ${view} o`);
      if (ref.S_final) expectClose(got.S_final, ref.S_final, `${c.mechanism} ${view} S_final`);
      else expect(got.S_final).toBeNull();
    },
  );
});
