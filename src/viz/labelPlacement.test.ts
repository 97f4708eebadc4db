import { describe, expect, it } from 'vitest';
import { boxAt, placeLabels } from './labelPlacement';

const intersect = (a: ReturnType<typeof boxAt>, b: ReturnType<typeof boxAt>) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const boxes = (labels: ReturnType<typeof placeLabels>) => labels.map((l) => boxAt(l.x, l.y, l.width, l.height));

describe('placeLabels', () => {
  it('keeps the usual spot (right of the point, above it for keys, below for the query)', () => {
    const [k, q] = placeLabels([
      { px: 50, py: 50, text: 'k₁' },
      { px: 150, py: 150, text: 'q', below: true },
    ]);
    expect([k.x, k.y]).toEqual([61, 42]);
    expect([q.x, q.y]).toEqual([161, 170]);
  });
  it('never overlaps two labels, even when the keys meet at one point', () => {
    const labels = placeLabels([
      { px: 100, py: 100, text: 'k₁' },
      { px: 100, py: 100, text: 'k₂' },
      { px: 100, py: 100, text: 'k₃' },
      { px: 100, py: 100, text: 'q', below: true },
    ]);
    const b = boxes(labels);
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) expect(intersect(b[i], b[j]), `${i} and ${j}`).toBe(false);
  });
  it('also when they are a few pixels apart', () => {
    const b = boxes(placeLabels([{ px: 100, py: 100, text: 'k₁' }, { px: 103, py: 98, text: 'k₂' }]));
    expect(intersect(b[0], b[1])).toBe(false);
  });
});
