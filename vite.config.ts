import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { prose } from './build/prose-plugin';
import { precomputedTraces } from './build/precomputed-traces-plugin';
import { serviceWorker } from './build/service-worker-plugin';
import { sitePolicy } from './build/site-policy-plugin';
import { compileHints } from './build/compile-hints-plugin';

const TESTS = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'];
/** Test files that replace modules, timers or globals (vi.mock, fake timers, vi.stubGlobal). */
const ISOLATED = ['src/runtime/**/*.test.ts', 'src/app/trained/yourModel.test.ts', 'src/app/hooks/runtimeStart.test.ts', 'src/viz/katexFaces.test.ts', 'src/app/shell/updates.test.ts'];

export default defineConfig({
  // precomputedTraces() before serviceWorker(): the service worker precaches what it emits.
  // prose(): content/<lang>/*.md rendered to HTML at build time (and under the dev server and Vitest).
  // sitePolicy(): the CSP <meta> and the _headers file, in the build only (the dev server needs inline scripts).
  // compileHints() before serviceWorker(): the service worker's version hashes the files as served.
  plugins: [react(), prose(), precomputedTraces(), compileHints(), serviceWorker(), sitePolicy()],
  // onnxruntime-web ships its own pre-built ES modules and wasm; pre-bundling them only breaks the
  // `new URL('…wasm', import.meta.url)` lookups.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    // Fonts stay files, never data: URLs inlined into the CSS, so the policy's font-src stays 'self' (build/csp.ts).
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
  },
  // The training worker (src/train/worker.ts) loads its tfjs backend by dynamic import: ES-module workers only.
  worker: { format: 'es' },
  base: './',
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    // Every core: Vitest's default leaves one to its main process, which on a 2-core CI machine means
    // one worker running ~100 files in a row while the main process mostly waits.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The colour tokens are read as text (src/viz/tokens.ts imports tokens.css?raw); Vitest empties
    // style sheets it is not told to process, which would leave the accessor without its values.
    css: { include: [/src\/styles\/tokens\.css/] },
    // Most files share one module graph per worker: importing onnxruntime-web, the models and the core
    // anew for each of ~110 files was half of Vitest's CPU time. Files that mock modules, fake timers or
    // stub globals get a fresh graph each, so nothing they replace leaks into the next file.
    projects: [
      { extends: true, test: { name: 'shared', include: TESTS, exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
