// The training lab's pieces without a worker or a DOM: the run reducer, the link's schemas, the
// probe → figure mapping (against hand-computed memories) and the page's static markup.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runReference } from '../../core';
import type { ProbeReading, TrainEvent } from '../../train/types';
import { LangContext } from '../i18n';
import { readParam } from '../state/schema';
import { FakeTrainer } from './fakeTrainer';
import { lineStyle, REGISTRY_OF, TRAIN_MECHANISMS } from './mechanisms';
import { probeCase } from './probeCase';
import { trainedStrings } from '../trained/trained.strings';
import { runErrorLine } from './runErrorLine';
import { trainStrings } from './train.strings';
import { EMPTY_RUN, MAX_POINTS, latestAccuracy, latestAccuracyPoint, reduceRun } from './runState';
import { ablationsParam, backendParam, batchParam, dModelParam, levelParam, mechanismsParam, seedParam, taskParam } from './settings';
import { TrainChart } from './TrainChart';
import { TrainPage } from './TrainPage';
import { GateStrips } from './GateStrips';
import { ablationApplies } from '../../train/params';

const progress = (step: number, accuracy?: number, stepMs = 200): TrainEvent => ({
  kind: 'progress',
  progress: [{ mechanism: 'deltanet', step, loss: 1 / step, accuracy, stepsPerSecond: 5, stepMs, backend: 'wasm' }],
});

describe('run state', () => {
  it('folds progress into curves and counters', () => {
    let s = reduceRun(EMPTY_RUN, { kind: 'state', state: 'training', step: 0 });
    s = reduceRun(s, progress(1));
    s = reduceRun(s, progress(2, 0.25));
    s = reduceRun(s, progress(2, 0.9)); // a repeated step changes nothing
    expect(s.step).toBe(2);
    expect(s.phase).toBe('training');
    expect(s.backend).toBe('wasm');
    expect(s.runs.deltanet?.loss).toEqual([{ step: 1, loss: 1 }, { step: 2, loss: 0.5 }]);
    expect(s.runs.deltanet?.accuracy).toEqual([{ step: 2, accuracy: 0.25 }]);
    expect(latestAccuracy(s.runs.deltanet)).toBe(0.25);
    expect(latestAccuracy(s.runs.gla)).toBeNull();
    expect(latestAccuracyPoint(s.runs.deltanet)).toEqual({ step: 2, accuracy: 0.25 });
  });
  it('times a model by its own steps: pauses and repeated reports add nothing, a reset starts again', () => {
    // The engine reports each step's milliseconds; here they are given, so no clock is read.
    let s = reduceRun(EMPTY_RUN, { kind: 'state', state: 'training', step: 0 });
    s = reduceRun(s, progress(1, undefined, 250));
    s = reduceRun(s, progress(2, undefined, 125));
    s = reduceRun(s, { kind: 'state', state: 'paused', step: 2 });
    s = reduceRun(s, progress(2, undefined, 999)); // the same step again
    s = reduceRun(s, { kind: 'state', state: 'training', step: 2 });
    s = reduceRun(s, progress(3, undefined, Number.NaN)); // an unusable time counts as none
    s = reduceRun(s, progress(4, undefined, 625));
    expect(s.runs.deltanet?.trainMs).toBe(1000);
    s = reduceRun(s, { kind: 'state', state: 'idle', step: 0 });
    s = reduceRun(s, progress(1, undefined, 50));
    expect(s.runs.deltanet?.trainMs).toBe(50);
  });
  it('starts the curves again when the engine is reset (idle at step 0)', () => {
    let s = reduceRun(EMPTY_RUN, progress(5, 0.5));
    s = reduceRun(s, { kind: 'state', state: 'idle', step: 0 });
    expect(s.step).toBe(0);
    expect(s.runs).toEqual({});
  });
  it('an error pauses the run and is kept for the page', () => {
    let s = reduceRun(EMPTY_RUN, { kind: 'state', state: 'training', step: 3 });
    s = reduceRun(s, { kind: 'error', message: 'out of memory' });
    expect(s).toMatchObject({ phase: 'paused', error: { message: 'out of memory' }, step: 3 });
  });
  it('the pause the engine sends after an error keeps the error; a new start clears it', () => {
    const failed = { mechanism: 'gla', step: 4, nonFiniteLoss: false } as const;
    let s = reduceRun(EMPTY_RUN, { kind: 'state', state: 'training', step: 3 });
    s = reduceRun(s, { kind: 'error', message: 'kernel failed', failed });
    s = reduceRun(s, { kind: 'state', state: 'paused', step: 3 });
    expect(s).toMatchObject({ phase: 'paused', step: 3, error: { message: 'kernel failed', failed } });
    s = reduceRun(s, { kind: 'state', state: 'training', step: 3 });
    expect(s.error).toBeNull();
  });
  it('a step that failed is not counted: the counter stays at the last step every model completed, the curves stay', () => {
    // Two models; at step 3 linear attention steps, then DeltaNet's step throws (the engine reports the
    // models that did step, the error, then the pause with the count of completed steps: 2).
    const two = (step: number): TrainEvent => ({
      kind: 'progress',
      progress: (['linear_attention', 'deltanet'] as const).map((mechanism) => ({ mechanism, step, loss: 1 / step, stepsPerSecond: 5, stepMs: 100, backend: 'wasm' as const })),
    });
    let s = reduceRun(EMPTY_RUN, { kind: 'state', state: 'training', step: 0 });
    s = reduceRun(reduceRun(s, two(1)), two(2));
    s = reduceRun(s, { kind: 'progress', progress: [{ mechanism: 'linear_attention', step: 3, loss: 0.3, stepsPerSecond: 5, stepMs: 100, backend: 'wasm' }] });
    s = reduceRun(s, { kind: 'error', message: 'kernel failed', failed: { mechanism: 'deltanet', step: 3, nonFiniteLoss: false } });
    s = reduceRun(s, { kind: 'state', state: 'paused', step: 2 });
    expect(s).toMatchObject({ phase: 'paused', step: 2, error: { message: 'kernel failed' } });
    expect(s.runs.linear_attention?.loss.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(s.runs.deltanet?.loss.map((p) => p.step)).toEqual([1, 2]);
  });
  it('a failure in one of four models is shown for that model, in both languages', () => {
    let s = reduceRun(EMPTY_RUN, { kind: 'state', state: 'training', step: 2 });
    s = reduceRun(s, { kind: 'error', message: 'the loss is NaN', failed: { mechanism: 'deltanet', step: 3, nonFiniteLoss: true } });
    s = reduceRun(s, { kind: 'state', state: 'paused', step: 2 });
    const line = (lang: 'en' | 'zh-TW') => runErrorLine(trainStrings[lang], trainedStrings[lang].mechanisms, s.error!);
    expect(line('en')).toContain(trainedStrings.en.mechanisms.deltanet);
    expect(line('en')).toContain('step 3');
    expect(line('en')).not.toContain('NaN');
    expect(line('zh-TW')).toContain(trainedStrings['zh-TW'].mechanisms.deltanet);
    expect(line('zh-TW')).toContain('第 3 步');
    const kernel = { message: 'kernel failed', failed: { mechanism: 'gla', step: 2, nonFiniteLoss: false } } as const;
    expect(runErrorLine(trainStrings.en, trainedStrings.en.mechanisms, kernel)).toContain('kernel failed');
    expect(runErrorLine(trainStrings.en, trainedStrings.en.mechanisms, { message: 'no worker' })).toBe('Training stopped: no worker');
  });
  it('a NaN loss is not drawn', () => {
    const s = reduceRun(EMPTY_RUN, { kind: 'progress', progress: [{ mechanism: 'gla', step: 1, loss: Number.NaN, stepsPerSecond: 1, stepMs: 1, backend: 'cpu' }] });
    expect(s.runs.gla?.loss).toEqual([]);
  });
  it('long runs are thinned, keeping the newest point', () => {
    let s = EMPTY_RUN;
    for (let i = 1; i <= 3 * MAX_POINTS; i++) s = reduceRun(s, progress(i));
    const loss = s.runs.deltanet!.loss;
    expect(loss.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(loss.at(-1)!.step).toBe(3 * MAX_POINTS);
    expect(loss[0].step).toBe(1);
  });
});

describe('the link', () => {
  it('reads and writes each setting', () => {
    expect(readParam(taskParam, 'story')).toEqual({ ok: true, value: 'story' });
    expect(readParam(taskParam, 'chess')).toMatchObject({ ok: false, problem: { code: 'unknown-choice' } });
    expect(readParam(levelParam('mqar'), '99')).toMatchObject({ ok: true, value: 32, problem: { code: 'out-of-range' } });
    expect(readParam(levelParam('story'), '0')).toMatchObject({ ok: true, value: 1, problem: { code: 'out-of-range' } });
    expect(readParam(dModelParam, '32')).toEqual({ ok: true, value: 32 });
    expect(readParam(dModelParam, '64')).toMatchObject({ ok: false, problem: { code: 'unknown-choice' } });
    expect(readParam(seedParam, '-3')).toMatchObject({ ok: true, value: 0 });
    expect(readParam(backendParam, 'wasm')).toEqual({ ok: true, value: 'wasm' });
    expect(readParam(backendParam, 'tpu')).toMatchObject({ ok: false, problem: { code: 'unknown-choice' } });
    expect(readParam(seedParam, 'abc')).toMatchObject({ ok: false, problem: { code: 'not-a-number' } });
    expect(readParam(batchParam, '64')).toEqual({ ok: true, value: 64 });
    expect(readParam(batchParam, '48')).toMatchObject({ ok: false, problem: { code: 'unknown-choice' } });
  });
  it('mechanisms: one to four, in the link’s order, unknown ones named', () => {
    expect(readParam(mechanismsParam, 'deltanet,linear_attention')).toEqual({ ok: true, value: ['deltanet', 'linear_attention'] });
    expect(readParam(mechanismsParam, 'deltanet,lstm')).toMatchObject({ ok: true, value: ['deltanet'], problem: { code: 'unknown-item', values: { item: 'lstm' } } });
    expect(readParam(mechanismsParam, 'lstm')).toMatchObject({ ok: false });
    expect(readParam(mechanismsParam, 'gla,gla,retnet,mamba,mamba2,deltanet')).toMatchObject({ ok: true, value: ['gla', 'retnet', 'mamba', 'mamba2'], problem: { code: 'too-many', values: { max: '4' } } });
    expect(mechanismsParam.format(['mamba', 'gla'])).toBe('mamba,gla');
  });
  it('ablations round-trip', () => {
    const p = readParam(ablationsParam, 'nodelta,freezekeys');
    expect(p).toEqual({ ok: true, value: { noGate: false, noDelta: true, freezeKeys: true } });
    expect(ablationsParam.format({ noGate: true, noDelta: false, freezeKeys: true })).toBe('nogate,freezekeys');
    expect(readParam(ablationsParam, 'nogate,nope')).toMatchObject({ ok: true, value: { noGate: true }, problem: { code: 'unknown-item' } });
  });
});

describe('mechanisms', () => {
  it('every training id has a registry colour and dash, all different', () => {
    const styles = TRAIN_MECHANISMS.map(lineStyle);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(TRAIN_MECHANISMS.length);
    expect(REGISTRY_OF.mamba2).toBe('mamba2');
  });
  it('ablations apply where the lecture says there is something to remove', () => {
    expect(ablationApplies('deltanet', 'noDelta')).toBe(true);
    expect(ablationApplies('linear_attention', 'noDelta')).toBe(false);
    expect(ablationApplies('linear_attention', 'noGate')).toBe(false);
    expect(ablationApplies('gated_deltanet', 'noGate')).toBe(true);
  });
});

const reading = (r: Partial<ProbeReading> & Pick<ProbeReading, 'mechanism'>): ProbeReading => ({
  tokens: [1, 2],
  // Two writes under the same key e₁: first the value (2, 0), then (0, 3).
  q: [[1, 0], [1, 0]],
  k: [[1, 0], [1, 0]],
  v: [[2, 0], [0, 3]],
  predictions: [0, 0],
  ...r,
});

describe('the probe as a memory figure', () => {
  // Hand-computed final memories S_2 (rows: value channels, columns: key dimensions).
  it('linear attention adds both writes', () => {
    const c = probeCase(reading({ mechanism: 'linear_attention' }))!;
    expect(runReference(c, 'recurrent').S_final).toEqual([[2, 0], [3, 0]]);
  });
  it('DeltaNet with β = 1 overwrites the first value', () => {
    const c = probeCase(reading({ mechanism: 'deltanet', beta: [1, 1] }))!;
    const S = runReference(c, 'recurrent').S_final!;
    expect(S[0][0]).toBeCloseTo(0, 12);
    expect(S[1][0]).toBeCloseTo(3, 12);
  });
  it('gated retention / Mamba-2 decays by γ_t: S_2 = γ₂ v₁k₁ᵀ + v₂k₂ᵀ', () => {
    const c = probeCase(reading({ mechanism: 'mamba2', gamma: [0.5, 0.5] }))!;
    const S = runReference(c, 'recurrent').S_final!;
    expect(S[0][0]).toBeCloseTo(1, 12);
    expect(S[1][0]).toBeCloseTo(3, 12);
  });
  it('Gated DeltaNet with β = 1 and α₂ = 0.5: the decayed old value is erased, only v₂ remains', () => {
    const S = runReference(probeCase(reading({ mechanism: 'gated_deltanet', beta: [1, 1], gamma: [0.5, 0.5] }))!, 'recurrent').S_final!;
    expect(S[0][0]).toBeCloseTo(0, 12);
    expect(S[1][0]).toBeCloseTo(3, 12);
  });
  it('an ablated gate or delta correction (absent from the reading) gives the rule without it', () => {
    // No β (plain write): DeltaNet adds like linear attention.
    expect(runReference(probeCase(reading({ mechanism: 'deltanet' }))!, 'recurrent').S_final).toEqual([[2, 0], [3, 0]]);
    // No γ (α = 1): RetNet keeps everything.
    expect(runReference(probeCase(reading({ mechanism: 'retnet' }))!, 'recurrent').S_final).toEqual([[2, 0], [3, 0]]);
    // No β, γ₂ = 0.5: Gated DeltaNet becomes gated retention, S₂ = 0.5·v₁k₁ᵀ + v₂k₂ᵀ.
    const S = runReference(probeCase(reading({ mechanism: 'gated_deltanet', gamma: [0.5, 0.5] }))!, 'recurrent').S_final!;
    expect(S[0][0]).toBeCloseTo(1, 12);
    expect(S[1][0]).toBeCloseTo(3, 12);
  });
  it('mechanisms the reading cannot rebuild get no figure', () => {
    expect(probeCase(reading({ mechanism: 'gla', gamma: [0.5, 0.5] }))).toBeNull();
    expect(probeCase(reading({ mechanism: 'mamba', delta: [0.1, 0.2] }))).toBeNull();
    expect(probeCase(reading({ mechanism: 'softmax_attention' }))).toBeNull();
    expect(probeCase(reading({ mechanism: 'deltanet', beta: [1, Number.NaN] }))).toBeNull();
    expect(probeCase(reading({ mechanism: 'mamba2', gamma: [0.5] }))).toBeNull(); // one value short
  });
});

describe('the page as markup', () => {
  const render = (el: React.ReactElement, lang: 'en' | 'zh-TW' = 'en') => renderToStaticMarkup(<LangContext.Provider value={{ lang }}>{el}</LangContext.Provider>);
  it('renders its controls in both languages, the buttons waiting for the engine', () => {
    const load = () => Promise.resolve(new FakeTrainer());
    const en = render(<TrainPage load={load} />);
    expect(en).toContain('Training lab');
    expect(en).toMatch(/data-testid="train-start"[^>]*disabled/);
    expect(en).toContain('data-step="0"');
    const zh = render(<TrainPage load={load} />, 'zh-TW');
    expect(zh).toContain('訓練實驗室');
    expect(zh).toContain('開始訓練');
  });
  it('the chart draws one group per series with its dash', () => {
    const m = render(
      <TrainChart
        series={[{ id: 'deltanet', label: 'DeltaNet', style: lineStyle('deltanet'), loss: [{ step: 1, loss: 2 }, { step: 2, loss: 1 }], accuracy: [{ step: 2, accuracy: 0.5 }, { step: 4, accuracy: 0.75 }] }]}
        chance={1 / 32}
        labels={{ step: 'Step', loss: 'Loss', accuracy: 'Accuracy', chance: 'chance', picture: 'pic' }}
      />,
    );
    expect(m).toContain('data-series="deltanet"');
    expect(m).toContain(`stroke-dasharray="${lineStyle('deltanet').dash}"`);
    expect(m).toContain('role="img"');
  });
  it('gate strips: one row per gate the reading has, values printed', () => {
    const m = render(<GateStrips reading={reading({ mechanism: 'gated_deltanet', beta: [0.25, 0.75], gamma: [0.9, 0.5] })} tokens={['a', 'b']} />);
    expect(m).toContain('data-gate="beta"');
    expect(m).toContain('data-gate="gamma"');
    expect(m).not.toContain('data-gate="delta"');
    expect(m).toContain('0.75');
    expect(render(<GateStrips reading={reading({ mechanism: 'linear_attention' })} tokens={['a', 'b']} />)).toContain('train-no-gates');
  });
});

describe('the fake trainer', () => {
  it('counts steps like the engine', async () => {
    const t = new FakeTrainer();
    const events: TrainEvent[] = [];
    t.subscribe((e) => events.push(e));
    await t.configure({ task: 'mqar', level: 4, dModel: 16, layers: 1, mechanisms: ['deltanet'], ablations: { noGate: false, noDelta: false, freezeKeys: false }, seed: 1, batch: 8, learningRate: 1e-3, backend: 'cpu' });
    await t.stepOnce();
    await t.stepOnce();
    const s = events.reduce(reduceRun, EMPTY_RUN);
    expect(s.step).toBe(2);
    expect(s.phase).toBe('paused');
    await t.reset();
    expect([...events].reduce(reduceRun, EMPTY_RUN).step).toBe(0);
  });
});
