// Writes sw.js into the build with the list of files to precache (everything but the wasm and maps).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export function serviceWorker(): Plugin {
  return {
    name: 'memory-lane-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.wasm') && !f.endsWith('.map') && f !== 'sw.js');
      const precache = ['./', './index.html', ...files.map((f) => `./${f}`)];
      const version = createHash('sha256').update(files.sort().join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(precache, null, 2)),
      });
    },
  };
}
