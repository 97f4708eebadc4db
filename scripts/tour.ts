// `npx tsx scripts/tour.ts [dist]`: photographs every chapter's reading at its first, middle and last
// step, on a 1440 × 900 laptop (English) and a 390 × 844 phone (繁體中文), for a person to look at (issue
// #16: "each chapter at three steps, desktop and phone"). Writes e2e-artifacts/tour/<slug>-<step>-<size>-<lang>.png.
// Not part of `npm test`: it asserts nothing. Without a build folder it makes a fresh build.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHAPTERS } from '../src/app/chapters/registry';
import { stepsOf } from '../e2e/contentSteps';
import { serveBuild } from './bench/serve';

const OUT = 'e2e-artifacts/tour';
const SCREENS = [
  { name: '1440', lang: 'en', viewport: { width: 1440, height: 900 } },
  { name: '390', lang: 'zh-TW', viewport: { width: 390, height: 844 } },
] as const;

const served = await serveBuild(process.argv[2]);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-features=WebGPU'] });
mkdirSync(OUT, { recursive: true });
let shots = 0;
try {
  for (const ch of CHAPTERS.filter((c) => c.load)) {
    const n = stepsOf(ch.contentId, 'en').length;
    if (n === 0) continue;
    const picks = [...new Set([1, Math.ceil(n / 2), n])];
    for (const screen of SCREENS) {
      const context = await browser.newContext({ viewport: screen.viewport, reducedMotion: 'reduce', serviceWorkers: 'block' });
      const page = await context.newPage();
      for (const step of picks) {
        await page.goto(`${served.base}/?lang=${screen.lang}&step=${step}#/chapter/${ch.slug}`);
        await page.locator(`[data-testid="step-count"][data-step="${step}"]`).waitFor({ timeout: 60_000 });
        await page.locator('.badge-loading').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
        await page.waitForTimeout(500); // the step's scroll and the figure's last beat
        await page.screenshot({ path: `${OUT}/${ch.slug}-${step}of${n}-${screen.name}-${screen.lang}.png` });
        shots++;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  served.stop();
}
console.log(`${shots} screenshots in ${OUT}/`);
