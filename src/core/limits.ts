// Every size limit of the site and the `trace` command, in one table (docs/trace-cli.md, "Limits").
// The case validator, the playground's controls, import and links, and the command all read it, so
// a learner meets the same limit, named the same way, on the page and in a terminal. Each is checked
// before any work starts.

export const LIMITS = {
  /** Sequence length T: long enough to see O(T²) bite, small enough for any laptop. */
  maxT: 1024,
  /** Widths d_k and d_v (Mamba-1: N and D). */
  maxDim: 64,
  /** Chunk size of the chunkwise view (also at most T). */
  maxChunk: 1024,
  /**
   * A case or trace file, in bytes: the largest valid case (Mamba-1 at T = 1024, D = N = 64, every
   * number at full precision) is ~5.6 MB. A trace with every step at that size (~80 MB) is not.
   */
  maxImportBytes: 8 * 1024 * 1024,
  /** One link parameter's text: a link is meant to be pasted, not to carry a data set. */
  maxParamLength: 2000,
  /** The compressed case in a link (?case=): links beyond ~8 KB break in mail, chat and some servers. */
  maxCaseLink: 8192,
  /**
   * Numbers printed by `trace --steps` (T · d_v · d_k). Fixed on its own, not derived from the
   * limits above, so a larger T one day cannot silently make the command print gigabytes.
   */
  maxStepNumbers: 1024 * 64 * 64,
} as const;

/** A JSON number as `trace` prints it is at most ~24 characters ("-0.12345678901234567e-300,"). */
const BYTES_PER_NUMBER = 24;

/** An upper estimate of what `trace --steps` prints for the per-step states, in bytes. */
export function stepsOutputBytes(T: number, dv: number, dk: number): number {
  return T * dv * dk * BYTES_PER_NUMBER;
}

/** "1.5 MB": sizes in messages, binary megabytes, one decimal rounded up, so a size just over a
 *  limit never reads as the limit itself ("8.1 MB; the limit is 8.0 MB"). */
export function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / 2 ** 20) * 10) / 10).toFixed(1)} MB`;
}
