// A tiny static host for e2e tests, in the spirit of Netlify / Cloudflare Pages: it serves a built folder
// under a sub-path of its choosing, with the MIME types the site needs (application/wasm, .mjs), and
// applies the folder's _headers file (relative to the sub-path), so the CSP header and the caching rules
// are tested as a host would send them. Its root can be switched to another build while it runs.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Netlify's _headers format: a path (with * as a wildcard) and indented "Name: value" lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const escaped = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${escaped}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

export interface StaticHost {
  /** The site's address, ending in the sub-path and a slash. */
  url: string;
  /** Serve another folder from now on (a new deploy). */
  setRoot(folder: string): void;
  /** Every path asked for, relative to the sub-path. */
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticHost(folder: string, subPath = '/'): Promise<StaticHost> {
  let root = resolve(folder);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    if (!path.startsWith(subPath)) {
      res.writeHead(404).end('outside the site');
      return;
    }
    const inSite = `/${path.slice(subPath.length)}`;
    requests.push(inSite);
    let file = normalize(join(root, inSite));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || inSite === '/_headers') {
      res.writeHead(404).end('not found');
      return;
    }
    const headersFile = join(root, '_headers');
    const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    for (const rule of rules) if (rule.pattern.test(inSite)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    setRoot: (next) => (root = resolve(next)),
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
