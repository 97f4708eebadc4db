// Draws the site's icons and writes its web app manifest: `npx tsx scripts/make-icons.ts`.
// The icon is the course's one idea, the memory matrix S = v kᵀ: a key bar (k's blue) across the top, a
// value bar (v's green) down the side, and the 4 × 4 matrix they write, in the figures' diverging colours.
// Chromium (Debian's, as the tests use) renders the SVG and screenshots it; the PNGs are committed.
// Colours come from the tokens in src/styles/tokens.css (read from the file: this runs in Node, without Vite).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { divergingColor } from '../src/viz/diverging';
import { parseTokens } from '../src/viz/tokenParse';

const tokens = parseTokens(readFileSync('src/styles/tokens.css', 'utf8')).root;
function token(name: string): string {
  const t = tokens.get(`--${name}`);
  if (!t) throw new Error(`src/styles/tokens.css has no colour token --${name}`);
  return t.value;
}
const symbolColor = { k: token('sym-k'), v: token('sym-v'), S: token('sym-S') };
const background = token('bg');
const accent = token('accent');

const k = [0.9, 0.35, -0.6, 1];
const v = [1, -0.5, 0.75, -0.9];

/** The motif on a 100 × 100 canvas; `inset` leaves the margin a maskable icon's safe zone needs. */
function svg(size: number, { rounded, inset }: { rounded: boolean; inset: number }): string {
  const span = 100 - 2 * inset;
  const unit = span / 5.4; // a bar, a gap and four cells
  const bar = unit * 0.8;
  const x0 = inset + bar + unit * 0.6;
  const cells = v.flatMap((vi, i) =>
    k.map(
      (kj, j) =>
        `<rect x="${x0 + j * unit}" y="${x0 + i * unit}" width="${unit * 0.9}" height="${unit * 0.9}" rx="${unit * 0.12}" fill="${divergingColor(vi * kj, 1)}"/>`,
    ),
  );
  const keyBar = k.map((_, j) => `<rect x="${x0 + j * unit}" y="${inset}" width="${unit * 0.9}" height="${bar}" rx="${bar * 0.3}" fill="${symbolColor.k}"/>`);
  const valueBar = v.map((_, i) => `<rect x="${inset}" y="${x0 + i * unit}" width="${bar}" height="${unit * 0.9}" rx="${bar * 0.3}" fill="${symbolColor.v}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="${rounded ? 18 : 0}" fill="${background}"/>
  <rect x="${x0 - unit * 0.15}" y="${x0 - unit * 0.15}" width="${unit * 4 + unit * 0.2}" height="${unit * 4 + unit * 0.2}" rx="${unit * 0.2}" fill="none" stroke="${symbolColor.S}" stroke-width="1.2"/>
  ${[...keyBar, ...valueBar, ...cells].join('\n  ')}
</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, rounded: true, inset: 12 },
  { file: 'icon-512.png', size: 512, rounded: true, inset: 12 },
  // Maskable: full bleed, the motif inside the central 80% circle every mask keeps.
  { file: 'icon-maskable-512.png', size: 512, rounded: false, inset: 22 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  mkdirSync('public/icons', { recursive: true });
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg(icon.size, icon)}`);
    await page.locator('svg').screenshot({ path: `public/icons/${icon.file}`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}

const manifest = {
  name: 'Memory Lane — linear attention to Mamba, live in your browser',
  short_name: 'Memory Lane',
  description: 'Linear attention, RetNet, gated memories, DeltaNet and Mamba as one memory matrix, running live in your browser. 線性注意力、RetNet、門控記憶、DeltaNet 與 Mamba：同一個記憶矩陣。',
  lang: 'en',
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: accent,
  background_color: background,
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
writeFileSync('public/manifest.webmanifest', `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote public/icons/{${ICONS.map((i) => i.file).join(',')}} and public/manifest.webmanifest`);
