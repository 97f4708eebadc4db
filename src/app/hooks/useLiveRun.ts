// Run a case live (lazily loading onnxruntime-web) and hand back the outcome or a typed error.
// Stale results from an older input never overwrite newer ones.
import { useEffect, useState } from 'react';
import type { Case } from '../../core/cases';
import type { View } from '../../core/views';
import type { RunOptions, RunOutcome } from '../../runtime';
import { RuntimeError } from '../../runtime/errors';

/** precomputed: until (or instead of) the live outcome, the page shows a build-time trace (useModelTraces). */
export type LiveRun =
  | { status: 'loading'; precomputed?: boolean }
  | { status: 'done'; outcome: RunOutcome }
  | { status: 'error'; error: RuntimeError; precomputed?: boolean };

export function useLiveRun(c: Case, view: View, options: RunOptions = {}): LiveRun {
  const [state, setState] = useState<LiveRun>({ status: 'loading' });
  const { backend, chunk } = options;
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    // The runtime module (and with it onnxruntime-web) is fetched only now, after first paint.
    import('../../runtime')
      .then(({ runModel }) => runModel(c, view, { backend, chunk }))
      .then(
        (outcome) => current && setState({ status: 'done', outcome }),
        (e: unknown) =>
          current &&
          setState({
            status: 'error',
            error: e instanceof RuntimeError ? e : new RuntimeError('load', String(e), e instanceof Error ? e.message : undefined),
          }),
      );
    return () => {
      current = false;
    };
  }, [c, view, backend, chunk]);
  return state;
}
