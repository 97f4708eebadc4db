// The backend notice a run will carry for lack of WebGPU, known before the run ends (runtime/gpuNotice.ts):
// a figure shows it from its first paint rather than jumping down when the model answers.
import { useEffect, useState } from 'react';
import type { View } from '../../core/views';
import type { BackendPreference } from '../../runtime/backendChoice';
import { noticeBeforeRun, type BackendNotice } from '../../runtime/gpuNotice';

/** undefined while the browser is still being asked; then the notice, or null for none. */
export function useNoticeBeforeRun(view: View, asked: BackendPreference): BackendNotice | null | undefined {
  const [notice, setNotice] = useState<BackendNotice | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    noticeBeforeRun(view, asked).then(
      (n) => live && setNotice(n),
      () => live && setNotice(null),
    );
    return () => {
      live = false;
    };
  }, [view, asked]);
  return notice;
}
