// The `trace` command's pre-run checks and its streamed output, without a process or a model.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Case } from '../src/core/cases';
import { LIMITS, stepsOutputBytes } from '../src/core/limits';
import type { CliTrace } from '../src/trace/trace';
import { checkRun, parseArgs, UsageError, writeCliTrace } from './traceCli';

const ones = (rows: number, cols: number) => Array.from({ length: rows }, () => Array<number>(cols).fill(1));

function collect(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    highWaterMark: 16, // tiny, so the writer has to wait for 'drain'
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      setImmediate(done);
    },
  });
  return { out, text: () => chunks.join('') };
}

describe('trace --steps: the size is checked before any work', () => {
  const args = parseArgs(['--input', 'x.json', '--steps']);

  it('the largest valid case is within the --steps limit', () => {
    const c = { mechanism: 'linear_attention', q: ones(LIMITS.maxT, LIMITS.maxDim), k: ones(LIMITS.maxT, LIMITS.maxDim), v: ones(LIMITS.maxT, LIMITS.maxDim) } as Case;
    expect(() => checkRun(args, c)).not.toThrow();
  });

  it('past the limit (were T ever allowed to grow), it refuses with the size and the limit', () => {
    const T = 2 * LIMITS.maxT;
    const c = { mechanism: 'linear_attention', q: ones(T, 64), k: ones(T, 64), v: ones(T, 64) } as Case;
    expect(() => checkRun(args, c)).toThrow(UsageError);
    expect(() => checkRun(args, c)).toThrow(
      `--steps: at T=${T}, d_v=64, d_k=64 it would print ${T * 64 * 64} numbers (~192.0 MB); the limit is ${LIMITS.maxStepNumbers} (~96.0 MB): use a smaller T or drop --steps`,
    );
    expect(stepsOutputBytes(T, 64, 64)).toBe(T * 64 * 64 * 24);
  });

  it('softmax attention has no state to print', () => {
    const c = { mechanism: 'softmax_attention', q: ones(2, 1), k: ones(2, 1), v: ones(2, 1) } as Case;
    expect(() => checkRun(args, c)).toThrow(/--steps: softmax attention keeps a growing cache/);
    expect(() => checkRun(parseArgs(['--input', 'x.json']), c)).not.toThrow();
  });
});

describe('trace output, written a step at a time', () => {
  const head: CliTrace = { mechanism: 'linear_attention', view: 'recurrent', backend: 'reference', o: [[2], [3]], S_final: [[2, 3]], ms: 0.25 };

  it('is exactly JSON.stringify of the whole trace, with and without steps', async () => {
    for (const trace of [head, { ...head, S: [[[2, 0]], [[2, 3]]] }]) {
      const { out, text } = collect();
      await writeCliTrace(trace, out);
      expect(text()).toBe(JSON.stringify(trace) + '\n');
    }
  });
});
