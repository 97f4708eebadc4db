import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter } from './webgpu';

describe('isSoftwareAdapter', () => {
  it('believes the browser where it flags a fallback adapter', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ info: { isFallbackAdapter: true, vendor: 'nvidia' } })).toBe(true);
  });

  it('knows the software rasterisers by name when nothing is flagged (Chromium’s SwiftShader on Vulkan)', () => {
    expect(isSoftwareAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } })).toBe(true);
    expect(isSoftwareAdapter({ info: { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' } })).toBe(true);
    expect(isSoftwareAdapter({ info: { vendor: 'mesa', description: 'lavapipe' } })).toBe(true);
  });

  it('takes a named GPU, or one that says nothing, as hardware', () => {
    expect(isSoftwareAdapter({ info: { vendor: 'nvidia', architecture: 'hopper', isFallbackAdapter: false } })).toBe(false);
    expect(isSoftwareAdapter({ info: { vendor: 'apple', architecture: 'common-3' } })).toBe(false);
    expect(isSoftwareAdapter({})).toBe(false);
  });
});
