// The playground route, loaded on demand: the chapters' readers never download it.
import { Suspense, lazy } from 'react';

const PlaygroundPage = lazy(() => import('./PlaygroundPage').then((m) => ({ default: m.PlaygroundPage })));

export function PlaygroundRoute() {
  return (
    <Suspense fallback={<p className="muted">…</p>}>
      <PlaygroundPage />
    </Suspense>
  );
}
