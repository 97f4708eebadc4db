// The lab route (#/lab), loaded on demand: its live figure's code (the core, the heatmaps, d3's colour
// scales) stays out of the entry chunk that every page waits for before its first paint.
import { lazy } from 'react';
import { SettledRoute } from '../shell/pageSettle';

const FirstLight = lazy(() => import('./FirstLight').then((m) => ({ default: m.FirstLight })));

/** Painted once its code and its prose are in: the figure sat under an empty space and then moved down. The figure waits for itself (DualView). */
const LAB_ALSO = ['prose-all'] as const;

export function LabRoute() {
  return (
    <SettledRoute part="lab" also={LAB_ALSO}>
      <FirstLight />
    </SettledRoute>
  );
}
