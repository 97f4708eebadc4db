// Chapters 6 and 7 as a learner uses them: the clear token ⟲ wipes the memory, the gate strip and the
// mask row are the core's numbers, the gate table switches the gate's shape and the live model — every
// number read from the DOM and checked against the float64 core.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { runReference } from '../src/core';
import type { Case } from '../src/core/cases';
import { CLOSED, finerGateExample, gateFrames, type GateModel } from '../src/core/finerGates';
import { decayMask } from '../src/core/parallel';
import { CLEAR, gatedRetentionCase, gatesPreset, tokenFeatures, type Token } from '../src/core/tokenGates';
import { keepScreenshot, maxDiff, parallelBackend, readMatrix, tolerance, watchConsole } from './helpers';

const LANGS = ['en', 'zh-TW'] as const;

async function openChapter(page: Page, slug: string, lang: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // end states at once: numbers are stable to read
  await page.goto(`/?lang=${lang}#/chapter/${slug}`);
  await expectLive(page);
}

async function expectLive(page: Page) {
  await expect(page.getByTestId('parallel-backend')).toHaveAttribute('data-backend', parallelBackend());
  await expect(page.getByTestId('recurrent-backend')).toHaveAttribute('data-backend', 'wasm');
  const badge = page.getByTestId('equivalence-badge');
  await expect(badge).toHaveAttribute('data-parallel-backend', parallelBackend());
  await expect(badge).toHaveAttribute('data-recurrent-backend', 'wasm');
  await expect(badge).toHaveAttribute('data-ok', 'true');
}

/**
 * How far a live table is from the reference, read together with the backend that computed it in one
 * snapshot (so a stale frame from the previous input, or the float64 stand-in, never counts as live).
 */
async function liveGap(page: Page, table: string, backendOf: string, backend: string, ref: number[][]): Promise<number> {
  const snap = await page.evaluate(
    ([t, b]) => {
      const cells = Array.from(document.querySelectorAll(`[data-testid="${t}"] tbody tr`)).map((tr) =>
        Array.from(tr.querySelectorAll('td')).map((td) => Number(td.getAttribute('data-value'))),
      );
      return { cells, backend: document.querySelector(`[data-testid="${b}"]`)?.getAttribute('data-backend') ?? '' };
    },
    [table, backendOf],
  );
  return snap.backend === backend ? maxDiff(snap.cells, ref) : Infinity;
}

async function expectOutputsLive(page: Page, c: Case) {
  const o = runReference(c, 'parallel').o;
  await expect.poll(() => liveGap(page, 'parallel-O', 'parallel-backend', parallelBackend(), o)).toBeLessThanOrEqual(tolerance(o));
  await expectLive(page);
}

async function expectStateLive(page: Page, c: Case, t: number) {
  await expect(page.getByTestId('memory')).toHaveAttribute('data-step', String(t));
  const S = runReference(c, 'recurrent').steps?.[t].S ?? [];
  await expect.poll(() => liveGap(page, 'memory-S', 'memory', 'wasm', S)).toBeLessThanOrEqual(tolerance(S));
}

/** Move the shared cursor with the keyboard: Home (empty memory), then → t + 1 times. */
async function stepTo(page: Page, region: Locator, t: number) {
  await page.mouse.move(0, 0); // a resting pointer (after a click that reflowed the page) would hover a step instead
  await expect(region).toBeVisible(); // an unpainted stage (pageSettle.tsx) cannot take the focus
  await region.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i <= t; i++) await page.keyboard.press('ArrowRight');
  await expect(region).toHaveAttribute('data-step', String(t));
}

async function stripValues(strip: Locator): Promise<number[]> {
  return strip.locator('[data-value]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
}

for (const lang of LANGS) {
  test(`ch. 6 gates: ⟲ wipes the memory; the gate strip and the mask row are the core's (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await openChapter(page, 'gates', lang);
    const lab = page.getByTestId('memory-lab');
    let tokens: Token[] = gatesPreset('one-clear');
    let c = gatedRetentionCase(tokens);
    const clearAt = tokens.indexOf(CLEAR); // code step 4: the lecture's step 5

    // Predict, then reveal. Until a guess is in, the outputs O (every step at once) and the steps from
    // the read right after ⟲ on are held back; ⟲ itself and the steps before it stay open.
    await expect(page.getByTestId('parallel-O')).toHaveCount(0);
    await stepTo(page, lab, clearAt);
    await expect(page.getByTestId('memory-S')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(lab.getByTestId('recurrent-view').getByTestId('answer-gate')).toHaveAttribute('data-state', 'locked');
    await expect(page.getByTestId('memory-S')).toHaveCount(0);
    const predict = page.getByTestId('predict-gates');
    await expect(predict.getByTestId('predict-gates-commit')).toBeDisabled();
    await predict.locator('[data-choice="own"]').check();
    await predict.getByTestId('predict-gates-commit').click();
    await expect(predict).toHaveAttribute('data-state', 'right');
    await expect(predict.getByTestId('predict-gates-numbers')).toContainText(tokens[clearAt + 1]);
    await expect(lab.getByTestId('answer-gate')).toHaveCount(0);
    await expectOutputsLive(page, c);

    // The strip of gates: γ_t = σ(w·x_t + b) of every token, exactly as the core computes it.
    expect(await stripValues(page.getByTestId('gate-strip'))).toEqual(c.gate);
    expect(c.gate[clearAt]).toBeLessThan(1e-6);

    // At ⟲ the memory is empty (to float32 precision), and the page shows the core's S.
    await stepTo(page, lab, clearAt);
    await expectStateLive(page, c, clearAt);
    const S = await readMatrix(page.getByTestId('memory-S'));
    expect(Math.max(...S.flat().map(Math.abs))).toBeLessThan(1e-4);
    // Row 5 of the mask is the core's D, and so is the parallel row it veils.
    const D = decayMask(c.gate);
    expect(maxDiff([await stripValues(page.getByTestId('mask-row'))], [D[clearAt].slice(0, clearAt + 1)])).toBeLessThanOrEqual(1e-12);
    const M = runReference(c, 'parallel').M ?? [];
    const row = (await page.locator(`[data-testid="attention"] [data-row="${clearAt}"]`).getAttribute('data-values'))?.split(',').map(Number) ?? [];
    expect(maxDiff([row], [M[clearAt]])).toBeLessThanOrEqual(tolerance(M));

    // One step later: D_{6,s} ≈ 0 for every s before ⟲ (⟲'s own column is γ₆, but ⟲ wrote nothing),
    // and the read is that token's own (kᵀq) v.
    await page.keyboard.press('ArrowRight');
    await expectStateLive(page, c, clearAt + 1);
    const next = await stripValues(page.getByTestId('mask-row'));
    expect(maxDiff([next], [D[clearAt + 1].slice(0, clearAt + 2)])).toBeLessThanOrEqual(1e-12);
    for (const d of next.slice(0, clearAt)) expect(d).toBeLessThan(1e-6);
    const f = tokenFeatures(tokens[clearAt + 1]);
    const own = f.v.map((x) => x * f.k.reduce((a, k, j) => a + k * f.q[j], 0));
    const O = await readMatrix(page.getByTestId('parallel-O'));
    expect(maxDiff([O[clearAt + 1]], [own])).toBeLessThanOrEqual(1e-4);

    // Change the token at step 2: the outputs before ⟲ change, the outputs after it do not.
    await stepTo(page, lab, 1);
    await page.getByTestId('token-select').selectOption('■');
    tokens = tokens.map((x, i) => (i === 1 ? '■' : x));
    const before = runReference(c, 'parallel').o;
    c = gatedRetentionCase(tokens);
    await expectOutputsLive(page, c);
    const after = await readMatrix(page.getByTestId('parallel-O'));
    expect(maxDiff(after.slice(clearAt), before.slice(clearAt))).toBeLessThanOrEqual(1e-4);
    expect(maxDiff(after.slice(1, clearAt), before.slice(1, clearAt))).toBeGreaterThan(0.05);

    // Remove ⟲: the memory at that step is no longer empty.
    await stepTo(page, lab, clearAt);
    await page.getByTestId('remove-step').click();
    tokens = tokens.filter((_, i) => i !== clearAt);
    c = gatedRetentionCase(tokens);
    await expectOutputsLive(page, c);
    await expectStateLive(page, c, clearAt);
    expect(Math.max(...(await readMatrix(page.getByTestId('memory-S'))).flat().map(Math.abs))).toBeGreaterThan(0.1);

    // Insert ⟲ after step 2: the cursor lands on it and the memory is empty there.
    await stepTo(page, lab, 1);
    await page.getByTestId('insert-clear').click();
    tokens = [...tokens.slice(0, 2), CLEAR, ...tokens.slice(2)];
    c = gatedRetentionCase(tokens);
    await expectOutputsLive(page, c);
    await expectStateLive(page, c, 2);
    expect(Math.max(...(await readMatrix(page.getByTestId('memory-S'))).flat().map(Math.abs))).toBeLessThan(1e-4);
    expect(await stripValues(page.getByTestId('gate-strip'))).toEqual(c.gate);
    await expect(page.getByTestId('step-track').locator('[data-step="2"]')).toContainText(CLEAR);

    await keepScreenshot(page, `ch06-gates-${lang}`);
    expect(problems).toEqual([]);
  });

  test(`ch. 7 finer gates: the table picks the gate's shape and the live model (${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await openChapter(page, 'finer-gates', lang);
    const lab = page.getByTestId('memory-lab');
    const table = page.getByTestId('gate-table');
    const step = 4; // the figure opens at step 5

    const expectShape = async (model: GateModel, shape: string, t: number, closeColumn: { step: number; dim: number } | null = null) => {
      await expect(table).toHaveAttribute('data-value', model);
      const e = finerGateExample(model, { closeColumn });
      const frames = gateFrames(e);
      await expect(page.getByTestId('gate-shape')).toHaveAttribute('data-shape', shape);
      await expect.poll(async () => maxDiff(await readMatrix(page.getByTestId('gate-shape-G')), frames.G[t])).toBeLessThanOrEqual(1e-12);
      expect(maxDiff(await readMatrix(page.getByTestId('gate-shape-before')), frames.before[t])).toBeLessThanOrEqual(1e-12);
      expect(maxDiff(await readMatrix(page.getByTestId('gate-shape-after')), frames.after[t])).toBeLessThanOrEqual(1e-12);
      if (e.live) {
        await expectOutputsLive(page, e.live);
        await expectStateLive(page, e.live, t);
      }
      return frames.G[t];
    };

    // GLA, the default: one factor per key dimension, constant down each column.
    await expect(lab).toHaveAttribute('data-step', String(step));
    let G = await expectShape('gla', 'column', step);
    for (const row of G) expect(row).toEqual(G[0]);
    expect(new Set(G[0]).size).toBe(G[0].length);

    // The rows are radios: ↑ from GLA selects RWKV-6 (another column gate, other numbers).
    await table.locator('input[value="gla"]').focus();
    await page.keyboard.press('ArrowUp');
    await expect(table.locator('input[value="rwkv6"]')).toBeChecked();
    await expectShape('rwkv6', 'column', step);

    // Mamba-2: one number for the whole memory.
    await table.locator('tr[data-row="mamba2"]').click();
    G = await expectShape('mamba2', 'scalar', step);
    expect(new Set(G.flat()).size).toBe(1);
    await expect(page.getByTestId('attention')).toBeVisible();

    // Mamba: a factor per entry; each value channel has its own weights, so no single M is drawn.
    await table.locator('tr[data-row="mamba"]').click();
    G = await expectShape('mamba', 'full', step);
    expect(new Set(G.flat()).size).toBe(G.flat().length);
    await expect(page.getByTestId('attention')).toHaveCount(0);

    // Gated retention runs on its own graph; mLSTM runs on the same one.
    await table.locator('tr[data-row="gated_retention"]').click();
    await expectShape('gated_retention', 'scalar', step);

    // DFW has no graph: the core's rank-one gate, stepped by its own cursor.
    await table.locator('tr[data-row="dfw"]').click();
    await expect(lab).toHaveCount(0);
    await expect(page.getByTestId('gate-static')).toHaveAttribute('data-step', String(step));
    G = await expectShape('dfw', 'full', step);
    for (let i = 0; i < G.length; i++) for (let j = 0; j < G[0].length; j++) expect(G[i][j] * G[0][0]).toBeCloseTo(G[i][0] * G[0][j], 12);

    // The two rows beyond the lecture's table: a column gate plus a correction, each on its own graph.
    for (const model of ['kda', 'rwkv7'] as const) {
      await table.locator(`tr[data-row="${model}"]`).click();
      G = await expectShape(model, 'column', step);
      for (const row of G) expect(row).toEqual(G[0]);
    }

    // Back to GLA; close key dimension 2 at step 5: column 2 after the gate is ≈ 0, the rest unchanged.
    await table.locator('tr[data-row="gla"]').click();
    await expectLive(page);
    await expect(lab).toHaveAttribute('data-step', String(step));
    const open = gateFrames(finerGateExample('gla'));
    await page.getByTestId('close-column').click();
    await expect(page.getByTestId('close-column')).toHaveAttribute('aria-pressed', 'true');
    G = await expectShape('gla', 'column', step, { step, dim: 1 });
    for (const r of G) expect(r[1]).toBe(CLOSED);
    const after = await readMatrix(page.getByTestId('gate-shape-after'));
    after.forEach((r, i) =>
      r.forEach((x, j) => (j === 1 ? expect(Math.abs(x)).toBeLessThan(1e-5) : expect(x).toBeCloseTo(open.after[step][i][j], 12))),
    );

    // Predict, then reveal.
    const predict = page.getByTestId('predict-finer-gates');
    await predict.locator('[data-choice="column"]').check();
    await predict.getByTestId('predict-finer-gates-commit').click();
    await expect(predict).toHaveAttribute('data-state', 'right');

    await keepScreenshot(page, `ch07-finer-gates-${lang}`);
    expect(problems).toEqual([]);
  });
}

test('ch. 7 on a phone: the gate table scrolls sideways, its legend and caption wrap within the screen', async ({ page }) => {
  for (const lang of LANGS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?lang=${lang}#/chapter/finer-gates`);
    const box = page.getByTestId('gate-table');
    await expect(box.locator('legend')).toBeVisible();
    const width = page.viewportSize()!.width;
    // Polled: the caption is held in view once the page has measured its frame (useScrollFrames.ts).
    for (const part of [box.locator('legend'), box.locator('.gate-table-caption')]) {
      const right = async () => {
        const b = (await part.boundingBox())!;
        return b.x + b.width;
      };
      await expect.poll(right, { message: `${lang}: ${await part.innerText()}` }).toBeLessThanOrEqual(width);
    }
    // The table itself is wider than the screen and scrolls in its own frame, not the page.
    const frame = box.locator('.scroll-frame');
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expect(box.getByRole('table')).toHaveAccessibleName(lang === 'en' ? /Forget gates of the lecture/ : /課程表格裡的遺忘門控/);
  }
});
