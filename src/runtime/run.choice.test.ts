// 'auto' in runModel: a size not measured yet runs on WASM at once and is measured in idle time (both
// backends, through the one queue); later runs of that size use the backend with the smaller recorded
// time. A WebGPU that hangs while being measured leaves WASM chosen (the time limit still applies).
// Only which backend ran and what was recorded are asserted, never a duration.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { randomCase } from '../core/random';

const ran: string[] = [];
let gpuHangs = false;

// Sessions answer y = 2·x; WebGPU runs hang while gpuHangs is set.
vi.mock('./ort', async () => {
  const { fakeOrt } = await import('./fakeOrt.testkit');
  return { loadOrt: async () => fakeOrt({ hangRun: (ep) => ep === 'webgpu' && gpuHangs, ran: (ep) => ran.push(ep) }) };
});
vi.mock('./webgpu', () => ({ detectWebGpu: async () => ({ available: true }) }));
vi.mock('../models', () => ({
  prepareModel: (c: { mechanism: string }) => ({
    key: c.mechanism,
    build: () => new Uint8Array([1]),
    feeds: { x: { data: new Float32Array([1, 2]), dims: [2] } },
    outputNames: ['y'],
  }),
  decodeOutputs: () => ({ o: [[2, 4]], S_final: null }),
}));

const input = randomCase('linear_attention', { T: 6, dk: 3, dv: 2, seed: 1 });

beforeEach(async () => {
  vi.resetModules();
  vi.useRealTimers();
  ran.length = 0;
  gpuHangs = false;
  (await import('./backendChoice')).resetBackendChoice();
});

describe("runModel with 'auto'", () => {
  it('runs an unmeasured size on WASM, measures both in idle time, then uses the faster', async () => {
    vi.useFakeTimers();
    const { runModel } = await import('./run');
    const choice = await import('./backendChoice');
    const first = await runModel(input, 'parallel');
    expect(first.backend).toBe('wasm');
    expect(first.choice).toEqual({ state: 'measuring', backend: 'wasm', sizeClass: 'T8-d4' });
    await vi.advanceTimersByTimeAsync(1000); // idle: no requestIdleCallback in Node, a timer instead
    const t = choice.timingsFor('T8-d4');
    expect(t?.webgpuMs).not.toBeNull();
    expect(ran.filter((b) => b === 'webgpu')).toHaveLength(4); // one to compile, three warm
    expect(ran.filter((b) => b === 'wasm')).toHaveLength(4); // the page's run, three warm
    const next = await runModel(input, 'parallel');
    expect(next.choice).toEqual({ state: 'measured', backend: choice.faster(t!), sizeClass: 'T8-d4', timings: t });
    expect(next.backend).toBe(choice.faster(t!));
    // The other views and explicit backends are left alone.
    expect((await runModel(input, 'recurrent')).choice).toBeUndefined();
    expect((await runModel(input, 'parallel', { backend: 'webgpu' })).backend).toBe('webgpu');
  });

  it('uses recorded times as given, and the link wins over them', async () => {
    const { runModel } = await import('./run');
    const choice = await import('./backendChoice');
    choice.recordTimings('T8-d4', { webgpuMs: 2, wasmMs: 9 });
    expect((await runModel(input, 'parallel')).backend).toBe('webgpu');
    choice.recordTimings('T8-d4', { webgpuMs: 4, wasmMs: 0.2 });
    expect((await runModel(input, 'parallel')).backend).toBe('wasm');
    choice.setBackendPreference('webgpu');
    const linked = await runModel(input, 'parallel');
    expect(linked.backend).toBe('webgpu');
    expect(linked.choice).toEqual({ state: 'link', backend: 'webgpu' });
  });

  it('keeps WASM when WebGPU hangs while being measured', async () => {
    vi.useFakeTimers();
    gpuHangs = true;
    const { runModel, WEBGPU_TURN_LIMIT_MS } = await import('./run');
    const choice = await import('./backendChoice');
    expect((await runModel(input, 'parallel')).backend).toBe('wasm');
    await vi.advanceTimersByTimeAsync(1000 + WEBGPU_TURN_LIMIT_MS + 1000);
    expect(choice.timingsFor('T8-d4')).toMatchObject({ webgpuMs: null });
    const next = await runModel(input, 'parallel');
    expect(next.backend).toBe('wasm');
    expect(next.choice).toMatchObject({ state: 'measured', backend: 'wasm' });
  });
});

describe("runPrepared with 'auto'", () => {
  const graph = { key: 'trained-story', build: () => new Uint8Array([1]), feeds: { x: { data: new Float32Array([1, 2]), dims: [2] } }, outputNames: ['y'] };

  it('chooses per graph as runModel does per size: WASM while measuring, then the faster; explicit backends and the link are obeyed', async () => {
    vi.useFakeTimers();
    const { runPrepared } = await import('./run');
    const choice = await import('./backendChoice');
    const first = await runPrepared(graph);
    expect(first.backend).toBe('wasm');
    expect(first.outputs.y.data).toEqual(new Float32Array([2, 4]));
    expect(first.choice).toEqual({ state: 'measuring', backend: 'wasm', sizeClass: 'graph-trained-story' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran.filter((b) => b === 'webgpu')).toHaveLength(4);
    choice.recordTimings('graph-trained-story', { webgpuMs: 2, wasmMs: 9 });
    expect((await runPrepared(graph)).backend).toBe('webgpu');
    choice.recordTimings('graph-trained-story', { webgpuMs: 9, wasmMs: 2 });
    expect((await runPrepared(graph)).backend).toBe('wasm');
    expect((await runPrepared(graph, 'webgpu')).backend).toBe('webgpu');
    expect((await runPrepared(graph, 'webgpu')).choice).toBeUndefined();
    choice.setBackendPreference('webgpu');
    expect((await runPrepared(graph)).backend).toBe('webgpu');
  });
});
