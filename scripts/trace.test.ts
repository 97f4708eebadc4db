// The `trace` command: JSON in, JSON or one error line out. Most cases run it in-process (runTrace,
// the same code the process runs); the last describe blocks start it as a learner does, a real
// process, for what only a process shows: its exit status, stdout and stderr, and streaming.
import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/core/limits';
import { traceInProcess } from './traceInProcess';
import { runTrace } from './traceRun';

const dir = mkdtempSync(join(tmpdir(), 'trace-'));
let n = 0;

function caseFile(input: unknown): string {
  const file = join(dir, `case${n++}.json`);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  return file;
}

function trace(input: unknown, ...args: string[]) {
  return traceInProcess(['--input', caseFile(input), ...args]);
}

/** The real process, as `npm run trace` starts it. */
function traceProcess(input: unknown, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/trace.ts', '--input', caseFile(input), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

function expectClose(actual: unknown, expected: unknown, tol = 1e-6) {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol);
    return;
  }
  expect(Array.isArray(actual)).toBe(true);
  const a = actual as unknown[];
  const e = expected as unknown[];
  expect(a.length).toBe(e.length);
  e.forEach((x, i) => expectClose(a[i], x, tol));
}

// Golden cases worked by hand (T = 2; read after write; S₀ = 0).
const golden = [
  {
    name: 'linear attention: S1 = 2·[1,0] → o1 = 2; S2 = [[2, 3]] → o2 = S2·[0,1] = 3',
    input: { mechanism: 'linear_attention', q: [[1, 0], [0, 1]], k: [[1, 0], [0, 1]], v: [[2], [3]] },
    o: [[2], [3]],
    S_final: [[2, 3]],
  },
  {
    name: 'retnet γ=0.5: S2 = 0.5·[[2,0]] + [[0,3]] = [[1,3]] → o2 = [1,3]·[1,1] = 4',
    input: { mechanism: 'retnet', gamma: 0.5, q: [[1, 0], [1, 1]], k: [[1, 0], [0, 1]], v: [[2], [3]] },
    o: [[2], [4]],
    S_final: [[1, 3]],
  },
  {
    name: 'deltanet β=1, same key twice: S2 = S1(I − kkᵀ) + 5kᵀ = [[5,0]] → o2 = 5 (linear attention: 7)',
    input: { mechanism: 'deltanet', beta: [1, 1], q: [[1, 0], [1, 0]], k: [[1, 0], [1, 0]], v: [[2], [5]] },
    o: [[2], [5]],
    S_final: [[5, 0]],
  },
  {
    name: 'softmax: o2 = (e⁰·4 + e^{ln3}·8)/(1+3) = (4+24)/4 = 7',
    input: { mechanism: 'softmax_attention', q: [[1], [Math.log(3)]], k: [[0], [1]], v: [[4], [8]] },
    o: [[4], [7]],
    S_final: null,
  },
  {
    name: 'mamba2 A=−ln2, dt=1: a=0.5; S1 = 1 → o1 = 1; S2 = 0.5 + 1 = 1.5',
    input: { mechanism: 'mamba2', x: [[1], [1]], B: [[1], [1]], C: [[1], [1]], dt: [1, 1], A: -Math.log(2) },
    o: [[1], [1.5]],
    S_final: [[1.5]],
  },
  {
    name: 'mamba (S6) dt=2, A=−ln2/2: Ā = 0.5; B̄x = 2·1·1 = 2; h1 = 2, h2 = 1 + 2 = 3',
    input: { mechanism: 'mamba', x: [[1], [1]], dt: [[2], [2]], A: [[-Math.log(2) / 2]], B: [[1], [1]], C: [[1], [1]] },
    o: [[2], [3]],
    S_final: [[3]],
  },
];

describe('trace command: golden cases on both backends', () => {
  for (const g of golden)
    for (const backend of ['wasm', 'reference'])
      it(`${g.name} [${backend}]`, async () => {
        const views = g.input.mechanism === 'softmax_attention' ? ['recurrent', 'parallel'] : ['recurrent', 'parallel', 'chunkwise'];
        for (const view of views) {
          const r = await trace(g.input, '--backend', backend, '--view', view);
          expect(r.stderr, r.stderr).toBe('');
          expect(r.code).toBe(0);
          const out = JSON.parse(r.stdout);
          expect(out.mechanism).toBe(g.input.mechanism);
          expect(out.view).toBe(view);
          expect(out.backend).toBe(backend);
          expect(typeof out.ms).toBe('number');
          expectClose(out.o, g.o);
          if (g.S_final === null) expect(out.S_final).toBeNull();
          else expectClose(out.S_final, g.S_final);
        }
      });

  it('--steps adds S per step (T × d_v × d_k)', async () => {
    const r = await trace(golden[0].input, '--steps');
    expect(r.code).toBe(0);
    expectClose(JSON.parse(r.stdout).S, [[[2, 0]], [[2, 3]]]);
  });

  it('a gate that float32 rounds to 0 forgets, in every view, as the float64 core does (no null)', async () => {
    // gate 1e-50 > 0 is valid, but 0 in float32: S2 = 3·[0,1]ᵀ… o3 = 0.8·[0,3]·[1,1] + 4·2 = 2.4 + 8 = 10.4
    const input = { mechanism: 'gated_retention', gate: [0.9, 1e-50, 0.8], q: [[1, 0], [0, 1], [1, 1]], k: [[1, 0], [0, 1], [1, 1]], v: [[2], [3], [4]] };
    for (const view of ['parallel', 'chunkwise', 'recurrent']) {
      const r = await trace(input, '--view', view);
      expect(r.stderr, `${view}: ${r.stderr}`).toBe('');
      expect(r.code).toBe(0);
      expectClose(JSON.parse(r.stdout).o, [[2], [3], [10.4]], 1e-5 * 10.4);
    }
  });

  it('chunkwise answers for a chunk size that does not divide T', async () => {
    const input = { mechanism: 'gated_retention', gate: [0.5, 0.5, 0.5], q: [[1], [1], [1]], k: [[1], [1], [1]], v: [[1], [1], [1]] };
    // S1 = 1, S2 = 1.5, S3 = 1.75
    const r = await trace(input, '--view', 'chunkwise', '--chunk', '2');
    expect(r.code).toBe(0);
    expectClose(JSON.parse(r.stdout).o, [[1], [1.5], [1.75]]);
  });
});

describe('trace command: the real process', () => {
  it('a golden case on stdout, nothing on stderr, exit 0 [wasm, parallel]', () => {
    const r = traceProcess(golden[1].input, '--view', 'parallel');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ mechanism: 'retnet', view: 'parallel', backend: 'wasm' });
    expectClose(out.o, golden[1].o);
    expectClose(out.S_final, golden[1].S_final);
  });
});

const la = golden[0].input;
const bad: Array<[string, unknown, string[], RegExp]> = [
  ['unknown mechanism', { ...la, mechanism: 'lstm' }, [], /mechanism: unknown mechanism "lstm"/],
  ['missing mechanism', { q: la.q }, [], /mechanism: is missing/],
  ['ragged rows', { ...la, q: [[1, 0], [1]] }, [], /q\[1\]: expected 2 entries/],
  ['mismatched T', { ...la, v: [[1]] }, [], /v: expected 2 rows, got 1/],
  ['mismatched width', { ...la, k: [[1], [1]] }, [], /k: expected 2 entries|k\[0\]: expected 2 entries/],
  ['a number as text', { ...la, v: [['2'], [3]] }, [], /v\[0\]\[0\]: expected a number, got the text "2"/],
  ['infinity (1e999)', '{"mechanism":"linear_attention","q":[[1e999]],"k":[[1]],"v":[[1]]}', [], /q\[0\]\[0\]: must be a finite number/],
  ['NaN is not JSON', '{"mechanism":"linear_attention","q":[[NaN]],"k":[[1]],"v":[[1]]}', [], /input: not valid JSON/],
  ['gate above 1', { mechanism: 'gated_retention', gate: [0.5, 1.5], q: la.q, k: la.k, v: la.v }, [], /gate\[1\]: must be in \(0, 1\], got 1.5/],
  ['gate of 0', { mechanism: 'gla', gate: [[1, 1], [0, 1]], q: la.q, k: la.k, v: la.v }, [], /gate\[1\]\[0\]: must be in \(0, 1\]/],
  ['gamma above 1', { ...la, mechanism: 'retnet', gamma: 2 }, [], /gamma: must be in \[0, 1\], got 2/],
  ['beta negative', { ...la, mechanism: 'deltanet', beta: [1, -1] }, [], /beta\[1\]: must be in \[0, 2\]/],
  ['dt not positive', { mechanism: 'mamba2', x: [[1]], B: [[1]], C: [[1]], dt: [0], A: -1 }, [], /dt\[0\]: must be greater than 0/],
  ['mamba2 A positive', { mechanism: 'mamba2', x: [[1]], B: [[1]], C: [[1]], dt: [1], A: 1 }, [], /A: must be ≤ 0/],
  ['an input beyond float32', { ...la, q: [[1e39, 0], [0, 1]] }, [], /q\[0\]\[0\]: 1e\+39 is beyond about 3\.4e38, the most a 32-bit float can hold; --backend reference/],
  ['outputs beyond float32', { ...la, q: [[1e30, 0], [0, 1]], k: [[1e30, 0], [0, 1]] }, [], /o\[0\]\[0\]: the numbers pass about 3\.4e38, the most a 32-bit float can hold/],
  [
    'parallel products beyond float32 (the recurrent view holds the answer)',
    { mechanism: 'linear_attention', q: [[1e20]], k: [[1e20]], v: [[1e-20]] },
    ['--view', 'parallel'],
    /o\[0\]\[0\]: the parallel view's intermediate products pass about 3\.4e38.*--view recurrent holds it/,
  ],
  ['outputs beyond float64', { ...la, q: [[1e200, 0], [0, 1]], k: [[1e200, 0], [0, 1]] }, ['--backend', 'reference'], /o\[0\]\[0\]: not a finite number even in float64/],
  ['empty sequence', { ...la, q: [], k: [], v: [] }, [], /q: must not be empty/],
  ['not an object', '[1,2,3]', [], /input: expected a JSON object/],
  ['unknown view', la, ['--view', 'sideways'], /--view: unknown view "sideways"/],
  ['unknown backend', la, ['--backend', 'cuda'], /--backend: unknown backend "cuda"/],
  ['bad chunk', la, ['--view', 'chunkwise', '--chunk', '0'], /--chunk: must be a positive whole number/],
  ['chunk without chunkwise', la, ['--chunk', '2'], /--chunk: only the chunkwise view/],
  ['steps on the parallel view', la, ['--view', 'parallel', '--steps'], /--steps: per-step states come from the recurrent view/],
  ['unknown flag', la, ['--colour'], /unknown argument "--colour"/],
  ['chunk above the limit', la, ['--view', 'chunkwise', '--chunk', String(LIMITS.maxChunk + 1)], new RegExp(`--chunk: is ${LIMITS.maxChunk + 1}; the limit is ${LIMITS.maxChunk}`)],
  ['T above the limit', { ...la, q: Array(LIMITS.maxT + 1).fill([1]), k: Array(LIMITS.maxT + 1).fill([1]), v: Array(LIMITS.maxT + 1).fill([1]) }, [], new RegExp(`^trace: q: has ${LIMITS.maxT + 1} rows; the limit is ${LIMITS.maxT}$`)],
  ['width above the limit', { ...la, q: [Array(LIMITS.maxDim + 1).fill(1)], k: [Array(LIMITS.maxDim + 1).fill(1)], v: [[1]] }, [], new RegExp(`^trace: q\\[0\\]: has ${LIMITS.maxDim + 1} entries; the width limit is ${LIMITS.maxDim}$`)],
  ['a file above the import limit', JSON.stringify(la) + ' '.repeat(LIMITS.maxImportBytes), [], /^trace: input: the file has 8\.1 MB; the limit is 8\.0 MB$/],
];

describe('trace command: bad input exits 2 with one line naming the problem', () => {
  for (const [name, input, args, message] of bad)
    it(name, async () => {
      const r = await trace(input, ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    });

  it('the real process: bad input exits 2, nothing on stdout, one line on stderr', () => {
    const r = traceProcess({ ...la, mechanism: 'lstm' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^trace: mechanism: unknown mechanism "lstm"/);
  });

  it('a missing input file, through the README\'s own npm command', () => {
    const r = spawnSync('npm', ['run', '-s', 'trace', '--', '--input', join(dir, 'nope.json')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn')).join('\n')).toMatch(/^trace: --input: cannot read .*nope\.json.*ENOENT/);
  });
});

describe('trace command: --steps at the largest sizes (T = 1024, d_k = d_v = 64)', () => {
  const T = LIMITS.maxT;
  const d = LIMITS.maxDim;
  // Small integers keep the case file short; the states still fill T × d × d numbers.
  const rows = (salt: number) => Array.from({ length: T }, (_, t) => Array.from({ length: d }, (_, i) => ((t * 7 + i * 3 + salt) % 5) - 2));
  const input = { mechanism: 'retnet', gamma: 0.5, q: rows(0), k: rows(1), v: rows(2) };
  const file = join(dir, 'largest.json');
  writeFileSync(file, JSON.stringify(input));

  const check = (outFile: string) => {
    const out = JSON.parse(readFileSync(outFile, 'utf8'));
    expect(out.S).toHaveLength(T);
    expect(out.S[T - 1]).toHaveLength(d);
    expect(out.S[T - 1][d - 1]).toHaveLength(d);
    expect(out.S[T - 1]).toEqual(out.S_final);
  };

  // The real process: streamed (exit 0), never out of memory (exit 1 or 134); stdout goes to a file, not a buffer.
  it('streams every step [reference, a real process]', () => {
    const outFile = join(dir, 'largest-reference.json');
    const fd = openSync(outFile, 'w');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/trace.ts', '--input', file, '--backend', 'reference', '--steps'], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fd);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    check(outFile);
  }, 180_000);

  // The model's run in-process (runTrace, the code the process runs), written through a file stream.
  it('streams every step [wasm]', async () => {
    const outFile = join(dir, 'largest-wasm.json');
    const stream = createWriteStream(outFile);
    const err: string[] = [];
    const stderr = new Writable({ write: (chunk, _e, done) => (err.push(String(chunk)), done()) });
    const code = await runTrace(['--input', file, '--backend', 'wasm', '--steps'], stream, stderr);
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    check(outFile);
  }, 180_000); // the WASM run takes ~10 s alone; a busy 2-core CI machine may take a few times that
});
