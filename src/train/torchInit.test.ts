// The lab's initial weights against PyTorch's own (scripts/train/torch_init_golden.py, torch 2.13, CPU):
// every mechanism, both d_model sizes, one and two layers, three seeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TaskId } from '../core/tasks';
import { initParams, mt19937 } from './torchInit';
import type { TrainMechanism } from './types';

interface Golden {
  cases: { task: TaskId; mechanism: TrainMechanism; layers: number; vocab: number; dModel: number; seed: number; tensors: { name: string; shape: number[]; head: number[]; sum: number; sumAbs: number }[] }[];
}
const golden = JSON.parse(readFileSync(new URL('../../scripts/train/golden/torch-init.json', import.meta.url), 'utf8')) as Golden;

describe('PyTorch initial weights', () => {
  it('draws MT19937 as the reference generator does (seed 5489: 3499211612, then 581869302; 10000th value 4123659995)', () => {
    const next = mt19937(5489);
    expect([next(), next()]).toEqual([3499211612, 581869302]);
    for (let i = 3; i < 10000; i++) next();
    expect(next()).toBe(4123659995);
  });

  it.each(golden.cases.map((c) => [`${c.task}/${c.mechanism} d_model ${c.dModel}, ${c.layers} layer(s), seed ${c.seed}`, c] as const))('%s', (_, c) => {
    const size = { mechanism: c.mechanism, vocab: c.vocab, layers: c.layers, dModel: c.dModel, dk: c.dModel / 2, dv: c.dModel / 2 };
    const mine = initParams(size, c.seed);
    expect([...mine.keys()]).toEqual(c.tensors.map((t) => t.name));
    for (const t of c.tensors) {
      const v = mine.get(t.name)!;
      expect(v.length, t.name).toBe(t.shape.reduce((a, b) => a * b, 1));
      // The uniform draws agree to the bit; the embedding's normals to float32 rounding of log, cos and sin.
      const tol = t.name === 'embed' ? 1e-5 : 1e-7;
      t.head.forEach((x, i) => expect(Math.abs(v[i] - x), `${t.name}[${i}]`).toBeLessThanOrEqual(tol));
      let sum = 0;
      let sumAbs = 0;
      for (const x of v) {
        sum += x;
        sumAbs += Math.abs(x);
      }
      expect(Math.abs(sum - t.sum), `${t.name} sum`).toBeLessThanOrEqual(tol * v.length);
      expect(Math.abs(sumAbs - t.sumAbs), `${t.name} sum |x|`).toBeLessThanOrEqual(tol * v.length);
    }
  });
});
