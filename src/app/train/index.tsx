// The training lab's route, loaded on demand: the chapters' readers never download it or its engine.
import { Suspense, lazy } from 'react';
import { SettleGate, Settled } from '../shell/pageSettle';

const TrainPage = lazy(() => import('./TrainPage').then((m) => ({ default: m.TrainPage })));

export function TrainRoute() {
  return (
    // Painted once its code is in, so the footer under the placeholder does not jump (pageSettle.tsx).
    <SettleGate parts={['train']}>
      <Suspense fallback={<p className="muted">…</p>}>
        <TrainPage />
        <Settled part="train" />
      </Suspense>
    </SettleGate>
  );
}
