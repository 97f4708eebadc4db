// For the export tests: a small story model moved a few steps off its initial weights, exported as the
// lab exports it. Tests only (tfjs's cpu backend must be set by the caller).
import { TrainSession } from './session';
import type { ExportedModel, TrainMechanism } from './types';

export async function trainedFewSteps(mechanism: TrainMechanism, layers = 1, steps = 3): Promise<ExportedModel> {
  const s = new TrainSession({
    task: 'story',
    level: 4,
    mechanism,
    dModel: 16,
    layers,
    ablations: { noGate: false, noDelta: false, freezeKeys: false },
    seed: 5,
    batch: 8,
    learningRate: 3e-2,
  });
  for (let i = 0; i < steps; i++) s.trainStep().dispose();
  const exported = await s.exportWeights();
  s.dispose();
  return exported;
}
