// The playground route, loaded on demand: the chapters' readers never download it.
import { lazy } from 'react';
import { SettledRoute } from '../shell/pageSettle';

const PlaygroundPage = lazy(() => import('./PlaygroundPage').then((m) => ({ default: m.PlaygroundPage })));

export function PlaygroundRoute() {
  return (
    <SettledRoute part="playground">
      <PlaygroundPage />
    </SettledRoute>
  );
}
