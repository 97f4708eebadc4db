// A shared link reproduces the picture on every chapter that chapters 2, 3 and 5's tests do not
// cover, and on the playground's typed numbers: change the controls, read the address bar, open it in
// a fresh page, and the same numbers (read from the DOM) and step are shown. A malformed link shows
// what it could not use, and the page still works.
import { expect, test, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import type { Case } from '../src/core/cases';
import { float32Tolerance } from '../src/core/float32';
import { playgroundCase } from '../src/core/playgroundInputs';
import type { ExerciseId } from '../src/app/exercises';
import { lockInExercise, parallelBackend, readMatrix, watchConsole, startLiveModels } from './helpers';

const LIVE = { timeout: 120_000 };

async function open(page: Page, link: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(link);
}

/** Both views of the MemoryLab are live and agree (so its numbers are the live model's). */
async function labLive(page: Page) {
  await startLiveModels(page);
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend(), LIVE);
  await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm', LIVE);
  await expect(page.getByTestId('equivalence-badge')).toHaveAttribute('data-ok', 'true', LIVE);
}

/** Move a figure's cursor to step t (0-based) with the keyboard, from the start. */
async function stepTo(page: Page, region: string, t: number) {
  await page.mouse.move(0, 0); // a resting pointer would hover a step instead
  // Shown first: while the page's lower stage is still unpainted (pageSettle.tsx) it cannot take the focus.
  await expect(page.getByTestId(region)).toBeVisible();
  await page.getByTestId(region).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i <= t; i++) await page.keyboard.press('ArrowRight');
}

/** The address once it has caught up with the last change (writes are gathered for a moment). */
async function linkWith(page: Page, ...parts: string[]): Promise<string> {
  for (const p of parts) await expect.poll(() => page.url(), { message: `link has ${p}` }).toContain(p);
  return page.url();
}

const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).first().getAttribute(name);
const attrs = (page: Page, selector: string, name: string) => page.locator(selector).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);

/** Equal, numbers within float32 noise (two pages may show a frame from a different backend run). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= float32Tolerance([a, b]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object')
    return Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => same(v, (b as Record<string, unknown>)[k]));
  return a === b;
}

/** What the page shows, once two reads a moment apart agree (live runs have landed). */
async function settled(page: Page, read: (p: Page) => Promise<unknown>): Promise<unknown> {
  let last: unknown = undefined;
  await expect
    .poll(
      async () => {
        const now = await read(page);
        const ok = last !== undefined && same(now, last);
        last = now;
        return ok;
      },
      { intervals: [300, 500, 1000], ...LIVE },
    )
    .toBe(true);
  return last;
}

interface RoundTrip {
  slug: string;
  /** Change the controls and the step, as a learner would. */
  act: (page: Page) => Promise<void>;
  /** What the link must then hold. */
  parts: string[];
  /** The numbers and states the learner sees. */
  read: (page: Page) => Promise<unknown>;
  /** A MemoryLab on the page: wait until it is live before reading. */
  lab?: boolean;
  /**
   * Questions whose figures the trip reads: answered before acting (`here`) and on the page the link
   * opens (`there`: only those whose reveal does not move the figure, so the link's picture stays).
   */
  answers?: { here: ExerciseId[]; there: ExerciseId[] };
}

/** The memory at the cursor's step, once its last beat (read) has played: S_t itself, not S_{t−1} ⊙ G_t. */
const memoryOf = async (page: Page) => {
  await expect(page.getByTestId('memory').first()).toHaveAttribute('data-beat', 'read', LIVE);
  return { step: await attr(page, 'memory', 'data-step'), S: await readMatrix(page.getByTestId('memory-S')) };
};

const ROUND_TRIPS: RoundTrip[] = [
  {
    slug: 'why',
    answers: { here: ['why'], there: ['why'] },
    act: async (page) => {
      await page.getByTestId('cost-longest').selectOption('1024');
    },
    parts: ['len=1024'],
    read: async (page) => ({
      longest: await page.getByTestId('cost-longest').inputValue(),
      lengths: await attrs(page, '[data-testid="memory-table"] tbody tr', 'data-t'),
      bytes: (await attrs(page, '[data-testid="memory-table"] td[data-bytes]', 'data-bytes')).map(Number),
    }),
  },
  {
    slug: 'rnn',
    act: async (page) => {
      await page.getByTestId('sentence-input').fill('the cat sat on the mat');
      await page.getByTestId('sentence-apply').click();
      await stepTo(page, 'lstm-lab', 3);
    },
    parts: ['text=the%20cat%20sat%20on%20the%20mat', 't=4'],
    read: async (page) => ({
      step: await attr(page, 'lstm-step', 'data-step'),
      word: await page.getByTestId('lstm-step').textContent(),
      H: await readMatrix(page.getByTestId('lstm-H')),
      C: await readMatrix(page.getByTestId('lstm-C')),
    }),
  },
  {
    slug: 'capacity',
    lab: true,
    // The reveal switches the figure to its own example, so the other page reads what needs no answer.
    answers: { here: ['capacity'], there: [] },
    act: async (page) => {
      await page.getByTestId('capacity-lab').getByTestId('preset').selectOption('random');
      await page.getByTestId('dk').fill('6');
      await page.getByTestId('n').fill('7');
      await page.getByTestId('reseed').click();
      await page.getByTestId('lab-mechanism').selectOption('deltanet');
      await labLive(page);
      await stepTo(page, 'memory-lab', 9);
    },
    parts: ['keys=random', 'dk=6', 'n=7', 'seed=2', 'm=deltanet', 't=10'],
    read: async (page) => {
      await expect(page.getByTestId('capacity-status')).toHaveAttribute('data-live', 'true', LIVE);
      return {
        dk: await attr(page, 'capacity-lab', 'data-dk'),
        n: await page.getByTestId('n').inputValue(),
        mechanism: await page.getByTestId('lab-mechanism').inputValue(),
        ...(await memoryOf(page)),
      };
    },
  },
  {
    slug: 'gates',
    lab: true,
    answers: { here: ['gates'], there: ['gates'] },
    act: async (page) => {
      await page.getByTestId('preset').selectOption('no-clear');
      await stepTo(page, 'memory-lab', 2);
      await page.getByTestId('insert-clear').click(); // ⟲ after step 3: the sequence is now edited
      await expect(page.getByTestId('sequence-editor')).toHaveAttribute('data-step', '3');
      await stepTo(page, 'memory-lab', 5);
    },
    parts: ['preset=no-clear', 'seq=otscdxotdsx', 't=6'],
    read: async (page) => ({
      gates: (await attrs(page, '[data-testid="gate-strip"] [data-value]', 'data-value')).map(Number),
      ...(await memoryOf(page)),
    }),
  },
  {
    slug: 'finer-gates',
    lab: true,
    act: async (page) => {
      await stepTo(page, 'memory-lab', 2);
      await page.getByTestId('close-column').click();
      await expect(page.getByTestId('closed-status')).toBeVisible();
      await labLive(page);
      await stepTo(page, 'memory-lab', 6);
    },
    parts: ['close=3', 't=7'],
    read: async (page) => ({
      closed: await page.getByTestId('closed-status').textContent(),
      G: await readMatrix(page.getByTestId('gate-shape-G')),
      ...(await memoryOf(page)),
    }),
  },
  {
    slug: 'deltanet',
    lab: true,
    answers: { here: ['deltanet'], there: ['deltanet'] }, // the story can be edited once the answer is out
    act: async (page) => {
      await page.getByTestId('remove-fact-1').click();
      await page.getByTestId('ask-entity').selectOption('mary');
      await page.getByTestId('memory-lab').getByTestId('preset').selectOption('overlapping');
      await page.getByTestId('beta').fill('1.5');
      await page.getByTestId('gated-toggle').check();
      await page.getByTestId('alpha').fill('0.5');
      await labLive(page);
      await stepTo(page, 'memory-lab', 2);
    },
    parts: ['story=mo,jb,mk,jk_m', 'keys=overlapping', 'beta=1.5', 'gated=1', 'alpha=0.5', 't=3'],
    read: async (page) => ({
      facts: await attrs(page, '[data-testid="story-facts"] li', 'data-place'),
      asked: await attr(page, 'story-question', 'data-entity'),
      beta: await page.getByTestId('beta').inputValue(),
      alpha: await page.getByTestId('alpha').inputValue(),
      ...(await memoryOf(page)),
    }),
  },
  {
    slug: 'mamba',
    lab: true,
    // The scan's reveal shows its whole tree, so the other page reads the levels' results, not their count.
    answers: { here: ['mamba-selective', 'mamba-scan'], there: ['mamba-selective'] },
    act: async (page) => {
      await page.getByTestId('delta').fill('1');
      await page.getByTestId('conv-panel').getByTestId('preset').selectOption('impulse');
      await page.getByTestId('selective-panel').getByTestId('preset').first().selectOption('fixed');
      await page.getByTestId('scan-panel').getByTestId('preset').selectOption('2-1');
      await page.getByTestId('scan-reset').click();
      await page.getByTestId('scan-next').click();
      await page.getByTestId('scan-next').click();
      await labLive(page);
      await stepTo(page, 'memory-lab', 4);
    },
    parts: ['dt=1', 'input=impulse', 'mode=fixed', 'entry=2-1', 'level=2', 't=5'],
    read: async (page) => ({
      angle: Number(await attr(page, 'zoh-turn', 'data-angle')),
      s4: await readMatrix(page.getByTestId('s4-outputs')),
      scan: await readMatrix(page.getByTestId('scan-results')),
      ...(await memoryOf(page)),
    }),
  },
  {
    slug: 'where-they-stand',
    lab: true,
    answers: { here: ['where'], there: [] },
    act: async (page) => {
      await page.getByTestId('recap-run-gated_deltanet').click();
      await page.getByTestId('reseed').click();
      await labLive(page);
      await stepTo(page, 'memory-lab', 3);
    },
    parts: ['m=gated_deltanet', 'seed=2', 't=4'],
    read: async (page) => ({ rule: await attr(page, 'recap-rule', 'data-mechanism'), ...(await memoryOf(page)) }),
  },
];

for (const trip of ROUND_TRIPS) {
  test(`ch. "${trip.slug}": a link reproduces the controls, the numbers and the step`, async ({ page }) => {
    const problems = watchConsole(page);
    await open(page, `/?lang=en#/chapter/${trip.slug}`);
    if (trip.lab) await labLive(page);
    for (const id of trip.answers?.here ?? []) await lockInExercise(page, id);
    await trip.act(page);
    const link = await linkWith(page, ...trip.parts);
    expect(new URL(link).search.length, 'short enough to paste').toBeLessThan(160);
    const shown = await settled(page, trip.read);

    const other = await page.context().newPage();
    problems.push(...watchConsole(other));
    await open(other, link);
    if (trip.lab) await labLive(other);
    for (const id of trip.answers?.there ?? []) await lockInExercise(other, id);
    await expect.poll(async () => same(await trip.read(other), shown), { message: 'same picture', ...LIVE }).toBe(true);
    await expect(other.getByTestId('url-notice')).toHaveCount(0);
    for (const p of trip.parts) expect(other.url()).toContain(p);
    expect(problems).toEqual([]);
  });
}

test('ch. 7: the static DFW figure keeps its step in the link', async ({ page }) => {
  await open(page, '/?lang=en#/chapter/finer-gates');
  await page.getByTestId('gate-table').locator('tr[data-row="dfw"]').click();
  await expect(page.getByTestId('gate-static')).toBeVisible();
  await stepTo(page, 'gate-static', 2);
  const link = await linkWith(page, 'm=dfw', 't=3');
  const read = async (p: Page) => ({ G: await readMatrix(p.getByTestId('gate-shape-G')), after: await readMatrix(p.getByTestId('gate-shape-after')) });
  const shown = await settled(page, read);
  const other = await page.context().newPage();
  await open(other, link);
  await expect(other.getByTestId('gate-static')).toBeVisible();
  await expect(other.getByTestId('playback')).toHaveAttribute('data-step', '2');
  expect(same(await read(other), shown)).toBe(true);
});

/** One bad parameter: the notice names it (data-param) with the problem's code, and the page still shows. */
async function expectNotice(page: Page, expected: Array<[string, string]>) {
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  for (const [param, code] of expected) await expect(notice.locator(`li[data-param="${param}"]`)).toHaveAttribute('data-problem', code);
}

test('malformed chapter links are clamped or refused, with a visible message', async ({ page }) => {
  const problems = watchConsole(page);
  await open(page, '/?lang=en&dk=99&n=x&keys=bogus&m=nope&t=-3#/chapter/capacity');
  await expectNotice(page, [['dk', 'out-of-range'], ['n', 'not-a-number'], ['keys', 'unknown-choice'], ['m', 'unknown-choice'], ['t', 'out-of-range']]);
  await expect(page.getByTestId('capacity-lab')).toHaveAttribute('data-dk', '16'); // clamped to the slider's end
  await expect(page.getByTestId('capacity-lab')).toHaveAttribute('data-keys', 'one-hot'); // the chapter's default
  await expect.poll(() => page.url()).toContain('dk=16');
  expect(page.url()).not.toContain('keys=');

  await open(page, '/?lang=en&story=jg,zz,mk_j&beta=7&alpha=0.33&gated=maybe#/chapter/deltanet');
  await expectNotice(page, [['story', 'unknown-item'], ['beta', 'out-of-range'], ['alpha', 'rounded'], ['gated', 'unknown-choice']]);
  await expect(page.getByTestId('story-facts').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('beta')).toHaveValue('2');

  await open(page, '/?lang=zh-TW&seq=o?q&t=99#/chapter/gates');
  await expectNotice(page, [['seq', 'unknown-item'], ['t', 'out-of-range']]);
  await expect(page.getByTestId('memory')).toHaveAttribute('data-step', '0'); // one token left: step 1 of 1
  await expect(page.getByTestId('url-notice')).toContainText('seq');

  await open(page, `/?lang=en&text=${'word%20'.repeat(60)}#/chapter/rnn`);
  await expectNotice(page, [['text', 'too-long']]);
  await expect(page.getByTestId('lstm-step')).toBeVisible();

  await open(page, '/?lang=en&dt=abc&entry=9-9&level=99&input=x#/chapter/mamba');
  await expectNotice(page, [['dt', 'not-a-number'], ['entry', 'unknown-choice'], ['level', 'out-of-range'], ['input', 'unknown-choice']]);
  await expect(page.getByTestId('delta')).toHaveValue('0.5');
  expect(problems).toEqual([]);
});

// ——— The playground's typed and imported numbers ———

async function openPlayground(page: Page, query = '') {
  await open(page, `/?lang=en${query}#/playground`);
  await expect(page.getByTestId('playground')).toBeVisible();
  await startLiveModels(page);
}

async function outputsAre(page: Page, c: Case) {
  const ref = runReference(c, 'recurrent').o;
  await expect.poll(async () => same(await readMatrix(page.getByTestId('pg-o-recurrent')), ref), LIVE).toBe(true);
}

test('playground: typed numbers go into the link, compressed, and come back exactly', async ({ page }) => {
  const problems = watchConsole(page);
  await openPlayground(page);
  const own: Case = { mechanism: 'deltanet', beta: [0.5, 1, 0.25], q: [[1, 0], [0, 1], [0.3, 0.7]], k: [[1, 0], [0.6, 0.8], [0, 1]], v: [[2, -1], [0.125, 3], [1, 1]] };
  await page.getByTestId('pg-custom').locator('summary').click();
  await page.getByTestId('pg-case-json').fill(JSON.stringify(own));
  await page.getByTestId('pg-case-run').click();
  await expect(page.getByTestId('pg-custom-active')).toHaveAttribute('data-source', 'typed');
  await outputsAre(page, own);
  const link = await linkWith(page, 'case=');
  const caseText = new URL(link).searchParams.get('case') ?? '';
  expect(caseText).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(caseText.length).toBeLessThan(200);

  const other = await page.context().newPage();
  problems.push(...watchConsole(other));
  await open(other, link);
  await expect(other.getByTestId('pg-custom-active')).toHaveAttribute('data-source', 'link');
  await expect(other.getByTestId('pg-custom-active')).toContainText('T = 3');
  await outputsAre(other, own);
  await expect(other.getByTestId('url-notice')).toHaveCount(0);

  // Back to generated inputs: the numbers leave the link.
  await other.getByTestId('pg-back-generated').click();
  await expect.poll(() => other.url()).not.toContain('case=');
  expect(problems).toEqual([]);
});

test('playground: the cursor step is in the link, and a link opens the memory at that step', async ({ page }) => {
  const problems = watchConsole(page);
  await openPlayground(page);
  await stepTo(page, 'pg-figure', 2);
  await expect(page.getByTestId('pg-memory')).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('pg-memory')).toHaveAttribute('data-beat', 'read');
  const link = await linkWith(page, 't=3');
  const shown = await readMatrix(page.getByTestId('pg-memory-S'));

  const other = await page.context().newPage();
  problems.push(...watchConsole(other));
  await open(other, link);
  await expect(other.getByTestId('pg-memory')).toHaveAttribute('data-step', '2');
  await expect(other.getByTestId('pg-memory')).toHaveAttribute('data-beat', 'read');
  await expect.poll(async () => same(await readMatrix(other.getByTestId('pg-memory-S')), shown), LIVE).toBe(true);
  expect(problems).toEqual([]);
});

test('playground: an imported case too large for a link says so; a broken case link is refused', async ({ page }) => {
  await openPlayground(page);
  const big = playgroundCase('linear_attention', { T: 256, dk: 16, dv: 16, seed: 5, preset: 'random', gateLevel: 1, beta: 1 });
  await page.getByTestId('pg-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await expect(page.getByTestId('pg-custom-active')).toHaveAttribute('data-source', 'big.json');
  const tooLarge = page.getByTestId('pg-case-too-large');
  await expect(tooLarge).toBeVisible();
  expect(Number(await tooLarge.getAttribute('data-chars'))).toBeGreaterThan(8192);
  await expect(tooLarge).toContainText('8192');
  await page.waitForTimeout(300);
  expect(page.url()).not.toContain('case=');

  await openPlayground(page, '&case=bm90LWEtY2FzZQ');
  await expect(page.getByTestId('pg-notes').locator('[data-kind="case"]')).toContainText('could not be used');
  await expect(page.getByTestId('pg-custom-active')).toHaveCount(0);
  await expect.poll(() => page.url()).not.toContain('case=');

  await openPlayground(page, `&case=${'A'.repeat(9000)}`);
  await expectNotice(page, [['case', 'too-long']]);
});
