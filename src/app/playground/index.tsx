// The playground route, loaded on demand: the chapters' readers never download it.
import { Suspense, lazy } from 'react';
import { SettleGate, Settled } from '../shell/pageSettle';

const PlaygroundPage = lazy(() => import('./PlaygroundPage').then((m) => ({ default: m.PlaygroundPage })));

export function PlaygroundRoute() {
  return (
    // Painted once its code is in, so the footer under the placeholder does not jump (pageSettle.tsx).
    <SettleGate parts={['playground']}>
      <Suspense fallback={<p className="muted">…</p>}>
        <PlaygroundPage />
        <Settled part="playground" />
      </Suspense>
    </SettleGate>
  );
}
