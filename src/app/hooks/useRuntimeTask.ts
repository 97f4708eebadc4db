// The one piece of plumbing behind every live run on the site: start an asynchronous task (which
// fetches the runtime lazily and runs a graph) whenever its inputs change, and hand back its state.
// The state answers for the inputs on show only, so a result that lands for an older input is never
// shown as the new one's, and any failure arrives as a RuntimeError the page can put into words.
import { useEffect, useState } from 'react';
import { asRuntimeError, type RuntimeError, type RuntimeErrorKind } from '../../runtime/errors';
import { runtimeMayStart } from './runtimeStart';

export type TaskState<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; error: RuntimeError };

export interface TaskOptions {
  /** Wait this long after the last change before starting (inputs that move under a drag). */
  settleMs?: number;
  /** The kind a failure that is not already a RuntimeError gets. */
  errorKind?: RuntimeErrorKind;
  /** false: nothing runs and the hook answers null (the page says why). */
  enabled?: boolean;
}

const LOADING = { status: 'loading' } as const;

/** A state and the inputs it was computed from. */
export interface Landed<T> {
  inputs: readonly unknown[];
  state: TaskState<T>;
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** What the page shows for `inputs`: the landed state if it is theirs, else loading. */
export function stateFor<T>(landed: Landed<T> | null, inputs: readonly unknown[]): TaskState<T> {
  return landed && sameInputs(landed.inputs, inputs) ? landed.state : LOADING;
}

/** Runs the task once and lands its value, or its failure as a RuntimeError. */
export function settle<T>(task: () => Promise<T>, errorKind: RuntimeErrorKind): Promise<TaskState<T>> {
  let started: Promise<T>;
  try {
    started = task();
  } catch (e) {
    started = Promise.reject(e);
  }
  return started.then(
    (value): TaskState<T> => ({ status: 'done', value }),
    (e: unknown): TaskState<T> => ({ status: 'error', error: asRuntimeError(errorKind, String(e), e) }),
  );
}

/** Runs `task` for `inputs` (compared by identity, as React compares effect dependencies). */
export function useRuntimeTask<T>(task: () => Promise<T>, inputs: readonly unknown[], options: TaskOptions & { enabled: boolean }): TaskState<T> | null;
export function useRuntimeTask<T>(task: () => Promise<T>, inputs: readonly unknown[], options?: Omit<TaskOptions, 'enabled'>): TaskState<T>;
export function useRuntimeTask<T>(task: () => Promise<T>, inputs: readonly unknown[], { settleMs = 0, errorKind = 'load', enabled = true }: TaskOptions = {}): TaskState<T> | null {
  const [landed, setLanded] = useState<Landed<T> | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    // The first task of a page waits until the runtime may start (runtimeStart.ts); later ones at once.
    const start = () => settle(() => runtimeMayStart().then(task), errorKind).then((state) => current && setLanded({ inputs, state }));
    const timer = settleMs > 0 ? setTimeout(start, settleMs) : (start(), undefined);
    return () => {
      current = false;
      if (timer !== undefined) clearTimeout(timer);
    };
    // The task is a fresh closure every render; `inputs` are what it depends on.
  }, [enabled, settleMs, errorKind, ...inputs]);
  if (!enabled) return null;
  return stateFor(landed, inputs);
}
