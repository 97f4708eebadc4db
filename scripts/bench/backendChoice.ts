// The bench's backend-choice rows: per size, the warm WebGPU and WASM times the page measured in idle
// time (src/runtime/backendChoice.ts) and the backend 'auto' chose, read from the playground's
// parallel badge (data-webgpu-ms, data-wasm-ms, data-choice). WebGPU flags on.
import type { Browser } from '@playwright/test';

export const CHOICE_SIZES = [16, 64, 256] as const;
const CHOICE_D = 16;

export interface BackendChoiceRow {
  T: number;
  d: number;
  webgpuMs: number | null;
  wasmMs: number | null;
  choice: string | null;
  error?: string;
}

export async function backendChoiceRow(browser: Browser, base: string, T: number): Promise<BackendChoiceRow> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const empty = { T, d: CHOICE_D, webgpuMs: null, wasmMs: null, choice: null };
  try {
    await page.goto(`${base}/?lang=en&pg=m:linear_attention,T:${T},dk:${CHOICE_D},dv:${CHOICE_D}#/playground`);
    const badge = page.locator('[data-testid="pg-backend-parallel"][data-choice-by="measured"]');
    await badge.waitFor({ state: 'attached', timeout: 120_000 });
    const [gpu, cpu, choice] = await Promise.all(['data-webgpu-ms', 'data-wasm-ms', 'data-choice'].map((a) => badge.getAttribute(a)));
    const ms = (text: string | null) => (text === null || text === 'failed' ? null : Math.round(Number(text) * 100) / 100);
    return { ...empty, webgpuMs: ms(gpu), wasmMs: ms(cpu), choice };
  } catch (e) {
    return { ...empty, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    await context.close();
  }
}

export function backendChoiceRows(rows: readonly BackendChoiceRow[]): string[][] {
  const f = (x: number | null) => (x === null ? '—' : `${x} ms`);
  return rows.map((r) => [
    `backend choice T=${r.T} d=${r.d}`,
    r.error ? `— (${r.error})` : `WebGPU ${f(r.webgpuMs)} · WASM ${f(r.wasmMs)} → ${r.choice ?? '—'}`,
    'the faster',
  ]);
}
