// Every predict-then-reveal exercise (src/app/exercises.ts) keeps its answer off the page until the
// learner locks in a guess — and, with a lecturer's link (?hide=answer), until Reveal is pressed.
// "Off the page" is read as a learner reads it: the visible text of <main>, each visible table cell
// under its column header, and the visible SVG labels.
import { expect, test, type Page } from '@playwright/test';
import { EXERCISES, EXERCISE_IDS, type Exercise, type ExerciseId } from '../src/app/exercises';
import { LANGS, type Lang } from '../src/app/i18n';
import { routeHref } from '../src/app/routes';
import { keepElementScreenshot, scrollIntoViewStill, watchConsole } from './helpers';

/** What a learner can read on the page now, whitespace collapsed; table cells also as "header = value". */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return '';
    const parts: string[] = [main.innerText];
    for (const table of Array.from(main.querySelectorAll('table'))) {
      if (!table.checkVisibility()) continue;
      const headers = Array.from(table.querySelectorAll('thead tr:last-child th')).map((th) => th.textContent?.trim() ?? '');
      for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
        Array.from(row.children).forEach((cell, i) => {
          if (cell.tagName === 'TD' && cell.checkVisibility()) parts.push(`${headers[i] ?? ''} = ${cell.textContent?.trim() ?? ''}`);
        });
      }
    }
    for (const label of Array.from(main.querySelectorAll('svg text'))) if (label.checkVisibility()) parts.push(label.textContent ?? '');
    return parts.map((p) => p.replace(/\s+/g, ' ').trim()).join(' | ');
  });
}

function url(ex: Exercise, lang: Lang, hideAnswer: boolean): string {
  const params = [`lang=${lang}`, ex.query, hideAnswer ? 'hide=answer' : undefined].filter(Boolean).join('&');
  return `/?${params}${routeHref(ex.route)}`;
}

/** Opens the exercise's page and waits until the question — and every placeholder that holds its answer back — is on screen. */
async function open(page: Page, id: ExerciseId, lang: Lang, hideAnswer: boolean) {
  const ex: Exercise = EXERCISES[id];
  await page.goto(url(ex, lang, hideAnswer));
  const section = page.getByTestId(ex.testId);
  await expect(section).toHaveAttribute('data-state', 'open');
  const gates = page.locator(`[data-testid="answer-gate"][data-exercise="${id}"]`);
  if (ex.figures) {
    await expect(gates.first()).toBeVisible();
    for (const gate of await gates.all()) await expect(gate).toHaveAttribute('data-state', 'locked');
  }
  return { ex, section, gates };
}

async function lockIn(page: Page, ex: Exercise) {
  const choice = page.getByTestId(ex.testId).locator(`input[data-choice="${ex.answer}"]`);
  await scrollIntoViewStill(choice);
  await choice.check();
  await page.getByTestId(`${ex.testId}-commit`).click();
}

async function expectAbsent(page: Page, tokens: readonly string[]) {
  const text = await visibleText(page);
  for (const token of tokens) expect(text, `"${token}" is on the page`).not.toContain(token);
}

async function expectPresent(page: Page, tokens: readonly string[]) {
  // The answering figures may still be running their live models: wait for the text, not a time.
  for (const token of tokens) await expect.poll(() => visibleText(page), { message: `"${token}" is not on the page` }).toContain(token);
}

// One test per exercise and language walks both journeys in one browser context (the second page
// load reuses the first one's cached assets): a learner's, then a lecturer's link.
// Each exercise is played in one language, the two alternating down the list: what a figure shows
// does not depend on the language, and that every answer sentence of the prose, in both languages,
// sits inside its held passage is checked without a browser (src/app/content/heldProse.test.ts).
for (const [n, id] of EXERCISE_IDS.entries()) {
  for (const lang of LANGS.filter((_, i) => i === n % LANGS.length)) {
    test(`${id} (${lang}): the answer shows only after a guess is locked in, and a lecturer's link (?hide=answer) holds it until Reveal`, async ({ page }) => {
      const problems = watchConsole(page);
      await test.step('a learner: the answer shows only after a guess is locked in', async () => {
        const { ex, section, gates } = await open(page, id, lang, false);
        const tokens = ex.tokens[lang];
        await expectAbsent(page, tokens);
        await lockIn(page, ex);
        await expect(section).toHaveAttribute('data-state', 'right');
        await expect(gates).toHaveCount(0);
        await expectPresent(page, tokens);
        expect(problems).toEqual([]);
      });

      await test.step("a lecturer's link (?hide=answer) holds the answer until Reveal", async () => {
        const { ex, section, gates } = await open(page, id, lang, true);
        const tokens = ex.tokens[lang];
        await expectAbsent(page, tokens);
        await lockIn(page, ex);
        await expect(section).toHaveAttribute('data-state', 'held');
        if (ex.figures) for (const gate of await gates.all()) await expect(gate).toHaveAttribute('data-state', 'held');
        await expectAbsent(page, tokens);
        await page.getByTestId(`${ex.testId}-reveal`).click();
        await expect(section).toHaveAttribute('data-state', 'right');
        await expect(gates).toHaveCount(0);
        await expectPresent(page, tokens);
      });
    });
  }
}

test.describe('chapter 8: the story’s figures wait for the guess', () => {
  for (const lang of LANGS) {
    test(`steps before Joe’s second fact stay open, the later ones wait (${lang}); screenshots`, async ({ page }) => {
      const { ex, gates } = await open(page, 'deltanet', lang, false);
      const lab = page.getByTestId('memory-lab');
      // ?t=6 (the question's step) waits; step 2 (Mary → office) is open and shows the memory.
      await expect(lab.getByTestId('recurrent-view').getByTestId('answer-gate')).toBeVisible();
      await expect(lab.getByTestId('parallel-view').getByTestId('answer-gate')).toBeVisible();
      await expect(lab.getByTestId('parallel-O')).toHaveCount(0);
      await keepElementScreenshot(lab, `exercise-ch8-masked-${lang}`);
      await keepElementScreenshot(page.locator('section.story-lab'), `exercise-ch8-story-masked-${lang}`);
      await page.mouse.move(0, 0); // a resting pointer would hover a step instead
      await lab.focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(lab.getByTestId('recurrent-view').getByTestId('answer-gate')).toHaveCount(0);
      await expect(lab.getByTestId('recurrent-view').locator('table').first()).toBeVisible();
      await page.keyboard.press('ArrowRight');
      await expect(lab.getByTestId('recurrent-view').getByTestId('answer-gate')).toBeVisible();
      await lockIn(page, ex);
      await expect(gates).toHaveCount(0);
      await expect(lab.getByTestId('parallel-O')).toBeVisible();
      await expect(page.getByTestId('answer-delta')).toHaveAttribute('data-top', 'kitchen');
      await keepElementScreenshot(lab, `exercise-ch8-revealed-${lang}`);
      await keepElementScreenshot(page.locator('section.story-lab'), `exercise-ch8-story-revealed-${lang}`);
    });
  }
});
