/**
 * What a figure prints for a number float32 could not hold (docs/design.md §2): ∞ for one too large,
 * — for NaN (not a number at all); never the words "NaN" or "Infinity".
 */
export function formatNonFinite(x: number): string {
  if (Number.isNaN(x)) return '—';
  return x > 0 ? '∞' : '−∞';
}

/** Numbers as figures print them: fixed digits, a real minus sign, no "-0.000". */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return formatNonFinite(x);
  // Huge numbers (typed inputs near float32's limit) in powers of ten, not 40 digits across a cell.
  if (Math.abs(x) >= 1e9) return x.toExponential(Math.max(0, digits - 1)).replace('e+', 'e').replace('-', '−');
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** Milliseconds with sensible precision. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** A small difference in scientific notation (e.g. 2.4e-7). */
export function formatDiff(x: number): string {
  if (!Number.isFinite(x)) return formatNonFinite(x);
  if (x === 0) return '0';
  return x.toExponential(1).replace('-', '−');
}
