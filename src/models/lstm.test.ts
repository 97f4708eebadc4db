// Chapter 1's ONNX LSTM (float32, onnxruntime-web WASM in Node) against the float64 core LSTM.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxAbs, maxAbsDiff } from '../core/linalg';
import { embed, lstmRun, lstmWeights, tokenize, type LstmSpec } from '../core/lstm';
import { randomMatrix, rng } from '../core/random';
import { buildLstm, decodeLstm, LSTM_OUTPUTS, prepareLstm } from './lstm';
import { runInNode } from './run-node';

const TOL = 1e-5;

function expectClose(actual: unknown, expected: unknown, label: string): void {
  const gap = maxAbsDiff(actual, expected);
  const bound = TOL * Math.max(1, maxAbs(expected));
  expect(gap, `${label}: off by ${gap} (allowed ${bound})`).toBeLessThanOrEqual(bound);
}

async function compare(spec: LstmSpec, xs: number[][]) {
  const { outputs } = await runInNode(prepareLstm(spec, xs));
  const got = decodeLstm(outputs);
  const ref = lstmRun(lstmWeights(spec), xs);
  expect(got).toHaveLength(ref.length);
  for (const field of ['h', 'c', 'i', 'f', 'o', 'g'] as const)
    expectClose(got.map((s) => s[field]), ref.map((s) => s[field]), `${JSON.stringify(spec)} T=${xs.length} ${field}`);
}

describe('ONNX LSTM vs the float64 core', () => {
  it('the sentence of chapter 1, 大家好，我是, step by step', async () => {
    const spec = { inputSize: 4, hiddenSize: 4, seed: 7 };
    await compare(spec, tokenize('大家好，我是').map((tok) => embed(tok, 4, 7)));
  });

  it('one step, and sizes where input and hidden widths differ', async () => {
    await compare({ inputSize: 3, hiddenSize: 5, seed: 2 }, [[0.5, -1, 2]]);
    await compare({ inputSize: 6, hiddenSize: 2, seed: 3 }, randomMatrix(rng(3), 9, 6));
  });

  it('one session serves every length (T is symbolic)', async () => {
    const spec = { inputSize: 4, hiddenSize: 4, seed: 11 };
    for (const T of [1, 2, 12, 30]) await compare(spec, randomMatrix(rng(T), T, 4));
  });

  it('declares the operator and the outputs the figure reads', () => {
    const g = buildLstm(lstmWeights({ inputSize: 2, hiddenSize: 3, seed: 1 }));
    expect(g.opTypes().has('LSTM')).toBe(true);
    expect(g.proto().output?.map((o) => o.name)).toEqual([...LSTM_OUTPUTS]);
  });

  it("onnxruntime-web's WebGPU backend lists no LSTM kernel (why the page runs it on WASM)", () => {
    // If a future onnxruntime-web adds one, this fails: then try WebGPU and update chapter 1's wording.
    const ops = readFileSync(new URL('../../node_modules/onnxruntime-web/docs/webgpu-operators.md', import.meta.url), 'utf8');
    expect(ops).toMatch(/\|\s*MatMul\s*\|/); // the table is there and readable
    expect(ops).not.toMatch(/\|\s*LSTM\s*\|/);
  });
});
