// Small glitches a learner met, each checked where the learner sees it: the step label follows a
// hovered row, the key plane's labels stay apart when two keys meet, and the live models' answers move
// nothing on the page.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { frames } from './layoutChecks';
import { startLiveModels } from './helpers';
import { figureStrings } from '../src/app/components/figure.strings';
import { fill, LANGS } from '../src/app/i18n';
import { FRAMES_PENDING_ATTRIBUTE } from '../src/app/shell/framesPending';

for (const lang of LANGS) {
  const strings = figureStrings[lang];
  test(`hovering a row of M moves the step label with the figure (${lang})`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`/?lang=${lang}#/chapter/linear-attention`);
    const label = page.getByTestId('playback-label');
    await expect(label).toHaveText(strings.playback.beforeStart);
    const stepOf = fill(strings.playback.stepOf, { t: 5, T: 8 });
    // Hover again if the page moved the row from under the pointer (the live run replacing the
    // precomputed numbers can shift the layout): what is asserted is what a hovering learner sees.
    await expect(async () => {
      await page.locator('[data-testid="attention"] [data-row="4"]').hover();
      await expect(page.getByTestId('memory')).toHaveAttribute('data-step', '4', { timeout: 2_000 });
      await expect(label).toHaveText(stepOf, { timeout: 2_000 });
    }).toPass();
    await expect(page.getByTestId('playback')).toHaveAttribute('data-step', '-1'); // the cursor itself did not move
    await page.mouse.move(0, 0);
    await expect(label).toHaveText(strings.playback.beforeStart);
  });
}

test('k₁ and k₂ labels never overlap, even with both keys at one point', async ({ page }) => {
  await page.goto('/?lang=en&k=0.8,0.6_0.8,0.6&q=0.8,0.6#/chapter/write-read');
  const plane = page.getByTestId('key-plane');
  await expect(plane.locator('[data-point]').first()).toBeVisible();
  const boxes = await plane.locator('text.key-plane-label').evaluateAll((els) => els.map((el) => (el as SVGTextElement).getBBox()).map((b) => ({ x: b.x, y: b.y, w: b.width, h: b.height })));
  expect(boxes.length).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      expect(overlap, `labels ${i} and ${j}: ${JSON.stringify([a, b])}`).toBe(false);
    }
});

// A live figure first shows precomputed (or float64) numbers; a few seconds later its models answer.
// What they bring (a badge's words, a notice that this browser has no WebGPU, a verdict) must not push
// what lies below: a learner about to press a choice of the question under a lab had it move from
// under the pointer (65 px at 1280 px: the WebGPU notice), and on a phone every badge that lost a line
// moved the rest of the page up. Chapter 10's chunkwise lab shows the float64 reference until its
// models answer, and the playground each view's float64 preview.
const LIVE_PAGES = ['#/', '#/lab', '#/playground', ...['rnn', 'linear-attention', 'write-read', 'capacity', 'retnet', 'gates', 'finer-gates', 'deltanet', 'mamba', 'where-they-stand'].map((s) => `#/chapter/${s}`)];
const WIDTHS = [390, 1280];

/** Where each part a learner reads or presses begins (document coordinates), and where the page ends. */
function partTops(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const top = (el: Element) => Math.round(el.getBoundingClientRect().top + window.scrollY);
    const parts: Record<string, number> = {};
    for (const [i, el] of Array.from(document.querySelectorAll('main :is(section.predict, .memory-lab, .dual-view, .figure-region, h2)')).entries()) {
      if (el.closest('[hidden]')) continue;
      parts[`${i} ${el.tagName.toLowerCase()}.${el.className.split(' ')[0]} ${el.getAttribute('data-testid') ?? el.textContent?.slice(0, 30) ?? ''}`] = top(el);
    }
    const main = document.querySelector('main');
    if (main) parts['end of main'] = Math.round(main.getBoundingClientRect().bottom + window.scrollY);
    return parts;
  });
}

/** A fresh page at this width (going to the same address again would not load it again), once it is shown. */
async function openShown(context: BrowserContext, path: string, width: number): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`/?lang=en${path}`);
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('html[data-settling]')).toHaveCount(0);
  // Parts the browser skips (far down a phone's page) have no boxes until something lays them out:
  // measuring their wide frames, in idle moments after the page is shown, does. Wait for that, or a
  // heading in such a part reads 0 before and its place after.
  await expect(page.locator(`html[${FRAMES_PENDING_ATTRIBUTE}]`)).toHaveCount(0);
  await frames(page);
  return page;
}

for (const path of LIVE_PAGES) {
  test(`${path}: the live models answering move nothing on the page (${WIDTHS.join(' and ')} px)`, async ({ context }) => {
    test.setTimeout(240_000);
    for (const width of WIDTHS) {
      const page = await openShown(context, path, width);
      const waiting = await page.locator('.badge-loading').count();
      const before = await partTops(page);
      // The runtime starts seconds after the page is shown (runtimeStart.ts): the figures still wait here.
      expect(waiting, `${width} px: some figure waits for its live model when first measured`).toBeGreaterThan(0);
      await startLiveModels(page);
      await expect(page.locator('.badge-loading')).toHaveCount(0, { timeout: 120_000 });
      await expect(page.getByTestId('chunk-agreement-pending')).toHaveCount(0, { timeout: 120_000 }); // chapter 10's verdict
      await expect(page.locator('[data-testid="pg-badge"][data-live="false"]')).toHaveCount(0, { timeout: 120_000 }); // the playground's
      await expect(page.getByTestId('trained-running')).toHaveCount(0, { timeout: 120_000 }); // a trained model's answer
      await frames(page);
      expect(await partTops(page), `${width} px`).toEqual(before);
      await page.close();
    }
  });
}

// A trained model's panel (chapters 6 and 8, the playground) loads once it is within a screen of the
// view, and its model then answers. The answer must not move what is below the tokens: each token's
// answer, the status under them and the button that opens the model's memory grew it by 55–60 px.
test('a trained model answering moves nothing in its panel or below it (390 and 1280 px)', async ({ context }) => {
  test.setTimeout(180_000);
  for (const width of WIDTHS) {
    const page = await openShown(context, '#/chapter/gates', width);
    const panel = page.getByTestId('trained-panel');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByTestId('trained-running')).toBeVisible({ timeout: 60_000 });
    await frames(page);
    const before = await partTops(page);
    const height = await panel.evaluate((el) => Math.round(el.getBoundingClientRect().height));
    await startLiveModels(page);
    await expect(panel.getByTestId('trained-backend')).toBeVisible({ timeout: 120_000 });
    await frames(page);
    expect(await panel.evaluate((el) => Math.round(el.getBoundingClientRect().height)), `${width} px: the panel's height`).toBe(height);
    expect(await partTops(page), `${width} px`).toEqual(before);
    await page.close();
  }
});

// A reader who jumps to the foot of chapter 6 (End, a link to the foot) brings the trained panel within a screen, and its
// body (~800 px taller than its "loading" line) comes in above the next-chapter link they are looking
// at. The link must stay on the screen: it was pushed ~925 px down, below the fold.
test('jumping to the end of a chapter with a trained panel leaves the next-chapter link on the screen', async ({ context }) => {
  const page = await openShown(context, '#/chapter/gates', 1280);
  // As a link to the foot does (the End key scrolls there too, smoothly, so its end would race the panel).
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await expect(page.getByTestId('trained-tokens')).toBeVisible({ timeout: 60_000 });
  await frames(page);
  const where = await page.evaluate(() => ({
    link: document.querySelector('a[rel=next]')!.getBoundingClientRect().top,
    height: window.innerHeight,
    fromEnd: document.documentElement.scrollHeight - window.scrollY - window.innerHeight,
  }));
  expect(where.link, 'the next-chapter link is on the screen').toBeLessThan(where.height);
  expect(where.fromEnd, 'the page is still at its end').toBeLessThanOrEqual(2);
});

test('a reader using a control above the trained panel at the end of the page keeps it in place as the panel comes in', async ({ context }) => {
  const page = await openShown(context, '#/chapter/gates', 1280);
  // The last control before the panel has the focus (as after a click on it), and the page is at its end.
  const before = await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="trained-panel"]')!;
    const controls = [...document.querySelectorAll<HTMLElement>('main :is(button, input, select, a[href])')].filter(
      (c) => (panel.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_PRECEDING) !== 0 && c.checkVisibility(),
    );
    const control = controls[controls.length - 1];
    control.setAttribute('data-probe', '');
    control.focus({ preventScroll: true });
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    return control.getBoundingClientRect().top;
  });
  await expect(page.getByTestId('trained-tokens')).toBeVisible({ timeout: 60_000 });
  await frames(page);
  const after = await page.evaluate(() => ({ top: document.querySelector('[data-probe]')!.getBoundingClientRect().top, focused: document.activeElement?.hasAttribute('data-probe') }));
  expect(after.focused, 'the control keeps the focus').toBe(true);
  expect(Math.abs(after.top - before), 'the control stays where it was').toBeLessThanOrEqual(1);
});

// A page's top paints before the rest of it has come in (pageSettle.tsx). What the reader sees then must
// not move or reflow when the rest comes: the playground's lead went from 65 to 75 characters a line
// (3 lines from 4) when its body's style sheet arrived with the body's code.
const FIRST_SCREEN_PAGES = ['#/playground', '#/lab', '#/chapter/capacity'];

for (const path of FIRST_SCREEN_PAGES) {
  test(`${path}: the text of the first screen keeps its place and its lines as the rest of the page comes in`, async ({ context }) => {
    test.setTimeout(120_000);
    // Each frame, every text block in the window the first time it is painted: where it is, how big.
    await context.addInitScript(() => {
      const first = new Map<Element, number[]>();
      (window as unknown as { firstPainted: Map<Element, number[]> }).firstPainted = first;
      const look = () => {
        for (const el of document.querySelectorAll('main :is(h1, h2, h3, p, li)')) {
          if (first.has(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
          const r = el.getBoundingClientRect();
          if (r.height > 0 && r.top < window.innerHeight) first.set(el, [r.left, r.top + window.scrollY, r.width, r.height].map(Math.round));
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    for (const width of WIDTHS) {
      const page = await openShown(context, path, width);
      const moved = await page.evaluate(() => {
        const out: string[] = [];
        for (const [el, was] of (window as unknown as { firstPainted: Map<Element, number[]> }).firstPainted) {
          if (!el.isConnected) continue;
          const r = el.getBoundingClientRect();
          const now = [r.left, r.top + window.scrollY, r.width, r.height].map(Math.round);
          if (now.some((v, i) => Math.abs(v - was[i]) > 1)) out.push(`${el.tagName} "${el.textContent?.slice(0, 40)}": ${was.join(',')} → ${now.join(',')}`);
        }
        return out;
      });
      const seen = await page.evaluate(() => (window as unknown as { firstPainted: Map<Element, number[]> }).firstPainted.size);
      expect(seen, `${width} px: text painted on the first screen`).toBeGreaterThan(0);
      expect(moved, `${width} px`).toEqual([]);
      await page.close();
    }
  });
}

test('chapter 1 on a 360 px phone: the own-sentence box and its button stay inside the lab', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/?lang=zh-TW#/chapter/rnn');
  const lab = page.getByTestId('lstm-lab');
  await expect(lab).toBeVisible();
  const card = (await lab.boundingBox())!;
  for (const id of ['sentence-input', 'sentence-apply']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x, `${id} starts inside the lab`).toBeGreaterThanOrEqual(card.x);
    expect(box.x + box.width, `${id} ends inside the lab`).toBeLessThanOrEqual(card.x + card.width);
  }
});

// Laid out before KaTeX's faces are in, a formula is set in the faces after them, which lack ⊤ and ∑ (a slow
// search of the system's fonts, in the middle of a layout), then laid out again when they arrive
// (src/viz/katexFaces.ts). Each formula must go into the page with its two main faces already in.
for (const [lang, path] of [['en', '#/'], ['zh-TW', '#/chapter/retnet']] as const) {
  test(`${path} (${lang}): every formula goes into the page with KaTeX's faces already in`, async ({ page }) => {
    await page.addInitScript(() => {
      const seen = { formulas: 0, early: 0 };
      (window as unknown as { formulasSeen: typeof seen }).formulasSeen = seen;
      const facesIn = () => document.fonts.check('1em KaTeX_Main') && document.fonts.check('italic 1em KaTeX_Math');
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            const formulas = (node.matches('.katex') ? 1 : 0) + node.querySelectorAll('.katex').length;
            if (!formulas) continue;
            seen.formulas += formulas;
            if (!facesIn()) seen.early += formulas;
          }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`/?lang=${lang}${path}`);
    await expect(page.locator('html')).not.toHaveAttribute('data-settling');
    await expect(page.locator('main .katex').first()).toBeAttached();
    const seen = await page.evaluate(() => (window as unknown as { formulasSeen: { formulas: number; early: number } }).formulasSeen);
    expect(seen.formulas).toBeGreaterThan(0);
    expect(seen.early, `${seen.early} of ${seen.formulas} formulas went in before their faces`).toBe(0);
  });
}
