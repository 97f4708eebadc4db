// Emits precomputed-traces.json (scripts/precompute-traces.ts) into the build. List it before
// serviceWorker() so the service worker precaches it. The dev server has no such file; pages then
// start from the float64 reference as before.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function precomputedTraces(): Plugin {
  return {
    name: 'memory-lane-precomputed-traces',
    apply: 'build',
    async generateBundle() {
      // A child process (under tsx, like `npm run trace`): the config stays free of the models and
      // onnxruntime, and Vite never bundles src/ into it.
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/precompute-traces.ts'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
      // The name is PRECOMPUTED_FILE (src/trace/precomputed.ts), spelled out to keep src/ out of the config.
      this.emitFile({ type: 'asset', fileName: 'precomputed-traces.json', source: stdout.trim() });
    },
  };
}
