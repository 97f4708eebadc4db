import { describe, expect, it } from 'vitest';
import { stepWindow, windowOf } from './stepWindow';

describe('stepWindow', () => {
  it('centres the window on the shown step and keeps it inside the sequence', () => {
    expect(stepWindow(8, -1, 5)).toEqual({ from: 0, to: 5 });
    expect(stepWindow(8, 0, 5)).toEqual({ from: 0, to: 5 });
    expect(stepWindow(8, 4, 5)).toEqual({ from: 2, to: 7 });
    expect(stepWindow(8, 7, 5)).toEqual({ from: 3, to: 8 });
    expect(stepWindow(64, 30, 4)).toEqual({ from: 29, to: 33 });
  });
  it('is the whole sequence when it is short', () => {
    expect(stepWindow(3, 2, 5)).toEqual({ from: 0, to: 3 });
    expect(stepWindow(0, -1, 5)).toEqual({ from: 0, to: 0 });
  });
  it('cuts the same rows and columns of a square matrix', () => {
    const m = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    expect(windowOf(m, 1, 3)).toEqual([
      [5, 6],
      [8, 9],
    ]);
  });
});
