// The engine's Node measurements run through Vite's module loader, not Node's: tfjs-core registers
// its gradients only from its ES-module files (dist/register_all_gradients.js), whose extensionless
// imports Node's own ESM resolver refuses. Vite resolves them as it does for the site and Vitest.
import { createRequire } from 'node:module';
import { createServer } from 'vite';
import type * as Measure from './measure';

export async function loadMeasure(): Promise<{ measure: typeof Measure; close: () => Promise<void> }> {
  // tfjs-core's Node platform calls a global require (CommonJS), as Vitest's runner provides it.
  (globalThis as { require?: NodeRequire }).require ??= createRequire(import.meta.url);
  // tfjs-backend-wasm imports its threaded worker's source as CommonJS (module.exports = …); one thread is used.
  (globalThis as { module?: object }).module ??= { exports: {} };
  const server = await createServer({
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    ssr: { noExternal: [/@tensorflow\//] },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const measure = (await server.ssrLoadModule(new URL('./measure.ts', import.meta.url).pathname)) as typeof Measure;
  return { measure, close: () => server.close() };
}
