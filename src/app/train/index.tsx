// The training lab's route, loaded on demand: the chapters' readers never download it or its engine.
import { lazy } from 'react';
import { SettledRoute } from '../shell/pageSettle';

// Its prose above the setup form arrives after the page's code: painted before it, the form moved down.
const TRAIN_PROSE = ['prose-before', 'prose-after'];

const TrainPage = lazy(() => import('./TrainPage').then((m) => ({ default: m.TrainPage })));

export function TrainRoute() {
  return (
    <SettledRoute part="train" also={TRAIN_PROSE}>
      <TrainPage />
    </SettledRoute>
  );
}
