// A fresh production build served by `vite preview` on a free port, for the browser parts of the bench.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

export interface ServedBuild {
  base: string;
  dist: string;
  stop: () => void;
}

/** Serve a fresh build, or `built` (a folder an earlier `vite build --outDir` wrote) as it is. */
export async function serveBuild(built?: string): Promise<ServedBuild> {
  const port = await freePort();
  const dist = built ?? `/tmp/memory-lane-bench-${port}`;
  if (!built) {
    process.stderr.write(`bench: building into ${dist}…\n`);
    // NODE_ENV is set here: a bench that inherited another value (a library it loads may set
    // 'development') got React's development build — jsx-dev-runtime in the entry, every page slower.
    const env = { ...process.env, NODE_ENV: 'production' };
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', dist], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', dist, '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const stop = () => {
    if (!server.pid) return;
    try {
      process.kill(-server.pid);
    } catch {
      server.kill();
    }
  };
  const base = `http://localhost:${port}`;
  try {
    await waitForServer(base, 30_000);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, dist, stop };
}
