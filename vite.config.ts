import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precomputedTraces } from './build/precomputed-traces-plugin';
import { serviceWorker } from './build/service-worker-plugin';

export default defineConfig({
  // precomputedTraces() before serviceWorker(): the service worker precaches what it emits.
  plugins: [react(), precomputedTraces(), serviceWorker()],
  // onnxruntime-web ships its own pre-built ES modules and wasm; pre-bundling them only breaks the
  // `new URL('…wasm', import.meta.url)` lookups.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
  },
  base: './',
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
