import { describe, expect, it } from 'vitest';
import { MIN_FIT_WIDTH, fitWidth, tickStride } from './useFitWidth';

describe('fitWidth: a plot lays out at its box width below its natural width', () => {
  it('keeps the natural width when the box is wider or unknown', () => {
    expect(fitWidth(640, 900)).toBe(640);
    expect(fitWidth(640, null)).toBe(640);
    expect(fitWidth(640, 0)).toBe(640);
  });
  it('takes the box width on a phone (one unit = one CSS pixel), never below the floor', () => {
    expect(fitWidth(640, 314.8)).toBe(315);
    expect(fitWidth(640, 120)).toBe(MIN_FIT_WIDTH);
  });
});

describe('tickStride', () => {
  it('labels every tick when they are far enough apart, every k-th when not', () => {
    expect(tickStride(30, 24)).toBe(1);
    expect(tickStride(17, 24)).toBe(2);
    expect(tickStride(8.5, 24)).toBe(3);
    expect(tickStride(0, 24)).toBe(1);
  });
});
