// Writes sw.js into the build with the list of files to precache: the bundle (everything but the wasm
// and maps) and the trained models copied from public/models/. The cache version hashes all of their
// contents, so any changed file — hashed name or not (precomputed-traces.json, a model) — refreshes it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** Every file under `dir`, recursively, as paths relative to `root` with '/' separators. */
function filesUnder(dir: string, root: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // no public/models (yet): nothing to add
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path, root) : e.isFile() ? [relative(root, path).split(sep).join('/')] : [];
  });
}

export function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'memory-lane-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.wasm') && !f.endsWith('.map') && f !== 'sw.js');
      const models = publicDir ? filesUnder(join(publicDir, 'models'), publicDir).sort() : [];
      const precache = ['./', './index.html', ...[...files, ...models].map((f) => `./${f}`)];
      const hash = createHash('sha256');
      for (const f of files.sort()) {
        const out = bundle[f];
        hash.update(f).update(out.type === 'chunk' ? out.code : out.source);
      }
      for (const f of models) hash.update(f).update(readFileSync(join(publicDir, f)));
      const version = hash.digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(precache, null, 2)),
      });
    },
  };
}
