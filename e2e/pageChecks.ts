// What every page must be, checked on one visit per page and language (e2e/pages.spec.ts): its tab
// title, no developer words, every figure captioned. Kept apart from the specs so other specs can
// import them without importing tests.
import type { Page } from '@playwright/test';
import { CHAPTERS } from '../src/app/chapters/registry';

export type Lang = 'en' | 'zh-TW';
export const LANGS: Lang[] = ['en', 'zh-TW'];

/** Every page of the site: the contents, the lab, the playground and each live chapter. */
export const PAGES = ['#/', '#/lab', '#/playground', ...CHAPTERS.filter((c) => c.load).map((c) => `#/chapter/${c.slug}`)];

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

export function expectedTitle(path: string, lang: Lang): string {
  if (path === '#/') return lang === 'en' ? `${SITE.en} — one memory matrix behind linear attention, RetNet, DeltaNet and Mamba` : `${SITE['zh-TW']}——同一個記憶矩陣，串起線性注意力、RetNet、DeltaNet 與 Mamba`;
  if (path === '#/lab') return lang === 'en' ? `First light (lab) — ${SITE.en}` : `第一道光（實驗室） — ${SITE['zh-TW']}`;
  if (path === '#/playground') return lang === 'en' ? `Playground — ${SITE.en}` : `自由實驗場 — ${SITE['zh-TW']}`;
  const slug = path.replace('#/chapter/', '');
  const n = CHAPTERS.find((c) => c.slug === slug)?.number;
  return lang === 'en' ? `Chapter ${n} · ${CHAPTER_TITLES[slug].en} — ${SITE.en}` : `第 ${n} 章 · ${CHAPTER_TITLES[slug]['zh-TW']} — ${SITE['zh-TW']}`;
}

// Developer words that no page may show a learner: tool commands, the runtime's names, its internals,
// file formats by tool name, and what a stack trace looks like.
export const DEV_WORDS: RegExp[] = [
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
export const KERNEL = /\bkernel\b/i;

/** Developer words in a page's text: none may be there (chapter 9's S4 kernel aside). */
export function devWordsIn(text: string, path: string, lang: Lang): string[] {
  const found: string[] = [];
  const words = path === '#/chapter/mamba' ? DEV_WORDS : [...DEV_WORDS, KERNEL];
  for (const word of words) {
    const m = word.exec(text);
    if (m) found.push(`${path} (${lang}): ${word} in “…${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}…”`);
  }
  return found;
}

interface Problem {
  what: string;
  problem: string;
}

/** Every figure-like element of the page that has no caption, or a matrix without its step numbers. */
export async function captionProblems(page: Page): Promise<{ problems: Problem[]; figures: number; matrices: number }> {
  return page.evaluate(() => {
    const problems: { what: string; problem: string }[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${el.getAttribute('class')?.split(' ')[0] ?? ''}[${el.getAttribute('data-testid') ?? ''}]`;
    const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '';
    const figures = Array.from(document.querySelectorAll('main figure'));
    for (const fig of figures) if (!text(fig.querySelector(':scope > figcaption'))) problems.push({ what: name(fig), problem: 'figure without a figcaption' });
    for (const region of document.querySelectorAll('main .figure-region')) {
      const ids = region.getAttribute('aria-describedby')?.split(' ') ?? [];
      const described = ids.map((id) => text(document.getElementById(id))).join(' ');
      if (!described) problems.push({ what: name(region), problem: 'figure region without a caption (aria-describedby)' });
    }
    for (const table of document.querySelectorAll('main table.heatmap')) if (!text(table.querySelector('caption'))) problems.push({ what: name(table), problem: 'heatmap without a caption' });
    // Pictures (plots, canvases) must sit inside a captioned figure.
    for (const pic of document.querySelectorAll('main svg[role="img"], main canvas')) {
      if (!text(pic.closest('figure')?.querySelector(':scope > figcaption'))) problems.push({ what: name(pic), problem: 'picture outside a captioned figure' });
    }
    const matrices = Array.from(document.querySelectorAll('main figure.attention'));
    for (const m of matrices) {
      const T = Number(m.getAttribute('data-t'));
      const want = Array.from({ length: T }, (_, i) => String(i + 1)).join(',');
      for (const axis of ['t', 's']) {
        const ticks = Array.from(m.querySelectorAll(`[data-axis="${axis}"] .attention-tick`)).map((x) => text(x));
        if (T <= 32 && ticks.join(',') !== want) problems.push({ what: name(m), problem: `axis ${axis} numbers ${ticks.join(',')} ≠ 1..${T}` });
      }
      for (const title of ['.attention-row-title', '.attention-col-title']) if (!text(m.querySelector(title))) problems.push({ what: name(m), problem: `no ${title}` });
      if (!m.querySelector('.value-legend [data-tick="0"]')) problems.push({ what: name(m), problem: 'no value legend with 0' });
    }
    const regions = document.querySelectorAll('main .figure-region, main table.heatmap').length;
    return { problems, figures: figures.length + regions, matrices: matrices.length };
  });
}


/** Issue 17: a page may move by at most this much (the sum of its layout shifts, as Lighthouse counts CLS). */
export const LAYOUT_SHIFT_LIMIT = 0.02;

/** Start summing the page's layout shifts from its first paint; call before page.goto. */
export async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __layoutShift: { sum: number; moved: string[] } };
    w.__layoutShift = { sum: 0, moved: [] };
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Shift[]) {
        if (e.hadRecentInput) continue;
        w.__layoutShift.sum += e.value;
        const el = e.sources.map((s) => (s.node instanceof Element ? s.node : s.node?.parentElement)).find(Boolean);
        w.__layoutShift.moved.push(`${e.value.toFixed(3)} ${el ? `${el.tagName.toLowerCase()}.${el.className}` : '?'}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/**
 * The layout shift summed so far, with what moved; `late` names the pieces a page's gate stopped
 * waiting for (src/app/shell/pageSettle.tsx), when a slow machine made it paint without them.
 */
export async function layoutShift(page: Page): Promise<{ sum: number; moved: string[]; late: string | null }> {
  const late = await page.locator('html').getAttribute('data-settle-late');
  const { sum, moved } = await page.evaluate(() => (window as unknown as { __layoutShift: { sum: number; moved: string[] } }).__layoutShift);
  return { sum, moved, late };
}
