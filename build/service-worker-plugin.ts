// Writes sw.js into the build with the list of files to precache: the bundle (everything but the wasm
// and maps) and what is copied from public/ (the trained models, the manifest and its icons). The cache
// version hashes all of their contents, so any changed file — hashed name or not (precomputed-traces.json,
// a model) — refreshes it. MEMORY_LANE_RELEASE, when set, is hashed in too: a release label that makes a
// new version of the same files (e2e/sw-update.spec.ts builds the site twice with two labels).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { SERVICE_WORKER_FILE } from './site-policy-plugin';

/** Every file under `dir`, recursively, as paths relative to `root` with '/' separators. */
function filesUnder(dir: string, root: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // no public/ folder: nothing to add
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
    // Last: Vite drops CSS-only chunks (empty JS) in its own generateBundle, and a precache entry that
    // was never written fails the whole install.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        // _headers is for the host, not the browser; index.html is listed first, and addAll refuses duplicates.
        const skip = (f: string) => f.endsWith('.wasm') || f.endsWith('.map') || f === SERVICE_WORKER_FILE || f === '_headers' || f === 'index.html';
        const files = Object.keys(bundle).filter((f) => !skip(f));
        const copied = publicDir ? filesUnder(publicDir, publicDir).filter((f) => !skip(f)).sort() : [];
        const precache = ['./', './index.html', ...[...files, ...copied].map((f) => `./${f}`)];
        const hash = createHash('sha256');
        for (const f of files.sort()) {
          const out = bundle[f];
          hash.update(f).update(out.type === 'chunk' ? out.code : out.source);
        }
        for (const f of copied) hash.update(f).update(readFileSync(join(publicDir, f)));
        hash.update(process.env.MEMORY_LANE_RELEASE ?? '');
        const version = hash.digest('hex').slice(0, 12);
        const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
        this.emitFile({
          type: 'asset',
          fileName: SERVICE_WORKER_FILE,
          source: template.replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(precache, null, 2)),
        });
      },
    },
  };
}
