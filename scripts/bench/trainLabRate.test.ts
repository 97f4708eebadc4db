import { describe, expect, it } from 'vitest';
import { computeStepsPerSecond, latencySummary, projectedSeconds, stepsPerSecond, trainLabShortfalls, trainLabTable, type TrainLabResponsiveness, type TrainLabRow } from './trainLabRate';

const row = (over: Partial<TrainLabRow>): TrainLabRow => ({
  mechanism: 'deltanet',
  backend: 'wasm',
  ran: 'wasm',
  readyMs: 1000,
  firstStepMs: 500,
  steps: 41,
  seconds: 8,
  stepsPerSecond: 5,
  computeStepsPerSecond: 6,
  projected300s: 60.3,
  ...over,
});

const quiet: TrainLabResponsiveness = {
  backend: 'wasm',
  mechanisms: ['linear_attention', 'deltanet'],
  stepsDuring: 30,
  pointer: { n: 40, p50Ms: 10, p95Ms: 20, maxMs: 30 },
  keys: { n: 8, p50Ms: 12, p95Ms: 25, maxMs: 25 },
};

describe('training-lab bench arithmetic', () => {
  it('steps per second start after step 1 (hand-checked)', () => {
    // Step 1 at 1000 ms, step 41 at 9000 ms: 40 steps in 8 s.
    const marks = [{ step: 0, t: 0 }, { step: 1, t: 1000 }, { step: 3, t: 1300 }, { step: 41, t: 9000 }];
    expect(stepsPerSecond(marks)).toBe(5);
    expect(stepsPerSecond([{ step: 0, t: 0 }, { step: 1, t: 10 }])).toBeNull(); // one step: no rate
    expect(stepsPerSecond([])).toBeNull();
  });

  it('compute steps per second use the summed step times, not the clock', () => {
    const marks = [{ step: 1, t: 1000, trainMs: 400 }, { step: 11, t: 9000, trainMs: 2400 }];
    expect(computeStepsPerSecond(marks)).toBe(5); // 10 steps in 2000 ms of compute
    expect(computeStepsPerSecond([{ step: 1, t: 0 }, { step: 5, t: 100 }])).toBeNull(); // no step times (two models)
  });

  it('300 steps: the first as measured, 299 at the rate', () => {
    expect(projectedSeconds(300, 5, 200)).toBeCloseTo(0.2 + 299 / 5, 12);
    expect(projectedSeconds(300, 5, null)).toBeCloseTo(59.8, 12);
    expect(projectedSeconds(300, null, 200)).toBeNull();
    expect(projectedSeconds(300, 0, 200)).toBeNull();
  });

  it('latency summary: nearest-rank p50, p95 and max', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1); // 1 … 20
    expect(latencySummary(xs)).toEqual({ n: 20, p50Ms: 10, p95Ms: 19, maxMs: 20 });
    expect(latencySummary([])).toEqual({ n: 0, p50Ms: null, p95Ms: null, maxMs: null });
  });

  it('shortfalls name slow rows, slow inputs, errors, and a WebGPU slower than WASM', () => {
    expect(trainLabShortfalls([row({ projected300s: 59 })], [quiet])).toEqual([]);
    const slow = trainLabShortfalls(
      [row({ projected300s: 75 }), row({ backend: 'webgpu', ran: 'webgpu', stepsPerSecond: 2, projected300s: 150 }), row({ mechanism: 'mamba', backend: 'webgpu', error: 'no adapter' })],
      [{ ...quiet, keys: { n: 8, p50Ms: 40, p95Ms: 80, maxMs: 90 } }],
    );
    expect(slow).toHaveLength(5);
    expect(slow[0]).toMatch(/^deltanet on wasm: 300 steps in 75 s > 60 s/);
    expect(slow[2]).toBe('mamba on webgpu: no adapter');
    expect(slow[3]).toMatch(/WebGPU .* slower than WASM/);
    expect(slow[4]).toMatch(/probe keys: .* p95 80\.0 ms > 50 ms/);
    expect(trainLabShortfalls([], [{ ...quiet, stepsDuring: 0 }])).toEqual(['while training (wasm): no step was trained during the inputs']);
  });

  it('a row too slow to time and rows not timed on purpose', () => {
    const rows = [
      row({ mechanism: 'deltanet', backend: 'webgpu', stepsPerSecond: null, computeStepsPerSecond: null, projected300s: null, note: 'no step after the first within 10 s' }),
      row({ mechanism: 'mamba', backend: 'webgpu', stepsPerSecond: null, projected300s: null, skipped: 'software adapter' }),
      row({ mechanism: 'gla', backend: 'webgpu', stepsPerSecond: null, projected300s: null, skipped: 'software adapter' }),
    ];
    expect(trainLabShortfalls(rows, [])).toEqual(['deltanet on webgpu: no step after the first within 10 s', 'not timed: mamba on webgpu, gla on webgpu (software adapter)']);
    const text = trainLabTable({ rows, responsiveness: [] });
    expect(text.split('\n').filter((l) => l.includes('not timed'))).toHaveLength(2);
  });

  it('the table has a line per row and per kind of input', () => {
    const text = trainLabTable({ rows: [row({}), row({ backend: 'webgpu', ran: 'wasm' })], responsiveness: [quiet] });
    expect(text).toContain('webgpu (ran wasm)');
    expect(text.split('\n').filter((l) => l.startsWith('deltanet'))).toHaveLength(2);
    expect(text).toContain('pointer over the chart');
    expect(text).toContain('keys on the probe choice');
  });
});
