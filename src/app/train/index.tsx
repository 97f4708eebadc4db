// The training lab's route, loaded on demand: the chapters' readers never download it or its engine.
import { Suspense, lazy } from 'react';

const TrainPage = lazy(() => import('./TrainPage').then((m) => ({ default: m.TrainPage })));

export function TrainRoute() {
  return (
    <Suspense fallback={<p className="muted">…</p>}>
      <TrainPage />
    </Suspense>
  );
}
