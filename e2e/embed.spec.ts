// Embeddable figures: #/embed/<slug>[/<figure>] shows a chapter's figure alone, with the link's state,
// also inside an <iframe> on another origin; each chapter offers its iframe code to copy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { keepScreenshot, watchConsole } from './helpers';

test('an embed shows only its figure, with the state from the link', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/?gamma=0.5#/embed/retnet');
  const figure = page.getByTestId('embed-figure');
  await expect(figure).toBeVisible();
  await expect(figure.getByTestId('gamma')).toHaveValue('0.5');
  await expect(figure.getByTestId('memory-length')).toContainText('2.0');
  await expect(figure.locator('.backend-badge, .badge').first()).toBeVisible();
  await expect(page.locator('h1')).toHaveCount(0);
  await expect(page.locator('nav, header, footer, .prose')).toHaveCount(0);
  await expect(page.getByTestId('embed-copy')).toHaveCount(0);
  await expect(page).toHaveTitle('Chapter 5 · Forgetting on purpose: RetNet — Memory Lane');
  // Full width of its frame, and nothing beside it to scroll to.
  const sizes = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
    figure: document.querySelector('[data-testid="embed-figure"]')!.getBoundingClientRect().width,
  }));
  expect(sizes.page).toBeLessThanOrEqual(sizes.view);
  expect(sizes.figure).toBeGreaterThan(sizes.view * 0.95);
  await keepScreenshot(page, 'embed-retnet');
  expect(problems).toEqual([]);
});

test('a named figure of chapter 9 embeds alone; an unknown name says which exist', async ({ page }) => {
  await page.goto('/?lang=zh-TW#/embed/mamba/scan');
  await expect(page.getByTestId('embed-figure')).toBeVisible();
  await expect(page.locator('[data-figure-part]')).toHaveCount(1);
  await expect(page.locator('[data-figure-part="scan"]')).toBeVisible();
  await expect(page.getByText('記憶小徑 Memory Lane · 第 9 章 · 從控制理論走到 Mamba · 平行掃描')).toBeVisible();
  await page.goto('/#/embed/mamba/nope');
  await expect(page.getByRole('alert')).toHaveText('Chapter “Chapter 9 · Mamba from control theory” has no figure named “nope”. Its figures: zoh, convolution, selective, scan.');
});

test.describe('inside an iframe on another origin', () => {
  let server: Server;
  let host = '';
  test.beforeAll(async ({ baseURL }) => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>A course page</title><h1>Elsewhere</h1>
<iframe src="${baseURL}/?gamma=0.3&lang=zh-TW#/embed/retnet" width="900" height="700" title="RetNet" loading="lazy"></iframe>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('the figure runs in the frame with the link’s state', async ({ page }) => {
    await page.goto(host);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('embed-figure')).toBeVisible();
    await expect(frame.getByTestId('gamma')).toHaveValue('0.3');
    await expect(frame.getByTestId('memory-length')).toContainText('1.4');
    await expect(frame.locator('h1')).toHaveCount(0);
  });
});

test('Copy embed code copies an iframe of the current view, in both languages', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/?gamma=0.4#/chapter/retnet');
  await expect(page.getByTestId('gamma')).toHaveValue('0.4');
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied: paste it into a page to show this figure there.');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toMatch(/^<iframe src="http:\/\/localhost:\d+\/\?[^"]*gamma=0\.4[^"]*#\/embed\/retnet" width="100%" height="\d+" title="Memory Lane — Chapter 5 · Forgetting on purpose: RetNet" loading="lazy" style="border:0"><\/iframe>$/);
  const height = Number(/height="(\d+)"/.exec(code)?.[1]);
  expect(height).toBeGreaterThan(300);

  // The copied link, opened as a frame opens it (a fresh page), shows the same view.
  const src = /src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&');
  const fresh = await context.newPage();
  await fresh.goto(src);
  await expect(fresh.getByTestId('embed-figure').getByTestId('gamma')).toHaveValue('0.4');
  await fresh.close();

  await page.goto('/?lang=zh-TW#/chapter/mamba');
  await page.getByTestId('embed-part').selectOption('scan');
  await page.getByRole('button', { name: '複製嵌入程式碼' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已複製' })).toBeVisible();
  const part = await page.evaluate(() => navigator.clipboard.readText());
  expect(part).toContain('#/embed/mamba/scan"');
  expect(part).toContain('title="記憶小徑 Memory Lane — 第 9 章 · 從控制理論走到 Mamba · 平行掃描"');
});
