import { describe, expect, it } from 'vitest';
import { hiddenEdges } from './useScrollFrames';

describe('hiddenEdges: which sides of a scrolling frame hide content', () => {
  it('none when it all fits', () => expect(hiddenEdges(0, 300, 300)).toBeNull());
  it('the right at the start, both in the middle, the left at the end', () => {
    expect(hiddenEdges(0, 500, 300)).toBe('right');
    expect(hiddenEdges(100, 500, 300)).toBe('both');
    expect(hiddenEdges(200, 500, 300)).toBe('left');
  });
  it('ignores sub-pixel rounding at either end', () => {
    expect(hiddenEdges(0.5, 500, 300)).toBe('right');
    expect(hiddenEdges(199.5, 500, 300)).toBe('left');
  });
});
