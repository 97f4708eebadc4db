// The 'auto' choice with injected timings (no clock): the measured faster backend wins, WASM while
// measuring or when WebGPU failed, and the link's wish overrides both.
import { beforeEach, describe, expect, it } from 'vitest';
import { chooseBackend, faster, onTimings, recordTimings, resetBackendChoice, sizeClass, timingsFor } from './backendChoice';

beforeEach(() => resetBackendChoice());

describe('sizeClass', () => {
  it('groups by the next power of two of T and of the wider of dk, dv', () => {
    expect(sizeClass({ T: 8, dk: 4, dv: 4 })).toBe('T8-d4');
    expect(sizeClass({ T: 6, dk: 3, dv: 2 })).toBe('T8-d4');
    expect(sizeClass({ T: 9, dk: 2, dv: 5 })).toBe('T16-d8');
    expect(sizeClass({ T: 1, dk: 1, dv: 1 })).toBe('T1-d1');
    expect(sizeClass({ T: 1024, dk: 64, dv: 64 })).toBe('T1024-d64');
  });
});

describe('faster', () => {
  it('picks the smaller time', () => {
    expect(faster({ webgpuMs: 4, wasmMs: 0.2 })).toBe('wasm');
    expect(faster({ webgpuMs: 3, wasmMs: 40 })).toBe('webgpu');
  });
  it('keeps the CPU on a tie and when WebGPU failed while measuring', () => {
    expect(faster({ webgpuMs: 1, wasmMs: 1 })).toBe('wasm');
    expect(faster({ webgpuMs: null, wasmMs: 1000 })).toBe('wasm');
  });
});

describe('chooseBackend', () => {
  it('runs on WASM while a size class is not measured yet', () => {
    expect(chooseBackend('auto', 'T8-d4', undefined)).toEqual({ state: 'measuring', backend: 'wasm', sizeClass: 'T8-d4' });
  });
  it('uses the measured faster backend, with its times', () => {
    const timings = { webgpuMs: 2, wasmMs: 9 };
    expect(chooseBackend('auto', 'T256-d16', timings)).toEqual({ state: 'measured', backend: 'webgpu', sizeClass: 'T256-d16', timings });
    expect(chooseBackend('auto', 'T8-d4', { webgpuMs: 4, wasmMs: 0.2 }).backend).toBe('wasm');
  });
  it('follows the link whatever was measured', () => {
    expect(chooseBackend('webgpu', 'T8-d4', { webgpuMs: 4, wasmMs: 0.2 })).toEqual({ state: 'link', backend: 'webgpu' });
    expect(chooseBackend('wasm', 'T8-d4', undefined)).toEqual({ state: 'link', backend: 'wasm' });
  });
});

describe('the measurements', () => {
  it('are kept per size class and announced', () => {
    let calls = 0;
    const stop = onTimings(() => calls++);
    expect(timingsFor('T8-d4')).toBeUndefined();
    recordTimings('T8-d4', { webgpuMs: 4, wasmMs: 0.2 });
    expect(timingsFor('T8-d4')).toEqual({ webgpuMs: 4, wasmMs: 0.2 });
    expect(timingsFor('T16-d4')).toBeUndefined();
    expect(calls).toBe(1);
    stop();
    recordTimings('T16-d4', { webgpuMs: null, wasmMs: 1 });
    expect(calls).toBe(1);
  });
});
