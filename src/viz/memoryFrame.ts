// What the memory figure shows at one instant: the step's recorded terms (StepRecord), picked and
// blended for the current beat. No model math happens here — every number is a recorded one or a
// straight-line blend between two recorded keyframes, so the end of each beat shows exact values.
import type { Mat, Vec } from '../core/linalg';
import type { StepRecord } from '../core/rule';
import type { Beat, BeatPosition } from './beats';

export { stepInputs, type StepInputs } from '../core/mechanisms';

export interface MemoryFrame {
  step: number;
  beat: Beat | 'none';
  /** 0 … 1 within the beat (1 = the beat's end state). */
  progress: number;
  /** The state as drawn now (d_v × d_k). */
  S: Mat;
  /** The term shown beside S: the erase term or the write v kᵀ, and how strongly it shows. */
  term: { kind: 'erase' | 'write'; values: Mat; opacity: number } | null;
  /** The delta rule's old value S k, once it has been read. */
  recalled: Vec | null;
  /** o_t as read so far; null before the read beat. */
  o: Vec | null;
  /** The key column the query is reading during the read beat. */
  sweepColumn: number | null;
}

const lerp = (a: number, b: number, p: number) => a + (b - a) * p;
const lerpMat = (A: Mat, B: Mat, p: number): Mat => (p >= 1 ? B : A.map((row, i) => row.map((a, j) => lerp(a, B[i][j], p))));
const zerosLike = (rows: number, cols: number): Mat => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

/**
 * The frame for `step` at `position`. `position` null (or a step that has no record yet) shows the
 * step's end state; `reduced` (prefers-reduced-motion) jumps every beat to its end state.
 */
export function memoryFrame(
  steps: readonly StepRecord[],
  dims: { dv: number; dk: number },
  step: number,
  position: BeatPosition | null,
  reduced = false,
): MemoryFrame {
  const rec = steps[step];
  if (step < 0 || !rec) {
    return { step, beat: 'none', progress: 1, S: zerosLike(dims.dv, dims.dk), term: null, recalled: null, o: null, sweepColumn: null };
  }
  const prev = step > 0 && steps[step - 1] ? steps[step - 1].S : zerosLike(dims.dv, dims.dk);
  // The keyframe between erase and write: the decayed memory minus the recorded erase term
  // (S_t − write). It is the figure's own in-between picture, built from two recorded terms.
  const erased = rec.decayed.map((row, i) => row.map((d, j) => d - rec.erase[i][j]));
  const beat = position?.beat ?? 'read';
  const p = reduced || !position ? 1 : Math.max(0, Math.min(1, position.progress));
  const base = { step, beat, progress: p, term: null, recalled: null, o: null, sweepColumn: null };
  switch (beat) {
    case 'decay':
      return { ...base, S: lerpMat(prev, rec.decayed, p) };
    case 'read-old':
      return { ...base, S: rec.decayed, recalled: rec.recalled };
    case 'erase':
      return { ...base, S: lerpMat(rec.decayed, erased, p), recalled: rec.recalled, term: { kind: 'erase', values: rec.erase, opacity: 1 } };
    case 'write': {
      // First half: v kᵀ appears beside S; second half: it lands and S becomes S_t.
      const appear = reduced ? 1 : Math.min(1, 2 * p);
      const land = reduced ? 1 : Math.max(0, 2 * p - 1);
      return { ...base, S: lerpMat(erased, rec.S, land), term: { kind: 'write', values: rec.write, opacity: appear } };
    }
    case 'read': {
      const dk = rec.S[0]?.length ?? 0;
      const sweepColumn = p < 1 && dk > 0 ? Math.min(dk - 1, Math.floor(p * dk)) : null;
      return { ...base, S: rec.S, o: p >= 1 ? rec.o : rec.o.map((x) => x * p), sweepColumn };
    }
  }
}
