// The page's words for an engine error: a failed model is named with the step it failed at, and a loss
// that is no longer a number gets advice rather than the engine's English detail.
import { fill } from '../i18n';
import type { TrainMechanism } from '../../train/types';
import type { RunError } from './runState';
import type { trainStrings } from './train.strings';

type Words = (typeof trainStrings)['en'];

export function runErrorLine(ui: Words, names: Record<TrainMechanism, string>, { message, failed }: RunError): string {
  if (!failed) return fill(ui.engineError, { detail: message });
  const at = { model: names[failed.mechanism], step: String(failed.step) };
  return failed.nonFiniteLoss ? fill(ui.lossNotFinite, at) : fill(ui.modelError, { ...at, detail: message });
}
