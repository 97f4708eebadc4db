// Step-linked reading on the chapters whose figure is not the memory lab (issue #16): chapter 0's cost
// plots, chapter 1's LSTM and dependency diagrams, chapter 10's recap, chunk and side-by-side parts.
// One test per chapter: ?step=3 opens at step 3, K walks back to step 1, the button and J walk to the
// end; at every step the figure part the step names follows it (its time step, its views, the bytes
// series it shows, chapter 10's chunk size C) and the other parts do not, nothing held back is on show,
// and a passage that gives an exercise's answer away waits for the guess. The states come from the
// content files, read by the page's own parser. Then the other language on a phone, three steps.
import { expect, test, type Page } from '@playwright/test';
import type { ExerciseId } from '../src/app/exercises';
import type { ResolvedStep } from '../src/app/steps/parse';
import { keepViewportScreenshot, lockInExercise, STEP_TEST_ID as TEST_ID, watchConsole } from './helpers';
import { readSteps as stepsOf } from './contentSteps';

const LANGS = ['en', 'zh-TW'] as const;
type Lang = (typeof LANGS)[number];

interface Stepped {
  slug: string;
  contentId: string;
  /** The exercise whose held passages the walk meets. */
  exercise: ExerciseId;
  /** The test id of the figure each part name drives (null: the chapter's one figure). */
  parts: Record<string, string>;
  /** Lock in the answer before the walk (its gate would hide what the steps show). */
  answerFirst: boolean;
  /** The chapter's own checks of one step. */
  check: (page: Page, step: ResolvedStep, where: string, answered: boolean) => Promise<void>;
  /** Checks of a step on the phone, where a part shows less of itself at a time. */
  phone?: (page: Page, step: ResolvedStep, where: string) => Promise<void>;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => [...String(n)].map((d) => SUB[Number(d)]).join('');

// The bytes plot's series, by the quantity that names them (CostLab.tsx).
const SERIES = { A: 'scoreMatrix', kv: 'kvCache', S: 'state' } as const;

const CHAPTERS: Stepped[] = [
  {
    slug: 'why',
    contentId: 'ch00-why',
    exercise: 'why',
    parts: { '': 'cost-lab' },
    // The bytes plot is the question's answer: the steps are about which of its series are on show.
    answerFirst: true,
    check: async (page, step, where) => {
      const plot = page.getByTestId('memory-plot');
      const shown = (Object.keys(SERIES) as (keyof typeof SERIES)[]).filter((q) => !step.hidden.includes(q));
      if (shown.length === 0) {
        await expect(plot, where).toHaveCount(0);
        await expect(page.getByTestId('cost-lab').getByTestId('step-hidden-note'), where).toBeVisible();
      } else {
        await expect(plot, where).toBeVisible();
        const series = await plot.locator('[data-series]').evaluateAll((gs) => [...new Set(gs.map((g) => g.getAttribute('data-series')))]);
        expect(series, where).toEqual(shown.map((q) => SERIES[q]));
        await expect(page.getByTestId('memory-table').locator('thead th'), where).toHaveCount(1 + shown.length);
      }
      // The time plot is there at every step.
      await expect(page.getByTestId('time-plot'), where).toBeVisible();
    },
  },
  {
    slug: 'rnn',
    contentId: 'ch01-rnn',
    exercise: 'rnn',
    parts: { lstm: 'lstm-lab', dependency: 'dependency-lab' },
    answerFirst: false,
    check: async (page, step, where) => {
      // One cursor: the LSTM reads token t and the diagrams pick y_t.
      await expect(page.getByTestId('lstm-step'), where).toHaveAttribute('data-step', String(step.t - 1));
      await expect(page.getByTestId('dep-target'), where).toHaveText(`y${sub(step.t)}`);
      // The RNN's chain for y_t is t waves long; linear attention's diagram waits for view=both.
      await expect(page.getByTestId('dep-rnn'), where).toHaveAttribute('data-steps', String(step.t));
      if (step.view === 'recurrent') await expect(page.getByTestId('dep-linear-attention'), where).toBeHidden();
      else await expect(page.getByTestId('dep-linear-attention'), where).toBeVisible();
      // No step opens on y₅, the question's answer.
      expect(step.t, where).not.toBe(5);
    },
  },
  {
    slug: 'where-they-stand',
    contentId: 'ch10-where',
    exercise: 'where',
    parts: { recap: 'memory-lab', chunkwise: 'chunk-lab', 'side-by-side': 'side-lab' },
    answerFirst: false,
    check: async (page, step, where, answered) => {
      if (step.part === 'recap') {
        const memory = page.locator('[data-figure-part="recap"]').getByTestId('memory');
        await expect(memory, where).toHaveAttribute('data-step', String(step.t - 1));
        if (step.beat) await expect(memory, where).toHaveAttribute('data-beat', step.beat);
      }
      // The chunk size the step sets (and keeps for the later steps).
      if (step.set.C !== undefined) await expect(page.getByTestId('chunk-lab'), where).toHaveAttribute('data-c', String(step.set.C));
      if (step.part === 'side-by-side' && !answered) {
        await expect(page.locator('[data-figure-part="side-by-side"]').getByTestId('answer-gate'), where).toHaveAttribute('data-state', 'locked');
      }
    },
    // A phone shows the recap's picked row, one panel of the chunks (the cost step's chart), and linear
    // attention's row beside one picked row; every row stays in the page for the toggles.
    phone: async (page, step, where) => {
      const visible = (css: string) => page.locator(`${css}:visible`);
      if (step.part === 'recap' && (await page.getByTestId('recap-table').count()) > 0)
        await expect(visible('[data-testid="recap-table"] tbody tr'), where).toHaveCount(1);
      if (step.part === 'chunkwise') {
        await expect(visible('[data-testid="chunk-lab"] .chunk-panel'), where).toHaveCount(1);
        await expect(page.locator(`.chunk-panel[data-panel="${step.set.cost === 1 ? 'cost' : 'chunks'}"]`), where).toBeVisible();
      }
      if (step.part === 'side-by-side' && (await page.getByTestId('side-row').count()) > 0) {
        await expect(visible('[data-testid="side-row"]'), where).toHaveCount(2);
        await expect(page.locator('[data-testid="side-row"][data-mechanism="linear_attention"]'), where).toBeVisible();
      }
    },
  },
];

async function expectStep(page: Page, ch: Stepped, step: ResolvedStep, N: number, held: boolean, answered: boolean) {
  const where = `${ch.slug} step ${step.index}/${N}`;
  await expect(page.getByTestId('step-count')).toHaveAttribute('data-step', String(step.index));
  const passage = page.locator('[data-testid="step-passage"][aria-current="step"]');
  await expect(passage).toHaveAttribute('data-step-index', String(step.index));
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe(String(step.index));
  // The part the step names follows it; the chapter's other figures are left as they are.
  for (const [part, testId] of Object.entries(ch.parts)) {
    const figure = page.getByTestId(testId).first();
    if (part === 'side-by-side' && !answered) continue; // behind the question's gate
    const driven = part === '' || step.part === part;
    await expect(figure, `${where}: ${testId}`).toHaveAttribute('data-reading-step', driven ? String(step.index) : '0');
    if (driven) {
      await expect(figure).toHaveAttribute('data-hidden', step.hidden.join(' '));
      await expect(figure).toHaveAttribute('data-step-highlight', step.highlight.join(' '));
    }
  }
  // Nothing the step holds back is on show, anywhere on the page.
  for (const q of step.hidden) await expect(page.getByTestId(TEST_ID[q]), `${where}: ${q} is hidden`).toHaveCount(0);
  // A passage that gives the answer away waits for the guess.
  await expect(passage.getByTestId('answer-gate'), where).toHaveCount(held && !answered ? 1 : 0);
  await ch.check(page, step, where, answered);
}

for (const [n, ch] of CHAPTERS.entries()) {
  const lang: Lang = LANGS[n % LANGS.length];
  const phoneLang: Lang = LANGS[(n + 1) % LANGS.length];
  test(`${ch.slug} (${lang}, then ${phoneLang} on a phone): ?step=n, K and J move the figure part each step names through its declared state`, async ({ page }) => {
    const problems = watchConsole(page);
    const { steps, held } = stepsOf(ch.contentId, lang);
    const N = steps.length;
    expect(N).toBeGreaterThanOrEqual(4);
    const answered = ch.answerFirst;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?lang=${lang}&step=3#/chapter/${ch.slug}`);
    await expect(page.getByTestId('step-count')).toHaveAttribute('data-step', '3', { timeout: 60_000 });
    if (ch.answerFirst) await lockInExercise(page, ch.exercise);
    await expectStep(page, ch, steps[2], N, held[2], answered);
    const key = async (k: 'j' | 'k') => {
      await page.locator('h1').click(); // focus on the page, not on a field
      await page.keyboard.press(k);
    };
    await key('k');
    await expectStep(page, ch, steps[1], N, held[1], answered);
    await key('k');
    await expectStep(page, ch, steps[0], N, held[0], answered);
    await expect(page.getByTestId('step-prev')).toBeDisabled();
    // The figure column beside step 1 is at the window's top, not half-way down below the intro.
    await expect.poll(() => page.locator('.step-figure').evaluate((el) => el.getBoundingClientRect().top), 'step 1: the figure column at the top').toBeLessThanOrEqual(1);
    await keepViewportScreenshot(page, `steps-${ch.slug}-1-${lang}-1440`);
    const mid = Math.ceil(N / 2);
    for (let i = 1; i < N; i++) {
      if (i % 2 === 1) await page.getByTestId('step-next').click();
      else await key('j');
      await expectStep(page, ch, steps[i], N, held[i], answered);
      // The part the step drives is in the figure column's view: its top in the column's upper half, or
      // the column scrolled to its end (the last part can rise no higher).
      const part = steps[i].part;
      if (part) {
        const view = await page.evaluate((p) => {
          const column = document.querySelector('.step-figure')!;
          const el = document.querySelector(`[data-step-part="${p}"]`)!.getBoundingClientRect();
          const end = column.scrollTop + column.clientHeight >= column.scrollHeight - 2;
          return { top: el.top - column.getBoundingClientRect().top, half: end ? column.clientHeight : column.clientHeight / 2 };
        }, part);
        expect(view.top, `step ${i + 1}: part ${part} in view`).toBeGreaterThanOrEqual(-1);
        expect(view.top, `step ${i + 1}: part ${part} in view`).toBeLessThanOrEqual(view.half - 40);
      }
      if (i + 1 === mid) await keepViewportScreenshot(page, `steps-${ch.slug}-${mid}-${lang}-1440`);
    }
    await expect(page.getByTestId('step-next')).toBeDisabled();
    await keepViewportScreenshot(page, `steps-${ch.slug}-${N}-${lang}-1440`);
    if (!ch.answerFirst) {
      // The guess is in: the held passages show, and so does the part that waited (chapter 10's rows).
      await lockInExercise(page, ch.exercise);
      await expect(page.locator('[data-testid="step-passage"][aria-current="step"]').getByTestId('answer-gate')).toHaveCount(0);
      if (steps[N - 1].part === 'side-by-side') await expect(page.getByTestId('side-lab')).toHaveAttribute('data-reading-step', String(N));
    }
    expect(problems).toEqual([]);

    // The other language on a phone: the figure sits above the active passage, the bar on one line.
    const other = stepsOf(ch.contentId, phoneLang).steps;
    expect(other).toEqual(steps);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?lang=${phoneLang}&step=1#/chapter/${ch.slug}`);
    await page.reload();
    for (let s = 1; s <= N; s++) {
      if (s > 1) await page.getByTestId('step-next').click();
      await expect(page.getByTestId('step-count')).toHaveAttribute('data-step', String(s), { timeout: 60_000 });
      if (s !== 1 && s !== mid && s !== N) continue;
      // Until the page is shown the figure holds a taller place (steps.css): read once it is, and read
      // both boxes in one moment (three reads in turn can straddle that change).
      await expect(page.locator('html[data-settling]')).toHaveCount(0, { timeout: 30_000 });
      const { figureBottom, passageTop } = await page.evaluate((i) => {
        const box = (css: string) => document.querySelector(css)!.getBoundingClientRect();
        return { figureBottom: box('.step-figure').bottom, passageTop: box(`[data-testid="step-passage"][data-step-index="${i}"]`).top };
      }, s);
      await expect(page.getByTestId('step-nav')).toBeVisible();
      expect(figureBottom, `step ${s}: the figure is above its passage`).toBeLessThanOrEqual(passageTop + 1);
      // A step that names a part shows that part alone (and any open question) above its passage, its top on the screen.
      const part = steps[s - 1].part;
      if (part) {
        await expect(page.locator(`[data-step-part="${part}"]`)).not.toHaveAttribute('data-part-away');
        await expect(page.locator(`.step-figure [data-part-away] > :not(.predict[data-state="open"]):visible`), `step ${s}: other parts`).toHaveCount(0);
        const top = (await page.locator(`[data-step-part="${part}"]`).boundingBox())!.y;
        expect(top, `step ${s}: part ${part} on screen`).toBeGreaterThanOrEqual(-1);
        expect(top, `step ${s}: part ${part} on screen`).toBeLessThan(844);
      }
      await ch.phone?.(page, steps[s - 1], `phone, step ${s}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await keepViewportScreenshot(page, `steps-${ch.slug}-${s}-${phoneLang}-390`);
    }
  });
}
