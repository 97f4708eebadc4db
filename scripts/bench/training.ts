// `npx tsx scripts/bench/training.ts [--quick] [--mechanisms a,b] [dist]`: only the bench's training-lab
// part (scripts/bench/trainLab.ts): steps/s per mechanism × backend in the browser, and input → next
// frame while training. Without a build folder (`vite build --outDir …`) it makes a fresh build.
// Writes bench/training-lab.json; with BENCH_SHOTS=<folder>, a screenshot of each row's paused page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { runTrainLabBench } from './trainLab';
import { trainLabTable } from './trainLabRate';
import { serveBuild } from './serve';

const OUT = 'bench/training-lab.json';

function parseArgs(argv: string[]): { quick: boolean; mechanisms?: string[]; dist?: string } {
  const args: { quick: boolean; mechanisms?: string[]; dist?: string } = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') args.quick = true;
    else if (argv[i] === '--mechanisms') args.mechanisms = (argv[++i] ?? '').split(',').filter(Boolean);
    else args.dist = argv[i];
  }
  return args;
}

async function main(): Promise<void> {
  const { quick, mechanisms, dist } = parseArgs(process.argv.slice(2));
  const served = await serveBuild(dist);
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
