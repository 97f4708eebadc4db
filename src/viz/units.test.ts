import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount } from './units';

describe('units', () => {
  it('bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1000)).toBe('1000 B');
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(512 * 1024)).toBe('512 KiB');
    expect(formatBytes(64 * 2 ** 20)).toBe('64 MiB');
    expect(formatBytes(1.5 * 2 ** 20)).toBe('1.5 MiB');
    expect(formatBytes(4 * 2_000_000 ** 2)).toBe('14.6 TiB');
  });

  it('counts with separators', () => {
    expect(formatCount(65536, 'en')).toBe('65,536');
    expect(formatCount(65536, 'zh-TW')).toBe('65,536');
    for (const [n, text] of [[0, '0'], [999, '999'], [1000, '1,000'], [1234567, '1,234,567'], [-1234, '-1,234'], [100000, '100,000']] as const)
      expect(formatCount(n, 'en')).toBe(text);
  });

  it('counts as the browser formats them, in both languages (ICU, beside the hand-made grouping)', () => {
    const samples = [1, 12, 123, 1234, 12345, 123456, 7654321, 2 ** 31, 2 ** 40 + 7, Number.MAX_SAFE_INTEGER, -98765, 1.5, 2 ** 60];
    for (const n of samples) {
      expect(formatCount(n, 'en')).toBe(n.toLocaleString('en-US'));
      expect(formatCount(n, 'zh-TW')).toBe(n.toLocaleString('zh-TW'));
    }
  });
});
