// The training lab's route, loaded on demand: the chapters' readers never download it or its engine.
import { lazy } from 'react';
import { SettledRoute } from '../shell/pageSettle';

const TrainPage = lazy(() => import('./TrainPage').then((m) => ({ default: m.TrainPage })));

export function TrainRoute() {
  return (
    <SettledRoute part="train">
      <TrainPage />
    </SettledRoute>
  );
}
