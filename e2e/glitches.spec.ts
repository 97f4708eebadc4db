// Small glitches a learner met, each checked where the learner sees it: the step label follows a
// hovered row, and the key plane's labels stay apart when two keys meet.
import { expect, test } from '@playwright/test';
import { figureStrings } from '../src/app/components/figure.strings';
import { fill, LANGS } from '../src/app/i18n';

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
