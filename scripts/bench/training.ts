// `npx tsx scripts/bench/training.ts [--quick] [--mechanisms a,b] [dist]`: only the bench's training-lab
// part (scripts/bench/trainLab.ts): steps/s per mechanism × backend in the browser, and input → next
// frame while training. Without a build folder (`vite build --outDir …`) it makes a fresh build.
// Writes bench/training-lab.json; with BENCH_SHOTS=<folder>, a screenshot of each row's paused page.
//
// `… training.ts --parity [--tasks mqar,story] [--mechanisms a,b] [--steps N] [--seed N] [--out file] [dist]`: the
// parity check instead (scripts/bench/trainParity.ts): each manifest model of those tasks trained in the
// lab on WASM with the manifest's settings, scored per level beside the manifest. Writes
// bench/training-parity.json after every model (a second run with the same file keeps finished rows);
// --steps N trains fewer steps than the manifest's, for a quick look (not a parity result); --seed N
// trains with another seed (the manifest's is 1; initial weights and batches), to see how far a seed moves a row.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { runTrainLabBench } from './trainLab';
import { trainLabTable } from './trainLabRate';
import { serveBuild } from './serve';
import { PARITY_TASKS, parityTable, runParity } from './trainParity';

const OUT = 'bench/training-lab.json';
const PARITY_OUT = 'bench/training-parity.json';

interface Args {
  quick: boolean;
  parity: boolean;
  tasks: string[];
  mechanisms?: string[];
  steps?: number;
  seed?: number;
  out?: string;
  dist?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, parity: false, tasks: [...PARITY_TASKS] };
  const list = (s: string | undefined) => (s ?? '').split(',').filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') args.quick = true;
    else if (argv[i] === '--parity') args.parity = true;
    else if (argv[i] === '--tasks') args.tasks = list(argv[++i]);
    else if (argv[i] === '--mechanisms') args.mechanisms = list(argv[++i]);
    else if (argv[i] === '--steps') args.steps = Number(argv[++i]);
    else if (argv[i] === '--seed') args.seed = Number(argv[++i]);
    else if (argv[i] === '--out') args.out = argv[++i];
    else args.dist = argv[i];
  }
  return args;
}

async function parity({ tasks, mechanisms, steps, seed, out = PARITY_OUT }: Args, base: string): Promise<void> {
  const r = await runParity(base, { tasks, mechanisms, steps, seed, out, log: (s) => process.stderr.write(`${s}\n`) });
  console.log(`\nParity with public/models/manifest.json (chromium ${r.chromium}, WASM; within ${r.points} points at every level)${steps ? ` — ${steps} steps only: not a parity result` : ''}`);
  console.log(parityTable(r));
  console.log(`\nDiffers from the offline runs:\n${r.differences.map((x) => `- ${x}`).join('\n')}`);
  console.log(`wrote ${out}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { quick, mechanisms, dist } = args;
  const served = await serveBuild(dist);
  if (args.parity) {
    try {
      await parity(args, served.base);
    } finally {
      served.stop();
    }
    return;
  }
  const loadBefore = loadavg()[0];
  try {
    const r = await runTrainLabBench(served.base, quick, mechanisms);
    const load = { before: loadBefore, after: loadavg()[0] };
    console.log(`\nTraining lab in the browser (chromium ${r.chromium}; MQAR, batch ${r.size.batch}, ${r.size.level} pairs → T = ${r.size.T}, d_model ${r.size.dModel}, ${r.size.layers} layer; each row until ${r.stopAt.steps} steps or ${r.stopAt.seconds} s)`);
    const gpu = r.webgpuAdapter;
    console.log(`WebGPU adapter: ${gpu ? `${[gpu.vendor, gpu.architecture, gpu.description].filter(Boolean).join(' / ') || '?'}${gpu.software ? ' (software: on the CPU)' : ''}` : 'none'}`);
    console.log(trainLabTable(r));
    console.log(r.shortfalls.length ? `\nShort of target:\n${r.shortfalls.map((x) => `- ${x}`).join('\n')}` : '\nAll training-lab targets met.');
    if (Math.max(load.before, load.after) > cpus().length)
      console.log(`! load average ${load.before.toFixed(1)} → ${load.after.toFixed(1)} on ${cpus().length} cores: other work shared the CPU, timings are noisy`);
    mkdirSync('bench', { recursive: true });
    writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), loadAverage1m: load, trainingBrowser: r }, null, 2) + '\n');
    console.log(`wrote ${OUT}`);
  } finally {
    served.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench training: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
