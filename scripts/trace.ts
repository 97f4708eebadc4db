// `npm run -s trace -- --input case.json [--view …] [--chunk N] [--backend wasm|reference] [--steps]`
// Prints one JSON trace on stdout (docs/trace-cli.md). Any bad input: exit 2, one line on stderr.
import { readFileSync, statSync } from 'node:fs';
import { parseCase, CaseError } from '../src/core/cases';
import { LIMITS, megabytes } from '../src/core/limits';
import { runReference } from '../src/core';
import { decodeOutputs, prepareModel } from '../src/models';
import { runInNode } from '../src/models/run-node';
import { makeTrace, toCliJson } from '../src/trace';
import { checkRun, parseArgs, UsageError, writeCliTrace } from './traceCli';

function tooLarge(bytes: number): UsageError {
  return new UsageError(`input: the file has ${megabytes(bytes)}; the limit is ${megabytes(LIMITS.maxImportBytes)}`);
}

function readInput(path: string): unknown {
  let text: string;
  try {
    // A file's size is checked before it is read; stdin has none to ask, so its text is.
    if (path !== '-') {
      const { size } = statSync(path);
      if (size > LIMITS.maxImportBytes) throw tooLarge(size);
    }
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--input: cannot read "${path}" (${e instanceof Error && 'code' in e ? String(e.code) : 'unreadable'})`);
  }
  if (text.length > LIMITS.maxImportBytes) throw tooLarge(text.length);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`input: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const c = parseCase(readInput(args.input));
  checkRun(args, c);
  const chunk = args.view === 'chunkwise' ? args.chunk : undefined;
  let trace;
  if (args.backend === 'reference') {
    const t0 = performance.now();
    const result = runReference(c, args.view, chunk);
    trace = makeTrace(c, result, { view: args.view, backend: 'reference', ms: performance.now() - t0, chunk });
  } else {
    const model = prepareModel(c, args.view, { chunk });
    const { outputs, ms } = await runInNode(model);
    trace = makeTrace(c, decodeOutputs(c, args.view, outputs), { view: args.view, backend: 'wasm', ms, chunk });
  }
  await writeCliTrace(toCliJson(trace, args.steps), process.stdout);
}

main().catch((e: unknown) => {
  if (e instanceof UsageError || e instanceof CaseError) {
    process.stderr.write(`trace: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`trace: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
