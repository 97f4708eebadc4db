// One Trainer for the page: loaded once, configured whenever the setup changes, its events folded
// into the run state, and the chosen model's probe read every few steps.
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ProbeReading, TrainConfig, TrainEvent, TrainMechanism, Trainer } from '../../train/types';
import { EMPTY_RUN, reduceRun, type RunState } from './runState';

/** Steps between two probe readings while training runs (each one is a forward pass on the probe). */
export const PROBE_EVERY = 20;

/**
 * Progress is drawn at most this often (ms). The engine reports every step — 30–40 a second for two small
 * models on WASM — and each report re-drew the page's table, counter and chart: about half of the main
 * thread while training (a CPU profile of 8 s: 2.8 s of rendering work, 1.5 s of script), and inputs waited
 * behind it. Ten pictures a second keep the curves moving; every step's numbers still reach the state.
 */
export const DRAW_PROGRESS_EVERY_MS = 100;

type Action = TrainEvent | { kind: 'clear' } | { kind: 'events'; events: TrainEvent[] };

function reduce(state: RunState, action: Action): RunState {
  if (action.kind === 'clear') return { ...EMPTY_RUN, backend: state.backend };
  if (action.kind === 'events') return action.events.reduce(reduceRun, state);
  return reduceRun(state, action);
}

export interface TrainSession {
  trainer: Trainer | null;
  /** The engine could not be loaded at all. */
  loadError: string | null;
  /** The current setup has been handed to the engine. */
  ready: boolean;
  run: RunState;
  probe: ProbeReading | null;
  train(): void;
  pause(): void;
  stepOnce(): void;
  reset(): void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useTrainSession(load: () => Promise<Trainer>, config: TrainConfig, probeMechanism: TrainMechanism): TrainSession {
  const [trainer, setTrainer] = useState<Trainer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [run, dispatch] = useReducer(reduce, EMPTY_RUN);
  const [probe, setProbe] = useState<ProbeReading | null>(null);

  useEffect(() => {
    let live = true;
    let made: Trainer | null = null;
    load().then(
      (t) => {
        if (!live) return t.dispose();
        made = t;
        setTrainer(t);
      },
      (e: unknown) => live && setLoadError(message(e)),
    );
    return () => {
      live = false;
      made?.dispose();
    };
  }, [load]);

  // Progress gathered and drawn together (DRAW_PROGRESS_EVERY_MS); any other event, after what came before it, at once.
  useEffect(() => {
    if (!trainer) return;
    let held: TrainEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      // As a transition: React draws the new curves in short slices and lets the learner's input in between.
      const events = held;
      if (events.length > 0) startTransition(() => dispatch({ kind: 'events', events }));
      held = [];
    };
    const stop = trainer.subscribe((event) => {
      if (event.kind === 'progress') {
        held.push(event);
        timer ??= setTimeout(flush, DRAW_PROGRESS_EVERY_MS);
        return;
      }
      flush();
      dispatch(event);
    });
    return () => {
      stop();
      flush();
    };
  }, [trainer]);

  // A new setup: hand it to the engine (which starts the models afresh) and clear the curves.
  const configKey = JSON.stringify(config);
  useEffect(() => {
    if (!trainer) return;
    let live = true;
    setReady(false);
    setProbe(null);
    dispatch({ kind: 'clear' });
    trainer.configure(JSON.parse(configKey) as TrainConfig).then(
      () => live && setReady(true),
      (e: unknown) => live && dispatch({ kind: 'error', message: message(e) }),
    );
    return () => {
      live = false;
    };
  }, [trainer, configKey]);

  // The probe: at every PROBE_EVERY-th step while training, at every step otherwise; one at a time.
  const bucket = run.phase === 'training' ? Math.floor(run.step / PROBE_EVERY) : run.step;
  const reading = useRef(false);
  const [again, setAgain] = useState(0);
  useEffect(() => {
    if (!trainer || !ready || !config.mechanisms.includes(probeMechanism)) return;
    if (reading.current) return;
    reading.current = true;
    let live = true;
    trainer.probe(probeMechanism).then(
      (r) => {
        reading.current = false;
        // A new reading re-renders the probe's whole memory figure: as a transition, input comes first.
        if (live) startTransition(() => setProbe(r));
        else setAgain((n) => n + 1); // a newer step arrived meanwhile: read again
      },
      () => {
        reading.current = false;
      },
    );
    return () => {
      live = false;
    };
    // configKey: a new setup needs a new reading even at the same step.
  }, [trainer, ready, probeMechanism, bucket, run.phase, configKey, again]);

  const act = useCallback((f: (t: Trainer) => void | Promise<void>) => {
    if (!trainer) return;
    Promise.resolve()
      .then(() => f(trainer))
      .catch((e: unknown) => dispatch({ kind: 'error', message: message(e) }));
  }, [trainer]);

  return {
    trainer,
    loadError,
    ready,
    run,
    probe: probe && probe.mechanism === probeMechanism ? probe : null,
    train: () => act((t) => t.start()),
    pause: () => act((t) => t.pause()),
    stepOnce: () => act((t) => t.stepOnce()),
    reset: () =>
      act(async (t) => {
        await t.reset();
        dispatch({ kind: 'clear' });
      }),
  };
}
