import { describe, expect, it } from 'vitest';
import { PLAYBACK_MAX_STATE_FLOATS, PLAYBACK_MAX_T, playsSteps } from './useViewRun';

describe('playsSteps: which cases the playground plays step by step', () => {
  it('plays T = 256 at d = 16 and d = 32 (issue #17), and T = 64 at d = 64 as before', () => {
    expect(PLAYBACK_MAX_T).toBe(256);
    expect(playsSteps(256, { dk: 16, dv: 16 })).toBe(true);
    expect(playsSteps(256, { dk: 32, dv: 32 })).toBe(true);
    expect(playsSteps(64, { dk: 64, dv: 64 })).toBe(true);
  });
  it('stops beyond T = 256 or beyond the state numbers of T = 64 at d = 64', () => {
    expect(playsSteps(257, { dk: 1, dv: 1 })).toBe(false);
    expect(playsSteps(1024, { dk: 16, dv: 16 })).toBe(false);
    expect(playsSteps(256, { dk: 64, dv: 64 })).toBe(false);
    expect(playsSteps(65, { dk: 64, dv: 64 })).toBe(false);
    expect(256 * 32 * 32).toBeLessThanOrEqual(PLAYBACK_MAX_STATE_FLOATS);
  });
});
