// `npx tsx scripts/bench/playback.ts [--runs N] [--seconds S] [--lengths 64,256] [dist …]`: only the bench's playback row (the
// playground at T = 64 and 256, d = 16, 2×), without the model cells, page loads or Lighthouse.
// With build folders (`vite build --outDir …`) it measures each in turn, N rounds alternating, so a
// before and an after meet the same machine load; without, a fresh build.
import { chromium } from '@playwright/test';
import { playbackRate, TARGETS, type PlaybackRate } from './browser';
import { serveBuild } from './serve';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-webgpu'];

interface Args {
  runs: number;
  seconds: number;
  lengths: number[];
  dists: (string | undefined)[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 1, seconds: 3, lengths: [64, 256], dists: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') args.runs = Math.max(1, Number(argv[++i]) || 1);
    else if (argv[i] === '--seconds') args.seconds = Math.max(1, Number(argv[++i]) || 3);
    else if (argv[i] === '--lengths') args.lengths = (argv[++i] ?? '').split(',').map(Number).filter((T) => T > 0);
    else args.dists.push(argv[i]);
  }
  if (!args.dists.length) args.dists.push(undefined);
  return args;
}

function line(where: string, p: PlaybackRate): string {
  const cpu = p.cpuMsPerFrame;
  const ran = p.T !== p.wantedT ? ` (ran T=${p.T ?? '—'})` : '';
  const short = p.wantedT === 256 && (p.fps === null || p.fps < TARGETS.fpsT256 * 0.95) ? `  — short of ${TARGETS.fpsT256} fps` : '';
  return `${where}  T=${p.wantedT}${ran}  ${p.fps ?? '—'} fps  p95 ${p.p95FrameMs ?? '—'} ms  max ${p.maxFrameMs ?? '—'} ms  ${p.steps} steps  CPU/frame ${cpu ? `${cpu.task} ms (script ${cpu.script}, style ${cpu.style}, layout ${cpu.layout})` : '—'}${p.note ? `  [${p.note}]` : ''}${short}`;
}

async function main(): Promise<void> {
  const { runs, seconds, lengths, dists } = parseArgs(process.argv.slice(2));
  const served = await Promise.all(dists.map((d) => serveBuild(d)));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    for (let r = 0; r < runs; r++)
      for (const [i, s] of served.entries())
        for (const T of lengths) console.log(line(dists[i] ?? 'fresh build', await playbackRate(browser, s.base, T, seconds)));
  } finally {
    await browser.close();
    for (const s of served) s.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench playback: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
