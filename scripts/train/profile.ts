import { loadMeasure } from './load';
async function main() {
  const { measure, close } = await loadMeasure();
  await measure.profileStep(process.argv[2] ?? 'linear_attention', (process.argv[3] ?? 'cpu') as 'cpu');
  await close();
}
void main();
