import { describe, expect, it } from 'vitest';
import { compare, configMismatch, parityTable, type ManifestModel, type ParityResults } from './trainParityRows';

const model: ManifestModel = { task: 'story', mechanism: 'deltanet', layers: 1, d_model: 32, seed: 1, steps: 2000, batch: 64, accuracy: { '2': 1, '4': 0.91 } };

describe('the parity check', () => {
  it('measures each level in points and holds every level to the bar', () => {
    expect(compare({ '2': 0.96, '4': 0.86 }, { '2': 1, '4': 0.91 })).toEqual({ diffPoints: { '2': -4, '4': -5 }, within: true });
    expect(compare({ '2': 1, '4': 0.85 }, { '2': 1, '4': 0.91 })).toEqual({ diffPoints: { '2': 0, '4': -6 }, within: false });
    // Above the manifest by more than the bar is not "reproduced" either; a level not scored fails.
    expect(compare({ '2': 1, '4': 0.97 }, { '2': 1, '4': 0.91 }).within).toBe(false);
    expect(compare({ '2': 1 }, { '2': 1, '4': 0.91 })).toEqual({ diffPoints: { '2': 0 }, within: false });
  });
  it('refuses a run whose engine setup is not the manifest’s, naming each setting', () => {
    const heard = { batch: 64, level: 16, dModel: 32, layers: 1, seed: 1, mechanisms: ['deltanet'], backend: 'wasm' };
    expect(configMismatch(heard, model, 16)).toBeNull();
    expect(configMismatch({ ...heard, batch: 32, seed: 2 }, model, 16)).toBe('the engine was set up with batch 32 (manifest: 64), seed 2 (manifest: 1)');
    expect(configMismatch(null, model, 16)).toBe('the page sent the engine no setup');
  });
  it('prints one line per model with browser / manifest (Δ) per level', () => {
    const r: ParityResults = {
      date: '',
      chromium: '1',
      backend: 'wasm',
      points: 5,
      differences: [],
      rows: [{ task: 'story', mechanism: 'deltanet', url: '', steps: 2000, stepsRun: 2003, wallSeconds: 1, lab: { level: 16, accuracy: 1, step: 2000 }, browser: { '2': 1, '4': 0.85 }, manifest: model.accuracy, diffPoints: { '2': 0, '4': -6 }, within: false }],
    };
    const line = parityTable(r).split('\n').find((l) => l.startsWith('deltanet'))!;
    expect(line).toContain('100.0 /100.0 (0.0)');
    expect(line).toContain('85.0 / 91.0 (-6.0)');
    expect(line.trim().endsWith('NO')).toBe(true);
  });
});
