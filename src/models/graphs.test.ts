// Structural checks on the graphs themselves (no onnxruntime needed).
import { describe, expect, it } from 'vitest';
import { MECHANISMS } from '../core/cases';
import type { RuleMechanism } from './adapter';
import { buildChunkwise } from './chunkwise';
import { buildParallel } from './parallel';
import { buildRecurrent } from './recurrent';
import { buildSoftmaxParallel } from './softmax';

const RULE = MECHANISMS.filter((m): m is RuleMechanism => m !== 'softmax_attention');

/** Ops the parallel graphs may not use: WebGPU runs none of these well (or at all). */
const FORBIDDEN = ['Scan', 'Loop', 'If', 'Trilu', 'CumSum'];

describe('parallel graphs are WebGPU-friendly', () => {
  it.each([...RULE, 'softmax_attention' as const])('%s: no Scan / Loop / If / Trilu / CumSum', (m) => {
    const graphs = m === 'softmax_attention' ? [buildSoftmaxParallel()] : [0, 3, 8].map((f) => buildParallel(m, f));
    for (const g of graphs) {
      const ops = g.opTypes();
      for (const bad of FORBIDDEN) expect(ops.has(bad), `${m} uses ${bad}`).toBe(false);
    }
  });
});

describe('graph bytes', () => {
  it('are deterministic for a given mechanism, view and variant', () => {
    for (const m of RULE) {
      expect(buildParallel(m, 3).toBytes()).toEqual(buildParallel(m, 3).toBytes());
      expect(buildRecurrent(m).toBytes()).toEqual(buildRecurrent(m).toBytes());
      expect(buildChunkwise(m, 3).toBytes()).toEqual(buildChunkwise(m, 3).toBytes());
    }
  });

  it('recurrent and chunkwise graphs do loop (one Scan)', () => {
    for (const m of RULE) {
      expect(buildRecurrent(m).opTypes().has('Scan')).toBe(true);
      expect(buildChunkwise(m, 4).opTypes().has('Scan')).toBe(true);
    }
  });
});
