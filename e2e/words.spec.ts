// Plain words for learners (issue 14.5): the tab's title follows the learner's moves between pages
// and languages; a backend badge says "Live · WebGPU" / "Live · your CPU" / "Precomputed" with the
// timings folded away in a closed details toggle. That every page names itself in the tab and shows
// no developer words, in both languages, is checked on e2e/pages.spec.ts's one visit per page.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LANGS, type Lang } from './pageChecks';
import { scrollIntoViewStill } from './helpers';

const BADGE_WORDS = {
  webgpu: { en: 'Live · WebGPU', 'zh-TW': '即時 · WebGPU' },
  wasm: { en: 'Live · your CPU', 'zh-TW': '即時 · 你的 CPU' },
  precomputed: { en: 'Precomputed', 'zh-TW': '預先算好' },
} as const;

/** What a learner reads on a badge: its text with the closed details (the timings) left out. */
async function visibleBadgeText(badge: Locator): Promise<string> {
  return (await badge.innerText()).replace(/\s+/g, ' ').trim();
}

/** The badge's main line names `backend` in plain words; its timings wait behind a closed toggle. */
async function expectBadge(badge: Locator, backend: keyof typeof BADGE_WORDS, lang: Lang, timed = true) {
  await expect(badge).toHaveAttribute('data-backend', backend);
  // Read once painted: a page's lower stage is laid out (attributes set) before it is shown, and hidden text reads as ''.
  await expect(badge).toBeVisible();
  const details = badge.locator('details');
  const shown = await visibleBadgeText(badge);
  expect(shown).toContain(BADGE_WORDS[backend][lang]);
  expect(shown, 'no timing in the main line').not.toMatch(/\d\s*(ms|s)\b|model time|模型時間/);
  expect(shown).not.toMatch(/WASM|session/i);
  if (!timed) return;
  await expect(details).toHaveCount(1);
  await expect(details).not.toHaveAttribute('open', /.*/);
  await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
  expect(await visibleBadgeText(badge)).toMatch(/\d(\.\d+)?\s*(ms|s)\b/);
  await details.locator('summary').click();
}

/**
 * Under 'auto' the parallel view runs on the CPU while both backends are measured in idle time; then
 * its details give both times and the chosen backend is the one with the smaller time (two numbers on
 * the page compared, no duration bound).
 */
async function expectFasterChosen(badge: Locator, lang: Lang) {
  await expectBadge(badge, 'wasm', lang);
  await expect(badge).toHaveAttribute('data-choice', /^(webgpu|wasm)$/, { timeout: 60_000 });
  const [choice, gpu, cpu] = await Promise.all(['data-choice', 'data-webgpu-ms', 'data-wasm-ms'].map((a) => badge.getAttribute(a)));
  const gpuMs = gpu === 'failed' ? Infinity : Number(gpu);
  const cpuMs = Number(cpu);
  expect(Number.isFinite(cpuMs) && !Number.isNaN(gpuMs)).toBe(true);
  expect(choice).toBe(gpuMs < cpuMs ? 'webgpu' : 'wasm');
  const details = badge.locator('details');
  await details.locator('summary').click();
  const chosen = BADGE_WORDS[choice === 'webgpu' ? 'webgpu' : 'wasm'][lang].split(' · ')[1];
  const said = await visibleBadgeText(badge);
  if (gpu === 'failed') expect(said).toContain(lang === 'en' ? '→ your CPU chosen' : '→ 選用你的 CPU');
  else {
    expect(said).toContain(`WebGPU${lang === 'en' ? ': ' : '：'}`);
    expect(said).toContain(`→ ${lang === 'en' ? `${chosen} chosen` : `這個大小選用${chosen}`}`);
  }
  await details.locator('summary').click();
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.badge-loading')).toHaveCount(0, { timeout: 60_000 });
}

test('the tab title follows route and language changes', async ({ page }) => {
  // The same tab, moved by the learner: a link to the next chapter, then the language switch.
  await page.goto('/?lang=en#/chapter/gates');
  // The chapter ends with a trained model's panel, whose body loads once it comes near the view and
  // grows the page above the link: scrolled straight to the link, the click landed in the panel. Let it
  // come in first, as it does for a reader scrolling down.
  const panel = page.getByTestId('trained-panel');
  await scrollIntoViewStill(panel);
  await expect(panel.getByTestId('trained-tokens')).toBeVisible({ timeout: 60_000 });
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveTitle('Chapter 7 · Finer gates — Memory Lane');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-TW');
  await expect(page).toHaveTitle('第 7 章 · 更細的門控 — 記憶小徑 Memory Lane');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await page.goto('/?lang=en#/chapter/deltanet');
  await expect(page).toHaveTitle('Chapter 8 · Read, erase, write: DeltaNet — Memory Lane');
});

test('badges say where the numbers came from in plain words, timings behind a closed toggle @webgpu', async ({ page }) => {
  test.setTimeout(120_000);
  for (const lang of LANGS) {
    // English asks for WebGPU in the link; Chinese leaves it to 'auto', which measures both backends.
    await page.goto(`/?lang=${lang}${lang === 'en' ? '&compute=webgpu' : ''}#/chapter/retnet`);
    await settle(page);
    if (lang === 'en') await expectBadge(page.getByTestId('parallel-backend'), 'webgpu', lang);
    else await expectFasterChosen(page.getByTestId('parallel-backend'), lang);
    await expectBadge(page.getByTestId('recurrent-backend'), 'wasm', lang);
    // The agreement line names the backends too, without timings.
    const agreement = await visibleBadgeText(page.getByTestId('equivalence-badge'));
    expect(agreement).not.toMatch(/\d\s*ms\b|WASM/);
    // Chapter 1's LSTM runs on the CPU, and says so in a learner's words.
    await page.goto(`/?lang=${lang}#/chapter/rnn`);
    await settle(page);
    await expectBadge(page.getByTestId('lstm-backend'), 'wasm', lang);
  }
  // Before the live model lands (its runtime held back), the badge says "Precomputed".
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  for (const lang of LANGS) {
    await page.goto(`/?lang=${lang}#/chapter/retnet`);
    await expectBadge(page.getByTestId('parallel-backend'), 'precomputed', lang, false);
  }
  release();
});

test('without WebGPU a chapter badge reads "Live · your CPU"', async ({ page }) => {
  for (const lang of LANGS) {
    await page.goto(`/?lang=${lang}#/chapter/retnet`);
    await settle(page);
    await expectBadge(page.getByTestId('parallel-backend'), 'wasm', lang);
    await expectBadge(page.getByTestId('recurrent-backend'), 'wasm', lang);
    // The fallback notice speaks of "your CPU"; the browser's own reason waits behind a toggle.
    const notice = page.getByTestId('notice-webgpu-missing').first();
    await expect(notice).toBeVisible();
    expect(await notice.innerText()).not.toMatch(/WASM|navigator/);
  }
});
