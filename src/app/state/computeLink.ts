// ?compute=webgpu|cpu|auto (wasm is a synonym of cpu): where the live models compute, for a lecturer
// or a curious learner who wants WebGPU shown whatever this device measured faster. Site-wide (query.ts
// GLOBAL_PARAMS); a bad value is reported in the link notice and 'auto' is used.
import { setBackendPreference, type BackendPreference } from '../../runtime/backendChoice';
import { oneOf } from './schema';
import { useUrlParam } from './UrlState';

const COMPUTE = ['auto', 'webgpu', 'cpu', 'wasm'] as const;
export const computeParam = oneOf(COMPUTE);

export function preferenceOf(compute: (typeof COMPUTE)[number]): BackendPreference {
  return compute === 'cpu' ? 'wasm' : compute;
}

/** Read the link's wish and hand it to the runtime's choice before any run of this page starts. */
export function useComputeLink(): void {
  const [compute] = useUrlParam('compute', computeParam, 'auto');
  // Set during render, not in an effect: the figures' runs start in their own effects, which run first.
  setBackendPreference(preferenceOf(compute));
}
