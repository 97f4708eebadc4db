import { afterEach, describe, expect, it, vi } from 'vitest';

// katexFaces.ts keeps one promise per page: each case imports a fresh copy under its own stubbed document.
async function fresh() {
  vi.resetModules();
  return import('./katexFaces');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('loadKatexFaces', () => {
  it('asks for KaTeX’s main and math faces once, however many formulas ask', async () => {
    const load = vi.fn(() => Promise.resolve([]));
    vi.stubGlobal('document', { fonts: { load } });
    const { loadKatexFaces } = await fresh();
    await Promise.all([loadKatexFaces(), loadKatexFaces()]);
    expect(load.mock.calls.map((call) => (call as unknown[])[0])).toEqual(['1em KaTeX_Main', 'italic 1em KaTeX_Math']);
  });

  it('settles when a face fails to load: the fallback faces show', async () => {
    vi.stubGlobal('document', { fonts: { load: () => Promise.reject(new Error('blocked')) } });
    const { loadKatexFaces } = await fresh();
    await expect(loadKatexFaces()).resolves.toBeUndefined();
  });

  it('stops waiting after 3 s for a face that never arrives', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('document', { fonts: { load: () => new Promise(() => undefined) } });
    const { loadKatexFaces } = await fresh();
    let settled = false;
    void loadKatexFaces().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(2999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('has nothing to wait for without a document (build, tests)', async () => {
    vi.stubGlobal('document', undefined);
    const { loadKatexFaces } = await fresh();
    await expect(loadKatexFaces()).resolves.toBeUndefined();
  });
});

describe('hasKatex', () => {
  it('finds KaTeX’s markup, not the word', async () => {
    const { hasKatex } = await fresh();
    expect(hasKatex('<p>x <span class="katex"><span class="katex-mathml">…</span></span></p>')).toBe(true);
    expect(hasKatex('<p>KaTeX sets the formulas; class names are katex-*.</p>')).toBe(false);
  });
});
