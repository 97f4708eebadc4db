// The `trace` command's parts that need no model: its arguments, the checks made before any work
// starts (docs/trace-cli.md, "Limits"), and the output written a step at a time, so `--steps` at the
// largest sizes never builds one giant string.
import { once } from 'node:events';
import type { Case } from '../src/core/cases';
import { caseSizes, keepsCache, MECHANISMS, specOf } from '../src/core/cases';
import { RANGES, type Dim } from '../src/core/registry';
import { LIMITS, megabytes, stepsOutputBytes } from '../src/core/limits';
import { VIEWS, type View } from '../src/core/views';
import type { CliTrace } from '../src/trace/trace';

/** A bad command line or input file: exit 2 with this one line. */
export class UsageError extends Error {}

export interface Args {
  input: string;
  view: View;
  chunk: number;
  backend: 'wasm' | 'reference';
  steps: boolean;
}

const USAGE = 'usage: trace --input case.json [--view parallel|recurrent|chunkwise] [--chunk N] [--backend wasm|reference] [--steps]';

const DIM_TEXT: Record<'attention' | 'stateSpace', Record<Dim, string>> = {
  attention: { T: 'T', dk: 'd_k', dv: 'd_v' },
  stateSpace: { T: 'T', dk: 'N', dv: 'D' },
};

/** `--help`: the usage line, then every mechanism's case fields, read off the registry. */
export function helpText(): string {
  const width = Math.max(...MECHANISMS.map((m) => m.length));
  const lines = MECHANISMS.map((m) => {
    const spec = specOf(m);
    const fields = Object.entries(spec.fields).map(([name, f]) => {
      const shape = f.dims.length === 0 ? 'a number' : f.dims.map((d) => DIM_TEXT[spec.sizeWords][d]).join(' × ');
      return `${name} [${shape}${f.range ? `, ${RANGES[f.range].text}` : ''}]`;
    });
    return `  ${m.padEnd(width)}  ${fields.join(', ')}`;
  });
  return [
    USAGE,
    '',
    'The case file is a JSON object {"mechanism": …, fields…}; rows are steps. Mechanisms and their fields',
    '(T steps; d_k, d_v the key and value widths, Mamba\'s state size N and channels D):',
    ...lines,
  ].join('\n');
}

/** Quoted back in a message, shortened: a pasted wall of text must not become the error line. */
const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function parseArgs(argv: readonly string[]): Args {
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
        if (!(VIEWS as readonly string[]).includes(v)) throw new UsageError(`--view: unknown view ${quote(v)}; expected one of ${VIEWS.join(', ')}`);
        args.view = v as View;
        break;
      }
      case '--chunk': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--chunk: must be a positive whole number, got ${quote(v)}`);
        if (n > LIMITS.maxChunk) throw new UsageError(`--chunk: is ${n}; the limit is ${LIMITS.maxChunk}`);
        args.chunk = n;
        chunkGiven = true;
        break;
      }
      case '--backend': {
        const v = value();
        if (v !== 'wasm' && v !== 'reference') throw new UsageError(`--backend: unknown backend ${quote(v)}; expected wasm or reference`);
        args.backend = v;
        break;
      }
      case '--steps':
        args.steps = true;
        break;
      default:
        throw new UsageError(`unknown argument ${quote(flag)}; ${USAGE}`);
    }
  }
  if (!args.input) throw new UsageError('--input: missing; give the path of a case JSON file (or - for stdin)');
  if (chunkGiven && args.view !== 'chunkwise') throw new UsageError('--chunk: only the chunkwise view has chunks; add --view chunkwise');
  if (args.steps && args.view !== 'recurrent') throw new UsageError('--steps: per-step states come from the recurrent view; use --view recurrent');
  return args as Args;
}

/** What the arguments ask of this case, checked before the model runs (the case itself is valid). */
export function checkRun(args: Args, c: Case): void {
  if (!args.steps) return;
  if (keepsCache(c.mechanism))
    throw new UsageError('--steps: softmax attention keeps a growing cache, not a fixed state S; drop --steps');
  const { T, dk, dv } = caseSizes(c);
  const numbers = T * dv * dk;
  if (numbers > LIMITS.maxStepNumbers)
    throw new UsageError(
      `--steps: at T=${T}, d_v=${dv}, d_k=${dk} it would print ${numbers} numbers (~${megabytes(stepsOutputBytes(T, dv, dk))}); ` +
        `the limit is ${LIMITS.maxStepNumbers} (~${megabytes(stepsOutputBytes(1, 1, LIMITS.maxStepNumbers))}): use a smaller T or drop --steps`,
    );
}

/** Writes and waits when the pipe is full, so a slow reader never makes the output pile up in memory. */
async function put(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * The same text as JSON.stringify(trace) + "\n", but the per-step states S go out one step at a
 * time: at T = 1024, d = 64 they are ~80 MB of text, which need never exist as one string.
 */
export async function writeCliTrace(trace: CliTrace, out: NodeJS.WritableStream): Promise<void> {
  const { S, ...head } = trace;
  const text = JSON.stringify(head);
  if (!S) return put(out, `${text}\n`);
  await put(out, `${text.slice(0, -1)},"S":[`);
  for (let t = 0; t < S.length; t++) await put(out, (t > 0 ? ',' : '') + JSON.stringify(S[t]));
  await put(out, ']}\n');
}
