// The one place the training lab maps its mechanism ids (src/train/types.ts, as in
// scripts/train/model.py) onto the course registry's, for colours, dashes and names.
import type { Mechanism } from '../../core/registry';
import type { TrainMechanism } from '../../train/types';
import { MECHANISM_LINE, mechanismColor, type CurveMarker } from '../../viz/theme';

export { TRAIN_MECHANISMS } from './labMechanisms';

/** The registry mechanism whose colour and line a training id wears ('mamba2' is the registry's Mamba-2). */
export const REGISTRY_OF: Readonly<Record<TrainMechanism, Mechanism>> = {
  linear_attention: 'linear_attention',
  retnet: 'retnet',
  mamba2: 'mamba2',
  gla: 'gla',
  deltanet: 'deltanet',
  gated_deltanet: 'gated_deltanet',
  mamba: 'mamba',
  softmax_attention: 'softmax_attention',
};

export interface LineStyle {
  color: string;
  dash: string;
  marker: CurveMarker;
}

export function lineStyle(m: TrainMechanism): LineStyle {
  const r = REGISTRY_OF[m];
  return { color: mechanismColor[r], ...MECHANISM_LINE[r] };
}
