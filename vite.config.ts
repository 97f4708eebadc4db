import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precomputedTraces } from './build/precomputed-traces-plugin';
import { serviceWorker } from './build/service-worker-plugin';
import { sitePolicy } from './build/site-policy-plugin';

export default defineConfig({
  // precomputedTraces() before serviceWorker(): the service worker precaches what it emits.
  // sitePolicy(): the CSP <meta> and the _headers file, in the build only (the dev server needs inline scripts).
  plugins: [react(), precomputedTraces(), serviceWorker(), sitePolicy()],
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
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Every core: Vitest's default leaves one to its main process, which on a 2-core CI machine means
    // one worker running ~100 files in a row while the main process mostly waits.
    maxWorkers: availableParallelism(),
    // One module graph per worker, not per file: importing onnxruntime-web, the models and the core
    // anew for each of ~110 files was half of Vitest's CPU time. Tests keep no state between files
    // (each builds its own sessions, stores and stubs), and the suite passes in either mode.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The colour tokens are read as text (src/viz/tokens.ts imports tokens.css?raw); Vitest empties
    // style sheets it is not told to process, which would leave the accessor without its values.
    css: { include: [/src\/styles\/tokens\.css/] },
  },
});
