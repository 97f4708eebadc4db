// Which mechanisms the training lab trains, with nothing of the page's styles, so the bench
// (scripts/bench/trainLab.ts) and the e2e tests read the same list the page does.
import { TRAINED_MECHANISMS } from '../../models/trained';
import type { TrainMechanism } from '../../train/types';

/** Every mechanism the lab trains, in the order the page lists them: the offline models' (src/models/trained.ts) but the LTI contrast. */
export const TRAIN_MECHANISMS: readonly TrainMechanism[] = TRAINED_MECHANISMS.filter((m): m is TrainMechanism => m !== 'lti');
