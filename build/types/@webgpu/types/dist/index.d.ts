// Stands in for @webgpu/types, which @tensorflow/tfjs-core's declarations reference: its global GPU*
// declarations (0.1.38) clash with this repo's own narrow WebGPU types (src/runtime/webgpu.ts, the e2e
// stubs). The engine never touches tfjs's WebGPU types; under skipLibCheck nothing needs their bodies.
export {};
