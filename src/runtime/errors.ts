// Every failure in the runtime becomes one of these, with a message a learner can read.
export type RuntimeErrorKind =
  | 'load' // onnxruntime-web or its wasm could not be loaded
  | 'session' // the model could not be turned into a session (corrupt model, unsupported op)
  | 'run' // the model ran and failed
  | 'input' // the inputs were refused before running
  | 'webgpu'; // WebGPU was asked for and is missing or failed

export class RuntimeError extends Error {
  constructor(
    readonly kind: RuntimeErrorKind,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

export function asRuntimeError(kind: RuntimeErrorKind, userMessage: string, e: unknown): RuntimeError {
  if (e instanceof RuntimeError) return e;
  return new RuntimeError(kind, userMessage, describeError(e));
}
