// "It really learns": train as train.py does and print held-out accuracy per level (JSON lines).
//   npx tsx scripts/train/learn.ts <task> <mechanism,…> <steps> [cpu|wasm] [noGate|noDelta|freezeKeys|-] [level d_model batch seed [horizon]]
// horizon: the cosine schedule's length (default: steps; the lab's page uses the offline run's, 2000).
// Backend: cpu by default; tfjs's WASM backend does not start through Vite's Node loader (docs/training-engine.md).
import { loadMeasure } from './load';
import type { TaskId } from '../../src/core/tasks';
import type { TrainMechanism } from '../../src/train/types';

async function main() {
  const { measure, close } = await loadMeasure();
  const [task, mechanisms, steps, backend = 'cpu', ablation, level, dModel, batch, seed, horizon] = process.argv.slice(2);
  const small = level ? { level: Number(level), levels: [Number(level)], dModel: Number(dModel) as 16, batch: Number(batch), seed: Number(seed), ...(horizon ? { horizon: Number(horizon) } : {}) } : {};
  const ablations = { noGate: ablation === 'noGate', noDelta: ablation === 'noDelta', freezeKeys: ablation === 'freezeKeys' };
  for (const m of mechanisms.split(','))
    console.log(JSON.stringify(await measure.learn(task as TaskId, m as TrainMechanism, Number(steps), backend as 'cpu' | 'wasm', { ablations, ...small })));
  await close();
}
void main();
