// Plain words for learners (issue 14.5): every page names itself in the tab, in the page's language;
// a backend badge says "Live · WebGPU" / "Live · your CPU" / "Precomputed" with the timings folded
// away in a closed details toggle; and no page shows developer words (tool commands, runtime names,
// file formats by tool name).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CHAPTERS } from '../src/app/chapters/registry';

type Lang = 'en' | 'zh-TW';
const LANGS: Lang[] = ['en', 'zh-TW'];

// Written out here (not read from the string tables), so a wrong table entry fails the test.
const CHAPTER_TITLES: Record<string, Record<Lang, string>> = {
  why: { en: 'Why look beyond attention', 'zh-TW': '為什麼要看注意力以外的架構' },
  rnn: { en: 'The RNN template', 'zh-TW': 'RNN 的基本樣板' },
  'linear-attention': { en: 'Drop the reflection: linear attention', 'zh-TW': '拿掉反思：線性注意力' },
  'write-read': { en: 'Write with k, read with q', 'zh-TW': '用 k 寫入，用 q 讀取' },
  capacity: { en: 'How much can it remember?', 'zh-TW': '它能記住多少？' },
  retnet: { en: 'Forgetting on purpose: RetNet', 'zh-TW': '刻意遺忘：RetNet' },
  gates: { en: 'Data-dependent forgetting', 'zh-TW': '依輸入決定的遺忘' },
  'finer-gates': { en: 'Finer gates', 'zh-TW': '更細的門控' },
  deltanet: { en: 'Read, erase, write: DeltaNet', 'zh-TW': '讀取、擦除、寫入：DeltaNet' },
  mamba: { en: 'Mamba from control theory', 'zh-TW': '從控制理論走到 Mamba' },
  'where-they-stand': { en: 'Where they stand', 'zh-TW': '它們現在走到哪裡' },
};
const SITE: Record<Lang, string> = { en: 'Memory Lane', 'zh-TW': '記憶小徑 Memory Lane' };

function expectedTitle(path: string, lang: Lang): string {
  if (path === '#/') return lang === 'en' ? `${SITE.en} — one memory matrix behind linear attention, RetNet, DeltaNet and Mamba` : `${SITE['zh-TW']}——同一個記憶矩陣，串起線性注意力、RetNet、DeltaNet 與 Mamba`;
  if (path === '#/lab') return lang === 'en' ? `First light (lab) — ${SITE.en}` : `第一道光（實驗室） — ${SITE['zh-TW']}`;
  if (path === '#/playground') return lang === 'en' ? `Playground — ${SITE.en}` : `自由實驗場 — ${SITE['zh-TW']}`;
  const slug = path.replace('#/chapter/', '');
  const n = CHAPTERS.find((c) => c.slug === slug)?.number;
  return lang === 'en' ? `Chapter ${n} · ${CHAPTER_TITLES[slug].en} — ${SITE.en}` : `第 ${n} 章 · ${CHAPTER_TITLES[slug]['zh-TW']} — ${SITE['zh-TW']}`;
}

const PAGES = ['#/', '#/lab', '#/playground', ...CHAPTERS.filter((c) => c.load).map((c) => `#/chapter/${c.slug}`)];

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

// Developer words that no page may show a learner: tool commands, the runtime's names, its internals,
// file formats by tool name, and what a stack trace looks like.
const DEV_WORDS: RegExp[] = [
  /\bnpm\b/i,
  /onnxruntime/i,
  /\bONNX\b/,
  /\bORT\b/,
  /\bWASM\b/i,
  /\bEP\b/,
  /session/i,
  /\bScan\b/,
  /GPU kernel|no kernel|kernel for/i,
  /trace command|trace 指令|--steps|\btrace JSON/i,
  /\.json\b/i,
  /navigator\.gpu/,
  /\bat \S+ \(.*:\d+:\d+\)/,
];
// Chapter 9's S4 "kernel" is the convolution's kernel K, a term of the lesson, not the runtime's.
const KERNEL = /\bkernel\b/i;

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.badge-loading')).toHaveCount(0, { timeout: 60_000 });
}

test('every page names itself in the tab, in its language, and follows route and language changes', async ({ page }) => {
  test.setTimeout(180_000);
  for (const lang of LANGS)
    for (const path of PAGES) {
      await page.goto(`/?lang=${lang}${path}`);
      await expect(page.locator('h1').first()).toBeVisible();
      await expect(page, `${path} (${lang})`).toHaveTitle(expectedTitle(path, lang));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    }
  // The same tab, moved by the learner: a link to the next chapter, then the language switch.
  await page.goto('/?lang=en#/chapter/gates');
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveTitle('Chapter 7 · Finer gates — Memory Lane');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-TW');
  await expect(page).toHaveTitle('第 7 章 · 更細的門控 — 記憶小徑 Memory Lane');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await page.goto('/?lang=en#/chapter/deltanet');
  await expect(page).toHaveTitle('Chapter 8 · Read, erase, write: DeltaNet — Memory Lane');
});

test('badges say where the numbers came from in plain words, timings behind a closed toggle', async ({ page }) => {
  test.setTimeout(120_000);
  for (const lang of LANGS) {
    await page.goto(`/?lang=${lang}#/chapter/retnet`);
    await settle(page);
    await expectBadge(page.getByTestId('parallel-backend'), 'webgpu', lang);
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

test('without WebGPU a chapter badge reads "Live · your CPU" @no-webgpu', async ({ page }) => {
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

test('no page shows a learner developer words, in either language', async ({ page }) => {
  test.setTimeout(300_000);
  const found: string[] = [];
  for (const lang of LANGS)
    for (const path of PAGES) {
      await page.goto(`/?lang=${lang}${path}`);
      await expect(page.locator('h1').first()).toBeVisible();
      await settle(page);
      const text = await page.locator('body').innerText();
      const words = path === '#/chapter/mamba' ? DEV_WORDS : [...DEV_WORDS, KERNEL];
      for (const word of words) {
        const m = word.exec(text);
        if (m) found.push(`${path} (${lang}): ${word} in “…${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}…”`);
      }
    }
  expect(found).toEqual([]);
});
