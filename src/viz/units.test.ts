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
  });
});
