// npm run bench's training rows: steps/s of the training engine per mechanism in Node (tfjs's cpu
// backend, one thread) at the size, against the target of 300 steps in 60 s. Its WASM backend
// does not start through Vite's Node loader ("wasmFactory is not a function"); the browser's WASM and
// WebGPU rates are the training-lab rows (scripts/bench/trainLab.ts).
import { loadMeasure } from './load';
import type { StepsRow } from './measure';

export interface TrainingBench {
  rows: StepsRow[];
  targetStepsPerSecond: number;
  size: object;
}

export async function runTrainingBench(quick: boolean): Promise<TrainingBench> {
  const { measure, close } = await loadMeasure();
  try {
    const rows: StepsRow[] = [];
    rows.push(...(await measure.measureSteps('cpu', measure.TRAIN_MECHANISMS, quick ? 5 : 20)));
    return { rows, targetStepsPerSecond: measure.TARGET_STEPS_PER_SECOND, size: measure.BENCH_SIZE };
  } finally {
    await close();
  }
}

export function trainingTable({ rows, targetStepsPerSecond }: TrainingBench): string {
  const head = 'mechanism          backend  steps/s  300 steps  target (≤ 60 s)';
  const lines = rows.map((r) => {
    const s300 = 300 / r.stepsPerSecond;
    return `${r.mechanism.padEnd(18)} ${r.backend.padEnd(8)} ${r.stepsPerSecond.toFixed(2).padStart(7)}  ${s300.toFixed(0).padStart(7)} s  ${r.stepsPerSecond >= targetStepsPerSecond ? 'met' : 'short'}`;
  });
  return [head, ...lines].join('\n');
}
