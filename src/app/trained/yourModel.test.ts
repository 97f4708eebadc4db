// The learner's own model store: kept per task, the latest wins and names what it replaced, back after a reload of the tab
// (sessionStorage), a damaged saved entry is simply absent, and the lab's "Open" lands on the chapter
// whose trained panel runs the model's task.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readWeights } from '../../models/trained';
import { toTrainedFile } from '../../train/exportBin';
import type { ExportedModel } from '../../train/types';

/** sessionStorage as a plain Map (Node has none). */
function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** A one-tensor "model" is enough here: the store checks sizes, not architecture. */
function file(task: 'story' | 'mqar', value: number) {
  const model: ExportedModel = { id: 'x', task, mechanism: 'deltanet', layers: 1, d_model: 2, dk: 1, dv: 1, vocab: 3, tensors: [{ name: 'embed', shape: [3, 2], data: [value, 2, 3, 4, 5, 6] }] };
  return toTrainedFile(model, { seed: 1, steps: 7, trainSeconds: 0 });
}

beforeEach(() => {
  vi.stubGlobal('sessionStorage', fakeStorage());
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

describe('your model', () => {
  it('keeps one per task, the latest winning, and comes back after a reload', async () => {
    const store = await import('./yourModel');
    expect(store.yourModel('story')).toBeUndefined();
    const a = file('story', 1);
    store.keepYourModel(a.spec, a.bin, { kind: 'lab' });
    const b = file('story', 0.5);
    store.keepYourModel(b.spec, b.bin, { kind: 'file', name: 'b.json' });
    expect(store.yourModel('mqar')).toBeUndefined();
    expect(store.yourModel('story')?.weights.get('embed').data[0]).toBe(0.5);

    vi.resetModules(); // a reload: the module's memory is gone, sessionStorage is not
    const again = await import('./yourModel');
    const back = again.yourModel('story');
    expect(back?.from).toEqual({ kind: 'file', name: 'b.json' });
    expect(back?.spec.steps).toBe(7);
    expect(Array.from(back?.weights.get('embed').data ?? [])).toEqual([0.5, 2, 3, 4, 5, 6]);
  });

  it('names the model it replaced (not the same weights opened again), and keeps the weights it is given', async () => {
    const store = await import('./yourModel');
    const a = file('story', 1);
    expect(store.keepYourModel(a.spec, a.bin, { kind: 'lab' }).replaced).toBeUndefined();
    expect(store.keepYourModel(a.spec, a.bin, { kind: 'file', name: 'a.json' }).replaced).toBeUndefined(); // the same weights
    const b = file('story', 0.5);
    const decoded = readWeights(b.spec, b.bin);
    const kept = store.keepYourModel({ ...b.spec, steps: 9 }, b.bin, { kind: 'file', name: 'b.json' }, decoded);
    expect(kept.weights).toBe(decoded); // not decoded a second time
    expect(kept.replaced).toEqual({ mechanism: 'deltanet', steps: 7 });
    expect(store.keepYourModel(file('mqar', 1).spec, file('mqar', 1).bin, { kind: 'lab' }).replaced).toBeUndefined(); // another task
    vi.resetModules();
    const again = await import('./yourModel');
    expect(again.yourModel('story')?.replaced).toEqual({ mechanism: 'deltanet', steps: 7 });
  });

  it('a damaged saved entry is absent, not an error', async () => {
    sessionStorage.setItem('memory-lane.your-model.story', '{"spec": {"bytes": 99, "tensors": []}, "bin": "AAAA"}');
    const store = await import('./yourModel');
    expect(store.yourModel('story')).toBeUndefined();
  });

  it('a show request is for its task only and is spent once cleared', async () => {
    const store = await import('./yourModel');
    store.requestShow('mqar');
    expect(store.showRequestFor('story')).toBeNull();
    expect(store.showRequestFor('mqar')).toBe('mqar');
    expect(store.showRequestFor()).toBe('mqar'); // the playground runs any task
    store.clearShowRequest();
    expect(store.showRequestFor('mqar')).toBeNull();
  });

  it('opens the chapter whose panel runs the task, the one showing the mechanism when there is one', async () => {
    const { chapterFor } = await import('./yourModel');
    expect(chapterFor('story', 'deltanet')?.number).toBe(8);
    expect(chapterFor('story', 'mamba2')?.number).toBe(6);
    expect(chapterFor('story', 'gla')?.number).toBe(6);
    expect(chapterFor('mqar', 'deltanet')?.number).toBe(4);
    expect(chapterFor('selective_copy', 'mamba')?.number).toBe(9);
  });
});
