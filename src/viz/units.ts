// Sizes as figures print them: binary units (1 KiB = 1024 B), three significant digits at most.
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return String(bytes);
  let value = bytes;
  let u = 0;
  while (value >= 1024 && u < UNITS.length - 1) {
    value /= 1024;
    u++;
  }
  const digits = value >= 100 || Number.isInteger(value) ? 0 : value >= 10 ? 1 : 2;
  return `${Number(value.toFixed(digits))} ${UNITS[u]}`;
}

/**
 * A whole number with thousands separators in the page's language (12,345 / 12,345): both languages
 * group by threes with a comma, so it is done by hand. The first Intl.NumberFormat a page builds costs
 * ~16 ms (ICU starting up; chapter 10's cost chart was the first to ask), one long task on Lighthouse's
 * phone. Anything but a safe integer goes to the browser's formatter.
 */
export function formatCount(n: number, lang: string): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString(lang === 'zh-TW' ? 'zh-TW' : 'en-US');
  const grouped = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}
