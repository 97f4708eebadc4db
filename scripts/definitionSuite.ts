// One mechanism checked against a float64 loop that its test writes from the mechanism's definition
// (not from the code under test): every view of the float64 core (to 1e-9), of the ONNX graphs
// (float32, to 1e-5·max(1, ‖ref‖∞)) and of the `trace` command on both backends.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../src/core/cases';
import { runReference } from '../src/core/index';
import { maxAbs, maxAbsDiff, type Mat } from '../src/core/linalg';
import { VIEWS } from '../src/core/views';
import { decodeOutputs, prepareModel } from '../src/models/index';
import { runInNode } from '../src/models/run-node';
import { traceInProcess } from './traceInProcess';

/** The loop's outputs o_t and its final memory S_T. */
export type Definition<C extends Case> = (c: C) => { o: Mat; S: Mat };

const close = (got: unknown, ref: Mat, tol: number, label: string) => {
  const bound = tol * Math.max(1, maxAbs(ref));
  expect(maxAbsDiff(got, ref), label).toBeLessThanOrEqual(bound);
};

/** Chunk sizes each view is run with: the chunkwise form at several, the others once. */
const chunksOf = (view: (typeof VIEWS)[number]) => (view === 'chunkwise' ? [1, 2, 4] : [2]);

export function describeAgainstDefinition<C extends Case>(title: string, cases: readonly C[], loop: Definition<C>): void {
  describe(`${title} = its definition, in every view`, () => {
    it.each(cases.map((c, i) => [i, c] as const))('case %i: float64 core, all three views (1e-9)', (_, c) => {
      const ref = loop(c);
      for (const view of VIEWS)
        for (const chunk of chunksOf(view)) {
          const r = runReference(c, view, chunk);
          close(r.o, ref.o, 1e-9, `${view} C=${chunk} o`);
          close(r.S_final, ref.S, 1e-9, `${view} C=${chunk} S`);
        }
    });

    it.each(cases.map((c, i) => [i, c] as const))('case %i: ONNX graphs, all three views (float32)', async (_, c) => {
      const ref = loop(c);
      for (const view of VIEWS)
        for (const chunk of chunksOf(view)) {
          const model = prepareModel(c, view, { chunk });
          const r = decodeOutputs(c, view, (await runInNode(model)).outputs);
          close(r.o, ref.o, 1e-5, `${view} C=${chunk} o`);
          close(r.S_final, ref.S, 1e-5, `${view} C=${chunk} S`);
        }
    });

    // In-process (runTrace, the code the process runs); scripts/trace.test.ts starts the real process.
    it('the trace command, both backends, all three views', async () => {
      const file = join(mkdtempSync(join(tmpdir(), `${cases[0].mechanism}-`)), 'case.json');
      writeFileSync(file, JSON.stringify(cases[0]));
      const ref = loop(cases[0]);
      for (const backend of ['reference', 'wasm'])
        for (const view of VIEWS) {
          const r = await traceInProcess(['--input', file, '--view', view, '--backend', backend]);
          expect(r.code, r.stderr).toBe(0);
          const out = JSON.parse(r.stdout) as { o: Mat; S_final: Mat };
          const tol = backend === 'reference' ? 1e-9 : 1e-5;
          close(out.o, ref.o, tol, `${backend} ${view} o`);
          close(out.S_final, ref.S, tol, `${backend} ${view} S`);
        }
    });
  });
}
