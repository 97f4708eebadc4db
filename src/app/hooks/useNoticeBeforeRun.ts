// The backend notice a run will carry for lack of WebGPU, known before the run ends (runtime/gpuNotice.ts):
// a figure shows it from its first paint rather than jumping down when the model answers. A live figure
// on a page without WebGPU grew by the notice's height seconds after it was shown (65 px at 1280 px),
// and a question below it moved under a learner's pointer.
import { startTransition, useEffect, useState } from 'react';
import type { View } from '../../core/views';
import type { BackendPreference } from '../../runtime/backendChoice';
import { noticeBeforeRun, type BackendNotice } from '../../runtime/gpuNotice';
import { useHoldPaint } from '../../viz/paintHold';

/**
 * undefined while the browser is still being asked; then the notice, or null for none. Until it is
 * known, the page's lower stage stays unpainted (a quick question: the adapter request, no model).
 */
export function useNoticeBeforeRun(view: View, asked: BackendPreference, enabled = true): BackendNotice | null | undefined {
  const [notice, setNotice] = useState<BackendNotice | null | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // A transition: the figure that re-renders with the notice does so in slices, not in one task.
    const know = (n: BackendNotice | null) => live && startTransition(() => setNotice(n));
    noticeBeforeRun(view, asked).then(know, () => know(null));
    return () => {
      live = false;
    };
  }, [view, asked, enabled]);
  useHoldPaint(enabled && notice === undefined);
  return notice;
}
