// The exported models, rebuilt as ONNX graphs and run with onnxruntime-web's WASM backend, against
// (1) PyTorch's own logits for saved inputs and (2) the held-out accuracy the training script recorded.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { IGNORE, heldOut, type TaskId } from '../core/tasks';
import { runInNode, releaseNodeSessions } from './run-node';
import { decodeTrained, prepareTrained, readWeights, WeightsError, type TrainedSpec } from './trained';

interface Manifest {
  heldOut: { seed: number; per_level: number };
  models: TrainedSpec[];
}
const manifest = JSON.parse(readFileSync('public/models/manifest.json', 'utf8')) as Manifest;
const bytesOf = (spec: TrainedSpec): ArrayBuffer => {
  const b = readFileSync(`public/models/${spec.file}`);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};
const goldens = new Map<string, Record<string, { tokens: number[]; logits: number[][] }[]>>();
const goldenOf = (task: string) => {
  if (!goldens.has(task)) goldens.set(task, JSON.parse(readFileSync(`scripts/train/golden/${task}.json`, 'utf8')));
  return goldens.get(task)!;
};

afterAll(releaseNodeSessions);

describe('trained models', () => {
  it('ship all of them together in at most 3 MB', () => {
    expect(manifest.models.length).toBeGreaterThanOrEqual(24);
    expect(manifest.models.reduce((s, m) => s + m.bytes, 0)).toBeLessThanOrEqual(3 * 1024 * 1024);
  });

  for (const spec of manifest.models) {
    describe(spec.id, () => {
      const weights = readWeights(spec, bytesOf(spec));

      // PyTorch's logits were computed in float64 from the same float32 weights. The bound is 1e-4, or
      // docs/design.md's float32 bound 1e-5 · ‖logits‖∞ where that is larger: only the Mamba-1 models, with
      // logits near 90, need it (their cumulative-decay form in float32 ends about 1.2e-4 away).
      it('ONNX forward = PyTorch forward on the saved inputs (logits within max(1e-4, 1e-5·‖logits‖∞))', async () => {
        for (const g of goldenOf(spec.task)[spec.mechanism]) {
          const { outputs } = await runInNode(prepareTrained(spec, weights, g.tokens));
          const { logits } = decodeTrained(spec, outputs);
          let worst = 0;
          let scale = 0;
          logits.forEach((row, t) =>
            row.forEach((z, j) => {
              worst = Math.max(worst, Math.abs(z - g.logits[t][j]));
              scale = Math.max(scale, Math.abs(g.logits[t][j]));
            }),
          );
          expect(worst).toBeLessThanOrEqual(Math.max(1e-4, 1e-5 * scale));
        }
      });

      it('held-out accuracy regenerated in TypeScript matches the manifest within 2 points', async () => {
        for (const [level, recorded] of Object.entries(spec.accuracy)) {
          let right = 0;
          let asked = 0;
          for (const ex of heldOut(spec.task as TaskId, Number(level), manifest.heldOut.per_level, manifest.heldOut.seed)) {
            const { outputs } = await runInNode(prepareTrained(spec, weights, ex.tokens));
            const { logits } = decodeTrained(spec, outputs);
            ex.targets.forEach((y, t) => {
              if (y === IGNORE) return;
              asked++;
              const row = logits[t];
              if (row.indexOf(Math.max(...row)) === y) right++;
            });
          }
          expect(Math.abs(right / asked - recorded), `level ${level}`).toBeLessThanOrEqual(0.02);
        }
      }, 120_000);
    });
  }

  it('refuses a truncated or corrupt weights file with a message naming the file', () => {
    const spec = manifest.models[0];
    const good = bytesOf(spec);
    expect(() => readWeights(spec, good.slice(0, good.byteLength - 4))).toThrow(WeightsError);
    const nan = good.slice(0);
    new DataView(nan).setFloat32(0, Number.NaN, true);
    expect(() => readWeights(spec, nan)).toThrow(/non-finite/);
  });
});
