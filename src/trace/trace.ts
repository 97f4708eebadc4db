// The one record that figures play and the `trace` command prints: what went in, what each step
// did to the memory, what came out, and which backend computed it how fast.
import { caseSizes, type Case, type Mechanism } from '../core/cases';
import type { Mat } from '../core/linalg';
import type { StepRecord } from '../core/rule';
import type { View, ViewResult } from '../core/views';

/** 'precomputed': the same models, run at build time (precomputed.ts), shown until the live run lands. */
export type TraceBackend = 'webgpu' | 'wasm' | 'reference' | 'precomputed';

export const TRACE_SCHEMA = 'memory-lane/trace@1';

export interface Trace {
  schema: typeof TRACE_SCHEMA;
  mechanism: Mechanism;
  view: View;
  backend: TraceBackend;
  /** Chunk size of the chunkwise view. */
  chunk?: number;
  T: number;
  dk: number;
  dv: number;
  input: Case;
  /** T × d_v outputs. */
  o: Mat;
  /** S_T, or null for softmax attention. */
  S_final: Mat | null;
  /** Recurrent view: what each step did (S_t, decayed, recalled, erase, write, o_t). */
  steps?: StepRecord[];
  /** Parallel view: the T × T weight matrix (O = M V) where it is defined. */
  M?: Mat | null;
  /** Model time: milliseconds inside the run (session creation excluded). */
  ms: number;
  /** Session creation time, when this run created one. */
  sessionMs?: number;
}

export interface TraceMeta {
  view: View;
  backend: TraceBackend;
  ms: number;
  sessionMs?: number;
  chunk?: number;
}

export function makeTrace(input: Case, result: ViewResult, meta: TraceMeta): Trace {
  const { T, dk, dv } = caseSizes(input);
  return {
    schema: TRACE_SCHEMA,
    mechanism: input.mechanism,
    view: meta.view,
    backend: meta.backend,
    ...(meta.view === 'chunkwise' ? { chunk: meta.chunk ?? 2 } : {}),
    T,
    dk,
    dv,
    input,
    o: result.o,
    S_final: result.S_final,
    ...(result.steps ? { steps: result.steps } : {}),
    ...(result.M !== undefined ? { M: result.M } : {}),
    ms: meta.ms,
    ...(meta.sessionMs !== undefined ? { sessionMs: meta.sessionMs } : {}),
  };
}

/** The `trace` command's output (docs/trace-cli.md): a fixed subset of the trace, plus S per step on request. */
export interface CliTrace {
  mechanism: Mechanism;
  view: View;
  backend: TraceBackend;
  o: Mat;
  S_final: Mat | null;
  ms: number;
  S?: Mat[];
}

export function toCliJson(trace: Trace, withSteps: boolean): CliTrace {
  const out: CliTrace = {
    mechanism: trace.mechanism,
    view: trace.view,
    backend: trace.backend,
    o: trace.o,
    S_final: trace.S_final,
    ms: trace.ms,
  };
  if (withSteps && trace.steps) out.S = trace.steps.map((s) => s.S);
  return out;
}
