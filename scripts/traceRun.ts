// The `trace` command (docs/trace-cli.md) as a function: argv in, JSON trace or one error line out,
// and the exit code returned rather than taken, so tests run it in-process (scripts/trace.ts is the process).
import { readFileSync, statSync } from 'node:fs';
import { parseCase, CaseError } from '../src/core/cases';
import { LIMITS, megabytes } from '../src/core/limits';
import { runReference } from '../src/core';
import { caseBeyondFloat32, float32Problem, resultNonFinite, valueAt } from '../src/core/float32';
import { decodeOutputs, prepareModel } from '../src/models';
import { runInNode } from '../src/models/run-node';
import { makeTrace, toCliJson } from '../src/trace';
import { checkRun, helpText, parseArgs, UsageError, writeCliTrace } from './traceCli';

/** float32's largest number, as the messages write it. */
const F32 = 'about 3.4e38, the most a 32-bit float can hold';

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

async function main(argv: readonly string[], stdout: NodeJS.WritableStream): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    stdout.write(`${helpText()}\n`);
    return;
  }
  const args = parseArgs(argv);
  const c = parseCase(readInput(args.input));
  checkRun(args, c);
  const chunk = args.view === 'chunkwise' ? args.chunk : undefined;
  let trace;
  if (args.backend === 'reference') {
    const t0 = performance.now();
    const result = runReference(c, args.view, chunk);
    trace = makeTrace(c, result, { view: args.view, backend: 'reference', ms: performance.now() - t0, chunk });
    const bad = resultNonFinite(result);
    if (bad) throw new UsageError(`${bad}: not a finite number even in float64 (beyond about 1.8e308)`);
  } else {
    // The models compute in float32: refuse what it cannot hold rather than print null for NaN.
    const input = caseBeyondFloat32(c);
    if (input) throw new UsageError(`${input}: ${String(valueAt(c, input))} is beyond ${F32}; --backend reference computes in float64`);
    const model = prepareModel(c, args.view, { chunk });
    const { outputs, ms } = await runInNode(model);
    const result = decodeOutputs(c, args.view, outputs);
    if (resultNonFinite(result)) {
      // Another form may still hold it: the parallel form multiplies q by k before v, the recurrent one never does.
      const recurrent = args.view === 'recurrent' ? null : decodeOutputs(c, 'recurrent', (await runInNode(prepareModel(c, 'recurrent'))).outputs);
      const problem = float32Problem(c, result, recurrent);
      if (problem?.kind === 'form')
        throw new UsageError(`${problem.field}: the ${args.view} view's intermediate products pass ${F32}; the answer itself does not: --view recurrent holds it`);
      throw new UsageError(`${problem?.field ?? 'o'}: the numbers pass ${F32}; --backend reference computes in float64`);
    }
    trace = makeTrace(c, result, { view: args.view, backend: 'wasm', ms, chunk });
  }
  await writeCliTrace(toCliJson(trace, args.steps), stdout);
}

/** Runs the command; resolves to its exit code: 0, 2 for bad input (one line on stderr), 1 for an internal error. */
export async function runTrace(argv: readonly string[], stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  try {
    await main(argv, stdout);
    return 0;
  } catch (e: unknown) {
    if (e instanceof UsageError || e instanceof CaseError) {
      stderr.write(`trace: ${e.message}\n`);
      return 2;
    }
    stderr.write(`trace: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
