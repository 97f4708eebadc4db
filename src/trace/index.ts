export * from './trace';
export * from './precomputed';
