// Training steps per second in Node, per mechanism and backend (npm run bench prints the same rows):
//   npx tsx scripts/train/steps.ts [cpu|wasm] [mechanism,…]
import { loadMeasure } from './load';

async function main() {
  const { measure, close } = await loadMeasure();
  const backend = (process.argv[2] ?? 'cpu') as 'cpu' | 'wasm';
  const mechanisms = process.argv[3] ? process.argv[3].split(',') : measure.TRAIN_MECHANISMS;
  for (const row of await measure.measureSteps(backend, mechanisms)) console.log(JSON.stringify(row));
  await close();
}
void main();
