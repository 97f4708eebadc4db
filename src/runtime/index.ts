export { runModel, runPrepared, releaseSessions, liveSessionCount, type Backend, type BackendNotice, type GraphOutcome, type RunOptions, type RunOutcome } from './run';
export { detectWebGpu, type WebGpuSupport } from './webgpu';
export { RuntimeError, type RuntimeErrorKind } from './errors';
export type { Choice, Timings } from './backendChoice';
