// `npm run -s trace -- --input case.json [--view …] [--chunk N] [--backend wasm|reference] [--steps]`
// Prints one JSON trace on stdout (TRACE_CLI.md). Any bad input: exit 2, one line on stderr.
import { readFileSync } from 'node:fs';
import { parseCase, CaseError } from '../src/core/cases';
import { runReference } from '../src/core';
import { caseBeyondFloat32, float32Problem, resultNonFinite, valueAt } from '../src/core/float32';
import { VIEWS, type View } from '../src/core/views';
import { decodeOutputs, prepareModel } from '../src/models';
import { runInNode } from '../src/models/run-node';
import { makeTrace, toCliJson } from '../src/trace';

class UsageError extends Error {}

/** float32's largest number, as the messages write it. */
const F32 = 'about 3.4e38, the most a 32-bit float can hold';

interface Args {
  input: string;
  view: View;
  chunk: number;
  backend: 'wasm' | 'reference';
  steps: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = { view: 'recurrent', chunk: 2, backend: 'wasm', steps: false };
  let chunkGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--input':
        args.input = value();
        break;
      case '--view': {
        const v = value();
        if (!(VIEWS as readonly string[]).includes(v)) throw new UsageError(`--view: unknown view "${v}"; expected one of ${VIEWS.join(', ')}`);
        args.view = v as View;
        break;
      }
      case '--chunk': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--chunk: must be a positive whole number, got "${v}"`);
        args.chunk = n;
        chunkGiven = true;
        break;
      }
      case '--backend': {
        const v = value();
        if (v !== 'wasm' && v !== 'reference') throw new UsageError(`--backend: unknown backend "${v}"; expected wasm or reference`);
        args.backend = v;
        break;
      }
      case '--steps':
        args.steps = true;
        break;
      default:
        throw new UsageError(`unknown argument "${flag}"; usage: trace --input case.json [--view parallel|recurrent|chunkwise] [--chunk N] [--backend wasm|reference] [--steps]`);
    }
  }
  if (!args.input) throw new UsageError('--input: missing; give the path of a case JSON file (or - for stdin)');
  if (chunkGiven && args.view !== 'chunkwise') throw new UsageError('--chunk: only the chunkwise view has chunks; add --view chunkwise');
  if (args.steps && args.view !== 'recurrent') throw new UsageError('--steps: per-step states come from the recurrent view; use --view recurrent');
  return args as Args;
}

function readInput(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new UsageError(`--input: cannot read "${path}" (${e instanceof Error && 'code' in e ? String(e.code) : 'unreadable'})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`input: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const c = parseCase(readInput(args.input));
  if (args.steps && c.mechanism === 'softmax_attention')
    throw new UsageError('--steps: softmax attention keeps a growing cache, not a fixed state S; drop --steps');
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
  process.stdout.write(JSON.stringify(toCliJson(trace, args.steps)) + '\n');
}

main().catch((e: unknown) => {
  if (e instanceof UsageError || e instanceof CaseError) {
    process.stderr.write(`trace: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`trace: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
